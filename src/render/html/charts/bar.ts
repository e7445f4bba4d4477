import { scaleBand } from "d3-scale";
import type { BarChart, Theme } from "../../../deck/deck-model.js";
import { seriesStyle, type SeriesStyle } from "../../chart-style.js";
import { formatter } from "../../pdf/charts/format.js";
import { CHART_FONT } from "../../pdf/charts/style.js";
import { mix } from "../../pdf/units.js";
import { AXIS_GAP, drawValueGrid, drawValueTicks, valueAxis } from "./axis.js";
import { drawFrame } from "./frame.js";
import { lineStep, type Rect, type SvgCanvas } from "./svg.js";

/**
 * Grouped bars, laid out as render/pdf/charts/bar.ts lays them out (the same bands, bar caps,
 * value labels and category labels), drawn as SVG.
 */
const CATEGORY_SIZE = 10;
const MIN_LABEL_SIZE = 7;
const MAX_BAR = { vertical: 44, horizontal: 26 } as const;
const INNER_PADDING = 0.08;
const POINTS_PER_INCH = 72;

interface BarSeries {
  name: string;
  style: SeriesStyle;
  values: number[];
}

interface ChartContext {
  svg: SvgCanvas;
  theme: Theme;
  locale: string;
}

function barSeries(theme: Theme, chart: BarChart): BarSeries[] {
  const seen = new Map<string, number>();
  return chart.series.map((entry) => {
    const style = seriesStyle(theme, entry.role);
    const repeats = seen.get(style.color) ?? 0;
    seen.set(style.color, repeats + 1);
    const color = repeats === 0 ? style.color : mix(style.color, "FFFFFF", Math.min(0.7, 0.35 * repeats));
    return { name: entry.name, style: { ...style, color }, values: entry.values };
  });
}

const LABEL_CANDIDATES: { compact: boolean; sizePt: number }[] = [
  { compact: false, sizePt: CHART_FONT.value },
  { compact: false, sizePt: CHART_FONT.value - 0.5 },
  { compact: true, sizePt: CHART_FONT.value },
  { compact: true, sizePt: 8 },
  { compact: true, sizePt: MIN_LABEL_SIZE },
];

function valueLabels(ctx: ChartContext, chart: BarChart, series: BarSeries[], room: number) {
  for (const { compact, sizePt } of LABEL_CANDIDATES) {
    const format = formatter(chart.format, ctx.locale, { compact });
    const texts = series.map((entry) => entry.values.map((value) => format(value)));
    const widest = Math.max(0, ...texts.flat().map((text) => ctx.svg.measure(text, sizePt, "regular")));
    if (widest <= room) return { texts, sizePt };
  }
  return null;
}

function fitLabel(svg: SvgCanvas, text: string, rect: Rect) {
  const box = { w: rect.w / POINTS_PER_INCH, h: rect.h / POINTS_PER_INCH };
  return svg.fit(text, box, CATEGORY_SIZE, "regular", MIN_LABEL_SIZE);
}

function bands(
  categories: string[],
  seriesCount: number,
  range: [number, number],
  direction: BarChart["direction"],
) {
  const outer = scaleBand<string>().domain(categories).range(range).paddingInner(0.3).paddingOuter(0.15);
  const group = Math.min(outer.bandwidth(), (seriesCount * MAX_BAR[direction]) / (1 - INNER_PADDING));
  const inner = scaleBand<string>()
    .domain(Array.from({ length: seriesCount }, (_, index) => String(index)))
    .range([0, group])
    .paddingInner(INNER_PADDING);
  const barStart = (category: string, seriesIndex: number) =>
    (outer(category) ?? range[0]) + (outer.bandwidth() - group) / 2 + (inner(String(seriesIndex)) ?? 0);
  return { outer, inner, barStart };
}

export function drawBarChart(
  svg: SvgCanvas,
  theme: Theme,
  locale: string,
  chart: BarChart,
  area: Rect,
): void {
  const ctx: ChartContext = { svg, theme, locale };
  const series = barSeries(theme, chart);
  const legend =
    series.length > 1
      ? series.map((entry) => ({ label: entry.name, style: entry.style, swatch: "box" as const }))
      : [];
  const plotArea = drawFrame(svg, theme, chart.title, legend, area);
  if (chart.categories.length === 0 || series.length === 0) return;
  const values = series.flatMap((entry) => entry.values);
  if (chart.direction === "horizontal") drawHorizontal(ctx, chart, series, values, plotArea);
  else drawVertical(ctx, chart, series, values, plotArea);
}

function drawVertical(
  ctx: ChartContext,
  chart: BarChart,
  series: BarSeries[],
  values: number[],
  area: Rect,
): void {
  const { svg, theme } = ctx;
  const categoryHeight = lineStep(CATEGORY_SIZE) * 2 + AXIS_GAP;
  const valueHeight = lineStep(CHART_FONT.value) + 2;
  const axis = valueAxis(svg, chart.format, ctx.locale, values, Math.floor((area.h - categoryHeight) / 42));
  const plot: Rect = {
    x: area.x + axis.labelWidth + AXIS_GAP,
    y: area.y + valueHeight,
    w: Math.max(10, area.w - axis.labelWidth - AXIS_GAP),
    h: Math.max(10, area.h - categoryHeight - valueHeight),
  };
  axis.scale.range([plot.y + plot.h, plot.y]);
  const { outer, inner, barStart } = bands(
    chart.categories,
    series.length,
    [plot.x, plot.x + plot.w],
    "vertical",
  );
  drawValueGrid(svg, theme, axis, plot, "vertical");
  drawValueTicks(svg, theme, axis, plot, "vertical");
  const zero = axis.scale(0);
  const labels = valueLabels(ctx, chart, series, inner.step());
  chart.categories.forEach((category, categoryIndex) => {
    const left = outer(category) ?? plot.x;
    series.forEach((entry, seriesIndex) => {
      const value = entry.values[categoryIndex] ?? 0;
      const offset = barStart(category, seriesIndex);
      const thickness = inner.bandwidth();
      const end = axis.scale(value);
      svg.rect(offset, Math.min(zero, end), thickness, Math.abs(zero - end), entry.style.color);
      const text = labels?.texts[seriesIndex]?.[categoryIndex];
      if (labels && text) {
        const y = value >= 0 ? end - lineStep(labels.sizePt) - 1 : end + 1;
        svg.label(text, offset, y, thickness, {
          sizePt: labels.sizePt,
          weight: "regular",
          color: theme.colors.text,
          align: "center",
        });
      }
    });
    const labelBox: Rect = {
      x: left - (outer.step() - outer.bandwidth()) / 2,
      y: plot.y + plot.h + AXIS_GAP,
      w: outer.step(),
      h: categoryHeight - AXIS_GAP,
    };
    const fitted = fitLabel(svg, category, labelBox);
    svg.lines(fitted.lines, labelBox, {
      sizePt: fitted.sizePt,
      weight: "regular",
      color: theme.colors.text,
      align: "center",
    });
  });
  svg.line(plot.x, zero, plot.x + plot.w, zero, theme.colors.muted, 1);
}

function drawHorizontal(
  ctx: ChartContext,
  chart: BarChart,
  series: BarSeries[],
  values: number[],
  area: Rect,
): void {
  const { svg, theme } = ctx;
  const tickHeight = lineStep(CHART_FONT.tick) + AXIS_GAP;
  const natural = Math.max(
    ...chart.categories.map((category) => svg.measure(category, CATEGORY_SIZE, "regular")),
  );
  const categoryWidth = Math.min(area.w * 0.3, natural + 2);
  const labels = valueLabels(ctx, chart, series, area.w * 0.15);
  const labelRoom = labels
    ? Math.max(0, ...labels.texts.flat().map((text) => svg.measure(text, labels.sizePt, "regular"))) + 4
    : 0;
  const leftRoom = values.some((value) => value < 0) ? labelRoom : 0;
  const plotWidth = area.w - categoryWidth - AXIS_GAP - leftRoom - labelRoom;
  const axis = valueAxis(svg, chart.format, ctx.locale, values, Math.floor(plotWidth / 70), plotWidth);
  const plot: Rect = {
    x: area.x + categoryWidth + AXIS_GAP + leftRoom,
    y: area.y,
    w: Math.max(10, area.w - categoryWidth - AXIS_GAP - leftRoom - Math.max(labelRoom, axis.labelWidth / 2)),
    h: Math.max(10, area.h - tickHeight),
  };
  axis.scale.range([plot.x, plot.x + plot.w]);
  const { outer, inner, barStart } = bands(
    chart.categories,
    series.length,
    [plot.y, plot.y + plot.h],
    "horizontal",
  );
  drawValueGrid(svg, theme, axis, plot, "horizontal");
  drawValueTicks(svg, theme, axis, plot, "horizontal");
  const zero = axis.scale(0);
  chart.categories.forEach((category, categoryIndex) => {
    const top = outer(category) ?? plot.y;
    series.forEach((entry, seriesIndex) => {
      const value = entry.values[categoryIndex] ?? 0;
      const offset = barStart(category, seriesIndex);
      const thickness = inner.bandwidth();
      const end = axis.scale(value);
      svg.rect(Math.min(zero, end), offset, Math.abs(end - zero), thickness, entry.style.color);
      const text = labels?.texts[seriesIndex]?.[categoryIndex];
      if (labels && text) {
        const width = svg.measure(text, labels.sizePt, "regular");
        const x = value >= 0 ? end + 3 : end - width - 3;
        svg.label(text, x, offset + thickness / 2 - lineStep(labels.sizePt) / 2, width, {
          sizePt: labels.sizePt,
          weight: "regular",
          color: theme.colors.text,
        });
      }
    });
    const labelBox: Rect = { x: area.x, y: top, w: categoryWidth, h: outer.bandwidth() };
    const fitted = fitLabel(svg, category, {
      ...labelBox,
      h: Math.max(labelBox.h, lineStep(MIN_LABEL_SIZE)),
    });
    svg.lines(
      fitted.lines,
      labelBox,
      { sizePt: fitted.sizePt, weight: "regular", color: theme.colors.text, align: "right" },
      "middle",
    );
  });
  svg.line(zero, plot.y, zero, plot.y + plot.h, theme.colors.muted, 1);
}
