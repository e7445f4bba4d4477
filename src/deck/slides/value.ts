import { barChart, categoryLabels, percentChartFormat, valueChart } from "../charts.js";
import type { DeckContext } from "../context.js";
import type { Block, Box, Kpi, Slide } from "../deck-model.js";
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
/** The working table needs its heading, header row and one row per goal. */
const WORKING_MIN_HEIGHT = 1.15;
/** The KPI tiles beside the chart: their usual height, and the least beside a compact chart. */
const KPI_HEIGHT = 3.2;
const MIN_KPI_HEIGHT = 2.0;
/** A row of KPI tiles across the slide, above the chart (the renewal's three tiles). */
const KPI_ROW_HEIGHT = 1.5;
const ROW_GAP = 0.35;

export interface ValueSlideOptions {
  id?: string;
  titleKey?: string;
  subtitleKey?: string;
  /**
   * Tiles in a row across the top instead of the two beside the chart (the renewal's value, the
   * contract's value and the ratio need the full width).
   */
  kpiRow?: Kpi[];
}

/** Realized vs planned value per goal; without any value per unit, attainment vs plan instead. */
export function valueSlide(context: DeckContext, options: ValueSlideOptions = {}): Slide {
  const valued = context.analysis.goals.filter(({ goal }) => goal.value !== undefined);
  const [kpiRow, lower] = options.kpiRow
    ? rows(CONTENT_BOX, [KPI_ROW_HEIGHT, "*"], 0.3)
    : [null, CONTENT_BOX];
  const [chartArea, sideBox] = columns(lower!, [7.6, 4.4]);
  const top: Block[] = kpiRow && options.kpiRow ? [{ kind: "kpis", box: kpiRow, items: options.kpiRow }] : [];
  const slide = (titleKey: string, subtitleKey: string, blocks: Block[]): Slide => ({
    id: options.id ?? "value",
    layout: "content",
    title: context.text(titleKey),
    subtitle: context.text(subtitleKey),
    blocks,
    notes: context.text("value.notes"),
  });
  if (valued.length === 0) {
    return slide("value.progress.title", "value.progress.subtitle", [
      ...top,
      progressChart(context, chartArea!),
      { kind: "text", box: sideBox!, text: context.text("value.progress.summary"), style: "body" },
    ]);
  }
  const shown = valued.slice(0, MAX_BARS);
  const chartHeight = CHART_FRAME_HEIGHT + CHART_CATEGORY_HEIGHT * shown.length;
  const compact = shown.length <= FEW_BARS && chartHeight + ROW_GAP + WORKING_MIN_HEIGHT <= chartArea!.h;
  const [compactChartBox, workingBox] = rows(chartArea!, [chartHeight, "*"], ROW_GAP);
  const chartBlocks: Block[] = [
    valueChart(context, compact ? compactChartBox! : chartArea!, shown, {
      title: context.text("value.chart.title"),
    }),
    ...(compact ? valueWorking(context, workingBox!, shown) : []),
  ];
  let textBox = sideBox!;
  const side: Block[] = [];
  if (!options.kpiRow) {
    // Beside a compact chart the tiles are as tall as it, and the summary starts level with the working.
    const kpiHeight = compact ? Math.min(KPI_HEIGHT, Math.max(MIN_KPI_HEIGHT, chartHeight)) : KPI_HEIGHT;
    const [kpiBox, below] = rows(sideBox!, [kpiHeight, "*"], compact ? ROW_GAP : 0.3);
    side.push({ kind: "kpis", box: kpiBox!, items: summaryKpis(context).slice(1, 3) });
    textBox = below!;
  }
  return slide(options.titleKey ?? "value.title", options.subtitleKey ?? "value.subtitle", [
    ...top,
    ...chartBlocks,
    ...side,
    ...valueTexts(context, textBox),
  ]);
}

/** The value summary, and the goals without a money value when there are any, stacked in `box`. */
function valueTexts(context: DeckContext, box: Box): Block[] {
  // Goals without a value per unit are named, not silently left out of the totals.
  const unvalued = context.analysis.goals
    .filter(({ goal }) => goal.value === undefined)
    .map(({ goal }) => goal.title);
  const [summaryBox, unvaluedBox] = unvalued.length > 0 ? rows(box, ["*", "*"], 0.15) : [box];
  return [
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
  ];
}

/** Without any value per unit: attainment against the progress planned by now, per goal. */
function progressChart(context: DeckContext, box: Box): Block {
  const measured = context.analysis.goals
    .filter(({ figures }) => figures.attainment !== null)
    .slice(0, MAX_BARS);
  return barChart(
    box,
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
  );
}
