import type { BarChart, ChartBlock, TimelineChart } from "../../../deck/deck-model.js";
import { FONT_SIZES } from "../../../deck/geometry.js";
import { alignTimeline, type AlignedSeries } from "../chart-data.js";
import { warnOnSlide, type DrawContext } from "../context.js";
import { chartFormatCode } from "../number-format.js";
import type { ChartData, ChartMulti, ChartOptions } from "../pptxgen.js";
import { drawFittedText } from "../text-box.js";
import { hex, roleColor } from "../theme.js";

/** Native, editable PowerPoint charts: timeline → line chart, bar → clustered bar chart. */
export function drawChartBlock(ctx: DrawContext, block: ChartBlock): void {
  if (block.chart.type === "timeline") drawTimeline(ctx, block, block.chart);
  else drawBars(ctx, block, block.chart);
}

type LineDash = NonNullable<ChartOptions["lineDash"]>;

interface LineStyle {
  key: string;
  dash: LineDash;
  marker: boolean;
  widthPt: number;
}

/** Actuals are solid with markers, plans solid, forecasts dashed, reference lines long-dashed. */
function lineStyle(series: AlignedSeries): LineStyle {
  if (series.reference || series.role === "target")
    return { key: "reference", dash: "lgDash", marker: false, widthPt: 1.5 };
  switch (series.role) {
    case "actual":
    case "value":
      return { key: "actual", dash: "solid", marker: true, widthPt: 2.5 };
    case "forecast":
      return { key: "forecast", dash: "sysDash", marker: false, widthPt: 2 };
    default:
      return { key: "plan", dash: "solid", marker: false, widthPt: 2 };
  }
}

function drawTimeline(ctx: DrawContext, block: ChartBlock, chart: TimelineChart): void {
  const aligned = alignTimeline(chart, ctx.deck.meta.language);
  if (aligned.dates.length === 0 || aligned.series.length === 0) {
    drawEmptyChart(ctx, block, chart.title);
    return;
  }
  // pptxgenjs draws per-series line styles only per chart group, so each style becomes one
  // <c:lineChart> sharing the same axes (a "combo" of line charts).
  const groups = new Map<string, { style: LineStyle; series: AlignedSeries[] }>();
  for (const series of aligned.series) {
    const style = lineStyle(series);
    const group = groups.get(style.key) ?? { style, series: [] };
    group.series.push(series);
    groups.set(style.key, group);
  }
  const types: ChartMulti[] = [...groups.values()].map(({ style, series }) => ({
    type: "line",
    data: series.map((entry) => chartSeries(entry.name, aligned.labels, entry.values)),
    options: {
      chartColors: series.map((entry) => roleColor(ctx.theme, entry.role)),
      lineDash: style.dash,
      lineSize: style.widthPt,
      lineDataSymbol: style.marker ? "circle" : "none",
      lineDataSymbolSize: 7,
    },
  }));
  const options: ChartOptions = {
    ...commonOptions(ctx, block, chart.title, aligned.series.length),
    valAxisLabelFormatCode: chartFormatCode(
      chart.format,
      largestAbsolute(aligned.series.flatMap((s) => s.values)),
    ),
    displayBlanksAs: "span",
    catAxisLabelFrequency: labelFrequency(aligned.labels.length, block.box.w),
  };
  // addChart(types[], options): with an array of chart types pptxgenjs reads the options from
  // its second argument; its declaration only knows the single-type signature.
  ctx.slide.addChart(types, options as unknown as [], undefined);
}

function drawBars(ctx: DrawContext, block: ChartBlock, chart: BarChart): void {
  if (chart.categories.length === 0 || chart.series.length === 0) {
    drawEmptyChart(ctx, block, chart.title);
    return;
  }
  // PowerPoint draws the first category of a horizontal bar chart at the bottom; reverse so the
  // chart reads top-down in the order the deck gives.
  const horizontal = chart.direction === "horizontal";
  const order = <T>(values: readonly T[]): T[] => (horizontal ? [...values].reverse() : [...values]);
  const labels = order(chart.categories);
  const data = chart.series.map((series) =>
    chartSeries(series.name, labels, order(chart.categories.map((_, index) => series.values[index] ?? 0))),
  );
  const formatCode = chartFormatCode(chart.format, largestAbsolute(chart.series.flatMap((s) => s.values)));
  ctx.slide.addChart("bar", data, {
    ...commonOptions(ctx, block, chart.title, chart.series.length),
    barDir: horizontal ? "bar" : "col",
    barGrouping: "clustered",
    barGapWidthPct: 60,
    chartColors: chart.series.map((series) => roleColor(ctx.theme, series.role)),
    valAxisLabelFormatCode: formatCode,
    showValue: true,
    dataLabelFormatCode: formatCode,
    dataLabelPosition: "outEnd",
    dataLabelFontSize: 9,
    dataLabelFontFace: ctx.theme.fonts.body,
    dataLabelColor: hex(ctx.theme.colors.text),
  });
}

/** The declared type says number[]; pptxgenjs writes a blank point for null, which we want. */
function chartSeries(name: string, labels: string[], values: (number | null)[]): ChartData {
  return { name, labels, values: values as number[] };
}

function largestAbsolute(values: (number | null)[]): number {
  return values.reduce<number>((largest, value) => Math.max(largest, Math.abs(value ?? 0)), 0);
}

/** Options shared by every chart; a legend only when there is more than one series to tell apart. */
function commonOptions(
  ctx: DrawContext,
  block: ChartBlock,
  title: string,
  seriesCount: number,
): ChartOptions {
  const { colors, fonts } = ctx.theme;
  const axisLabels = { color: hex(colors.muted), fontFace: fonts.body, fontSize: 10 };
  return {
    ...block.box,
    altText: block.alt,
    showTitle: title.trim() !== "",
    title,
    titleFontFace: fonts.heading,
    titleFontSize: 13,
    titleColor: hex(colors.primary),
    titleBold: true,
    showLegend: seriesCount > 1,
    legendPos: "b",
    legendFontFace: fonts.body,
    legendFontSize: 10,
    legendColor: hex(colors.text),
    catAxisLabelColor: axisLabels.color,
    catAxisLabelFontFace: axisLabels.fontFace,
    catAxisLabelFontSize: axisLabels.fontSize,
    valAxisLabelColor: axisLabels.color,
    valAxisLabelFontFace: axisLabels.fontFace,
    valAxisLabelFontSize: axisLabels.fontSize,
    catAxisLineShow: true,
    catAxisLineColor: hex(colors.muted),
    valAxisLineShow: false,
    valGridLine: { color: hex(colors.surface), size: 0.75, style: "solid" },
    catGridLine: { style: "none" },
    lang: ctx.deck.meta.language,
  };
}

/** Show every n-th category label so that labels (≈ 0.75 in each) never collide. */
function labelFrequency(count: number, widthInches: number): string | undefined {
  const fit = Math.max(1, Math.floor(widthInches / 0.75));
  return count > fit ? String(Math.ceil(count / fit)) : undefined;
}

function drawEmptyChart(ctx: DrawContext, block: ChartBlock, title: string): void {
  warnOnSlide(ctx, `chart "${title}" has no data points; a note is shown instead`);
  drawFittedText(ctx, `${title}\nNo data to chart yet.`, block.box, {
    role: "chart placeholder",
    maxSizePt: FONT_SIZES.body,
    fontFace: ctx.theme.fonts.body,
    color: hex(ctx.theme.colors.muted),
    align: "center",
    valign: "middle",
  });
}
