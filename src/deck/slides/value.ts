import { barChart, categoryLabels, percentChartFormat, valueChart } from "../charts.js";
import type { DeckContext } from "../context.js";
import type { Slide } from "../deck-model.js";
import { CONTENT_BOX } from "../geometry.js";
import { columns, rows } from "../layout.js";
import { summaryKpis } from "./summary.js";

/** Charts hold at most this many categories; the rest are summed in the totals. */
const MAX_BARS = 10;

/** Realized vs planned value per goal; without any value per unit, attainment vs plan instead. */
export function valueSlide(
  context: DeckContext,
  options: { id?: string; titleKey?: string; subtitleKey?: string } = {},
): Slide {
  const { analysis } = context;
  const [chartBox, sideBox] = columns(CONTENT_BOX, [7.6, 4.4]);
  const valued = analysis.goals.filter(({ goal }) => goal.value !== undefined);
  const notes = context.text("value.notes");
  if (valued.length > 0) {
    const shown = valued.slice(0, MAX_BARS);
    const [kpiBox, textBox] = rows(sideBox!, [3.2, "*"], 0.3);
    // Goals without a value per unit are named, not silently left out of the totals.
    const unvalued = analysis.goals
      .filter(({ goal }) => goal.value === undefined)
      .map(({ goal }) => goal.title);
    const [summaryBox, unvaluedBox] = unvalued.length > 0 ? rows(textBox!, ["*", "*"], 0.15) : [textBox!];
    const kpis = summaryKpis(context).slice(1, 3);
    return {
      id: options.id ?? "value",
      layout: "content",
      title: context.text(options.titleKey ?? "value.title"),
      subtitle: context.text(options.subtitleKey ?? "value.subtitle"),
      blocks: [
        valueChart(context, chartBox!, shown, { title: context.text("value.chart.title") }),
        { kind: "kpis", box: kpiBox!, items: kpis },
        { kind: "text", box: summaryBox!, text: context.text("value.summary"), style: "body" },
        ...(unvaluedBox
          ? [
              {
                kind: "text" as const,
                box: unvaluedBox,
                text: context.text("value.unvalued", { names: unvalued }),
                style: "small" as const,
                tone: "muted" as const,
              },
            ]
          : []),
      ],
      notes,
    };
  }
  const measured = analysis.goals.filter(({ figures }) => figures.attainment !== null).slice(0, MAX_BARS);
  return {
    id: options.id ?? "value",
    layout: "content",
    title: context.text("value.progress.title"),
    subtitle: context.text("value.progress.subtitle"),
    blocks: [
      barChart(
        { ...CONTENT_BOX, w: chartBox!.w },
        context.text("value.progress.chart.title"),
        categoryLabels(measured.map(({ goal }) => goal.title)),
        [
          {
            name: context.text("value.progress.series.actual"),
            role: "actual",
            values: measured.map(({ figures }) => figures.attainment ?? 0),
          },
          {
            name: context.text("value.progress.series.plan"),
            role: "plan",
            values: measured.map(({ figures }) => figures.expectedProgress ?? 0),
          },
        ],
        percentChartFormat(
          measured.flatMap(({ figures }) => [figures.attainment ?? 0, figures.expectedProgress ?? 0]),
          context.percentGuards,
        ),
        (value) => context.percent(value),
      ),
      { kind: "text", box: sideBox!, text: context.text("value.progress.summary"), style: "body" },
    ],
    notes,
  };
}
