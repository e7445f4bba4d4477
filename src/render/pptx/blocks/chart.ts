import type { BarChart, ChartBlock, NumberFormat, TimelineChart } from "../../../deck/deck-model.js";
import { FONT_SIZES } from "../../../deck/geometry.js";
import { valueTicks } from "../../chart-scale.js";
import { isDotted, seriesStyle, type SeriesStyle } from "../../chart-style.js";
import { alignTimeline, roundForChart } from "../chart-data.js";
import { shapeName, warnOnSlide, type DrawContext } from "../context.js";
import { axisFormatCode, excelFormatCode, labelFormatCode } from "../number-format.js";
import type { ChartData, ChartMulti, ChartOptions } from "../pptxgen.js";
import { drawFittedText } from "../text-box.js";
import { hex } from "../theme.js";

/**
 * Native, editable PowerPoint charts drawn as the PDF draws them (src/render/chart-style.ts,
 * chart-scale.ts): timeline → line chart over a date axis, bar → clustered bar chart; the same
 * line styles, value axis ticks and number formats.
 */
export function drawChartBlock(ctx: DrawContext, block: ChartBlock): void {
  if (block.chart.type === "timeline") drawTimeline(ctx, block, block.chart);
  else drawBars(ctx, block, block.chart);
}

type LineDash = NonNullable<ChartOptions["lineDash"]>;

/** Room the value axis labels and the chart's margins take from the box's width, in inches. */
const VALUE_LABEL_ROOM = 0.8;
/** Points of a chart box's height that the title, legend and date labels take (as in the PDF). */
const TIMELINE_FRAME_PT = 59;
const BAR_FRAME_PT = 70;
/** The PDF's spacing of value ticks: one per 42 pt up the page, one per 70 pt across. */
const TICK_PITCH_PT = { vertical: 42, horizontal: 70 } as const;

/** DrawingML's preset closest to the PDF's dash pattern: dotted (round dots) or dashed. */
function presetDash(style: SeriesStyle): LineDash {
  if (style.dash === null) return "solid";
  return isDotted(style) ? "sysDot" : "dash";
}

function drawTimeline(ctx: DrawContext, block: ChartBlock, chart: TimelineChart): void {
  const aligned = alignTimeline(chart, block.box.w - VALUE_LABEL_ROOM);
  if (aligned.dates.length === 0 || aligned.series.length === 0) {
    drawEmptyChart(ctx, block, chart.title);
    return;
  }
  const language = ctx.deck.meta.language;
  const fullFormat = excelFormatCode(chart.format, language);
  // pptxgenjs draws line styles per chart group only, so each series is a <c:lineChart> of its
  // own on the same axes. (One series a group also keeps its marker colour right: pptxgenjs picks
  // it by the series' index in the whole chart, at random past the group's colours.) A series of
  // one point shows its marker, as in the PDF: a line needs two.
  const background = hex(ctx.theme.colors.background);
  const types: ChartMulti[] = aligned.series.map((series) => {
    const base = seriesStyle(ctx.theme, series.role);
    const single = series.values.filter((value) => value !== null).length === 1;
    const style = { ...base, markers: base.markers || (single && !series.reference) };
    return {
      type: "line",
      data: [chartSeries(series.name, aligned.serials.map(String), series.values)],
      options: {
        chartColors: [hex(style.color)],
        lineDash: presetDash(style),
        lineCap: isDotted(style) ? "round" : "flat",
        lineSize: style.width,
        lineDataSymbol: style.markers ? "circle" : "none",
        lineDataSymbolSize: 7,
        lineDataSymbolLineColor: background,
        lineDataSymbolLineSize: 1,
        valLabelFormatCode: xmlText(fullFormat),
        // A reference line is labelled "Target: 80.0%" as in the PDF; postprocess/
        // chart-reference-label.ts keeps that label at its left end (pptxgenjs labels all points).
        ...(series.reference
          ? {
              showSerName: true,
              showValue: true,
              dataLabelPosition: "r" as const,
              dataLabelFormatCode: labelFormatCode(
                chart.format,
                language,
                series.labelDecimals ?? chart.format.decimals,
              ),
              dataLabelFontBold: true,
              dataLabelFontSize: 9,
              dataLabelFontFace: ctx.theme.fonts.body,
              dataLabelColor: hex(style.color),
            }
          : {}),
      },
    };
  });
  const values = aligned.series.flatMap((entry) => entry.values.filter((value) => value !== null));
  const tickCount = Math.floor((block.box.h * 72 - TIMELINE_FRAME_PT) / TICK_PITCH_PT.vertical);
  const options: ChartOptions = {
    ...commonOptions(ctx, block, chart.title, aligned.series.length),
    ...valueAxisOptions(chart.format, values, tickCount, language),
    catLabelFormatCode: aligned.axis.formatCode,
    catAxisBaseTimeUnit: "days",
    catAxisMajorTimeUnit: aligned.axis.majorTimeUnit,
    catAxisMajorUnit: aligned.axis.majorUnit,
    catAxisMinVal: aligned.axis.min,
    catAxisMaxVal: aligned.axis.max,
    valLabelFormatCode: xmlText(fullFormat),
    displayBlanksAs: "span",
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
  const language = ctx.deck.meta.language;
  const horizontal = chart.direction === "horizontal";
  const data = chart.series.map((series) =>
    chartSeries(
      series.name,
      chart.categories,
      chart.categories.map((_, index) => roundForChart(series.values[index] ?? 0, chart.format)),
    ),
  );
  const fullFormat = excelFormatCode(chart.format, language);
  const tickCount = horizontal
    ? Math.floor(horizontalPlotWidth(block, chart) / TICK_PITCH_PT.horizontal)
    : Math.floor((block.box.h * 72 - BAR_FRAME_PT) / TICK_PITCH_PT.vertical);
  const options: ChartOptions = {
    ...commonOptions(ctx, block, chart.title, chart.series.length),
    ...valueAxisOptions(
      chart.format,
      chart.series.flatMap((series) => series.values),
      tickCount,
      language,
    ),
    barDir: horizontal ? "bar" : "col",
    barGrouping: "clustered",
    barGapWidthPct: barGapWidth(block, chart),
    chartColors: chart.series.map((series) => hex(seriesStyle(ctx.theme, series.role).color)),
    valLabelFormatCode: xmlText(fullFormat),
    showValue: true,
    dataLabelFormatCode: labelFormatCode(chart.format, language),
    dataLabelPosition: "outEnd",
    dataLabelFontSize: 9,
    dataLabelFontFace: ctx.theme.fonts.body,
    dataLabelColor: hex(ctx.theme.colors.text),
  };
  // PowerPoint draws the first category of a horizontal bar chart at the bottom, and the first
  // series of each category lowest. Reversing the category axis reads both top-down in the
  // deck's order, as the PDF draws them; the value labels then belong at the axis' "high" end,
  // the bottom. (pptxgenjs declares only "minMax" but writes either.)
  const reversed = horizontal
    ? ({ catAxisOrientation: "maxMin", valAxisLabelPos: "high" } as unknown as ChartOptions)
    : {};
  ctx.slide.addChart("bar", data, { ...options, ...reversed });
}

/** About how wide a text is, in points: an average glyph is half as wide as its size. */
function roughWidthPt(text: string, sizePt: number): number {
  return text.length * sizePt * 0.5;
}

const GROUPED = new Intl.NumberFormat("en", { maximumFractionDigits: 0 });

/** A value about as long as its label: "€120,000", "42%", "1,200 tickets". */
function roughLabel(format: NumberFormat, value: number): string {
  if (format.style === "percent") return `${Math.round(value * 100)}%`;
  const number = GROUPED.format(Math.round(value));
  return format.style === "currency"
    ? `${format.currency.slice(0, 1)}${number}`
    : `${number} ${format.unit ?? ""}`;
}

/**
 * The width the PDF gives the bars of a horizontal chart: the box less the category labels (at
 * most 30 %) on the left and the value labels on the right. Estimated, since PowerPoint lays out
 * its own chart; it decides how many value ticks there are.
 */
function horizontalPlotWidth(block: ChartBlock, chart: BarChart): number {
  const width = block.box.w * 72;
  const categories = Math.max(0, ...chart.categories.map((category) => roughWidthPt(category, 10)));
  const values = chart.series.flatMap((series) => series.values);
  const valueLabel = Math.max(0, ...values.map((value) => roughWidthPt(roughLabel(chart.format, value), 9)));
  return width - Math.min(width * 0.3, categories + 2) - 6 - (valueLabel + 4);
}

/** The PDF's thickest bars: thicker ones look like blocks. */
const MAX_BAR_PT = { vertical: 44, horizontal: 26 } as const;

/**
 * The gap between categories, in percent of a bar's thickness (PowerPoint's only handle on it):
 * wide enough that bars stay as thin as the PDF draws them when there are few categories.
 */
function barGapWidth(block: ChartBlock, chart: BarChart): number {
  const horizontal = chart.direction === "horizontal";
  const lengthPt = horizontal ? block.box.h * 72 - BAR_FRAME_PT : block.box.w * 72 - BAR_FRAME_PT;
  const band = lengthPt / chart.categories.length;
  const gap = (band / MAX_BAR_PT[chart.direction] - chart.series.length) * 100;
  return Math.round(Math.min(500, Math.max(60, gap)));
}

/**
 * The value axis as the PDF draws it: from zero (when no value is negative) in round steps for
 * the box's size, labelled with as many decimals as the step needs. The maximum is left to the
 * reader, so edited data beyond it is not cut off.
 */
function valueAxisOptions(
  format: NumberFormat,
  values: number[],
  tickCount: number,
  language: string,
): Partial<ChartOptions> {
  const ticks = valueTicks(values, Math.max(2, tickCount), format);
  const step = ticks.length > 1 ? (ticks[1] ?? 0) - (ticks[0] ?? 0) : 0;
  return {
    valAxisLabelFormatCode: axisFormatCode(format, ticks, language),
    ...(step > 0 ? { valAxisMajorUnit: step } : {}),
    ...(ticks[0] === 0 ? { valAxisMinVal: 0 } : {}),
    ...(ticks.at(-1) === 0 ? { valAxisMaxVal: 0 } : {}),
  };
}

/**
 * The format code of the chart's cached data (<c:formatCode>), which pptxgenjs writes into the
 * XML as given, unlike the axis and label codes it escapes: a unit such as "R&D hours" would
 * otherwise break the part.
 */
function xmlText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** The declared type says number[]; pptxgenjs writes a blank point for null, which we want. */
function chartSeries(name: string, labels: string[], values: (number | null)[]): ChartData {
  return { name, labels, values: values as number[] };
}

/**
 * Options shared by every chart: the title, then the legend above the plot (as in the PDF), only
 * when there is more than one series to tell apart.
 */
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
    objectName: shapeName("Chart", title),
    altText: block.alt,
    showTitle: title.trim() !== "",
    title,
    titleFontFace: fonts.heading,
    titleFontSize: 13,
    titleColor: hex(colors.primary),
    titleBold: true,
    showLegend: seriesCount > 1,
    legendPos: "t",
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

function drawEmptyChart(ctx: DrawContext, block: ChartBlock, title: string): void {
  warnOnSlide(ctx, `chart "${title}" has no data points; a note is shown instead`);
  drawFittedText(ctx, `${title}\nNo data to chart yet.`, block.box, {
    role: "chart placeholder",
    name: shapeName("Chart", title),
    maxSizePt: FONT_SIZES.body,
    fontFace: ctx.theme.fonts.body,
    color: hex(ctx.theme.colors.muted),
    align: "center",
    valign: "middle",
  });
}
