import { barChart, categoryLabels, percentChartFormat, valueChart } from "../charts.js";
import type { DeckContext } from "../context.js";
import type { Slide } from "../deck-model.js";
import { CONTENT_BOX } from "../geometry.js";
import { columns, rows } from "../layout.js";
import { summaryKpis } from "./summary.js";
import { valueWorking } from "./value-working.js";

/** Charts hold at most this many categories; the rest are summed in the totals. */
const MAX_BARS = 10;
/**
 * Up to this many goals, the value chart is only as tall as its bars need and the goals' working
 * (valueWorking) fills the column below it: one or two bars on a full-height chart float in an
 * empty frame.
 */
const FEW_BARS = 3;
/** A bar chart's title, legend and axis, and each category's pair of bars, in inches. */
const CHART_FRAME_HEIGHT = 1.1;
const CHART_CATEGORY_HEIGHT = 1.0;
/** The KPI tiles beside the chart: their usual height, and the least beside a compact chart. */
const KPI_HEIGHT = 3.2;
const MIN_KPI_HEIGHT = 2.0;
const ROW_GAP = 0.35;

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
    const compact = shown.length <= FEW_BARS;
    const chartHeight = CHART_FRAME_HEIGHT + CHART_CATEGORY_HEIGHT * shown.length;
    const [compactChartBox, workingBox] = rows(chartBox!, [chartHeight, "*"], ROW_GAP);
    // Beside a compact chart the tiles are as tall as it, and the summary starts level with the working.
    const kpiHeight = compact ? Math.min(KPI_HEIGHT, Math.max(MIN_KPI_HEIGHT, chartHeight)) : KPI_HEIGHT;
    const [kpiBox, textBox] = rows(sideBox!, [kpiHeight, "*"], compact ? ROW_GAP : 0.3);
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
        valueChart(context, compact ? compactChartBox! : chartBox!, shown, {
          title: context.text("value.chart.title"),
        }),
        ...(compact ? valueWorking(context, workingBox!, shown) : []),
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
