import { scaleUtc, type ScaleTime } from "d3-scale";
import { line } from "d3-shape";
import type { Theme, TimelineChart, TimePoint } from "../../../deck/deck-model.js";
import { seriesStyle } from "../../chart-style.js";
import { formatter } from "../../pdf/charts/format.js";
import { CHART_FONT } from "../../pdf/charts/style.js";
import { num } from "../markup.js";
import { AXIS_GAP, drawValueGrid, drawValueTicks, valueAxis, type ValueAxis } from "./axis.js";
import { drawFrame, type LegendEntry } from "./frame.js";
import { lineStep, type Rect, type SvgCanvas } from "./svg.js";

/**
 * Plan, actual and forecast over a date axis with the target as a reference line, laid out as
 * render/pdf/charts/timeline.ts lays it out (same scales, ticks and labels), drawn as SVG.
 */
const DAY_MS = 86_400_000;
const MIN_TICK_SPACING = 14;
const MARKER_RADIUS = 3.2;

interface Point {
  date: Date;
  value: number;
}

function toPoints(points: TimePoint[]): Point[] {
  return points
    .map((point) => ({ date: new Date(`${point.date}T00:00:00Z`), value: point.value }))
    .filter((point) => !Number.isNaN(point.date.getTime()) && Number.isFinite(point.value))
    .sort((a, b) => a.date.getTime() - b.date.getTime());
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { timeZone: "UTC", ...options });
    dateFormats.set(key, format);
  }
  return format;
}

/** "Jan 2025", "Apr", "Jul": the year only where it changes (as the PDF labels dates). */
function dateLabels(ticks: Date[], locale: string): string[] {
  const monthly = ticks.every((tick) => tick.getUTCDate() === 1);
  const yearly = monthly && ticks.every((tick) => tick.getUTCMonth() === 0);
  const parts: Intl.DateTimeFormatOptions = monthly ? { month: "short" } : { month: "short", day: "numeric" };
  return ticks.map((tick, index) => {
    if (yearly) return dateFormat(locale, { year: "numeric" }).format(tick);
    const previous = ticks[index - 1];
    const newYear = !previous || previous.getUTCFullYear() !== tick.getUTCFullYear();
    return dateFormat(locale, newYear ? { ...parts, year: "numeric" } : parts).format(tick);
  });
}

function timeTicks(svg: SvgCanvas, x: ScaleTime<number, number>, width: number, locale: string) {
  for (let count = Math.max(2, Math.floor(width / 60)); count >= 1; count--) {
    const ticks = x.ticks(count);
    const labels = dateLabels(ticks, locale);
    const centres = ticks.map((tick) => x(tick));
    const widths = labels.map((label) => svg.measure(label, CHART_FONT.tick, "regular"));
    const overlaps = centres.some((centre, index) => {
      if (index === 0) return false;
      const gap = centre - (centres[index - 1] ?? 0);
      return gap < ((widths[index] ?? 0) + (widths[index - 1] ?? 0)) / 2 + MIN_TICK_SPACING;
    });
    if (!overlaps || count === 1) return { ticks, labels };
  }
  return { ticks: [], labels: [] };
}

export function drawTimeline(
  svg: SvgCanvas,
  theme: Theme,
  locale: string,
  chart: TimelineChart,
  area: Rect,
): void {
  const series = chart.series.map((entry) => ({
    ...entry,
    style: seriesStyle(theme, entry.role),
    points: toPoints(entry.points),
  }));
  const legend: LegendEntry[] = [
    ...series.map((entry) => ({ label: entry.name, style: entry.style, swatch: "line" as const })),
    ...chart.referenceLines.map((reference) => ({
      label: reference.label,
      style: seriesStyle(theme, reference.role),
      swatch: "line" as const,
    })),
  ];
  const plotArea = drawFrame(svg, theme, chart.title, legend, area);
  const dates = series.flatMap((entry) => entry.points.map((point) => point.date.getTime()));
  if (dates.length === 0) return;
  const values = [
    ...series.flatMap((entry) => entry.points.map((point) => point.value)),
    ...chart.referenceLines.map((reference) => reference.value),
  ];
  const xLabelHeight = lineStep(CHART_FONT.tick) + AXIS_GAP;
  const axis = valueAxis(svg, chart.format, locale, values, Math.floor((plotArea.h - xLabelHeight) / 42));
  const plot: Rect = {
    x: plotArea.x + axis.labelWidth + AXIS_GAP,
    y: plotArea.y + lineStep(CHART_FONT.tick) / 2,
    w: 0,
    h: Math.max(10, plotArea.h - xLabelHeight - lineStep(CHART_FONT.tick) / 2),
  };
  plot.w = Math.max(10, plotArea.x + plotArea.w - plot.x - 18);
  axis.scale.range([plot.y + plot.h, plot.y]);
  let first = Math.min(...dates);
  let last = Math.max(...dates);
  if (first === last) {
    first -= 15 * DAY_MS;
    last += 15 * DAY_MS;
  }
  const x = scaleUtc()
    .domain([new Date(first), new Date(last)])
    .range([plot.x, plot.x + plot.w]);

  drawValueGrid(svg, theme, axis, plot, "vertical");
  drawValueTicks(svg, theme, axis, plot, "vertical");
  drawTimeAxis(svg, theme, locale, x, plot);

  const path = line<Point>()
    .x((point) => x(point.date))
    .y((point) => axis.scale(point.value))
    .digits(2);
  const order = [...series].sort((a, b) => Number(a.style.markers) - Number(b.style.markers));
  for (const entry of order) {
    if (entry.points.length === 0) continue;
    const d = path(entry.points);
    if (d && entry.points.length > 1) svg.strokePath(d, entry.style);
    if (entry.style.markers || entry.points.length === 1) {
      for (const point of entry.points) {
        svg.circle(
          x(point.date),
          axis.scale(point.value),
          MARKER_RADIUS,
          entry.style.color,
          theme.colors.background,
          1,
        );
      }
    }
  }
  drawReferenceLines(svg, theme, locale, chart, axis, plot);
}

function drawReferenceLines(
  svg: SvgCanvas,
  theme: Theme,
  locale: string,
  chart: TimelineChart,
  axis: ValueAxis,
  plot: Rect,
): void {
  const size = CHART_FONT.value;
  for (const reference of chart.referenceLines) {
    const format = formatter(chart.format, locale, { decimals: reference.decimals ?? chart.format.decimals });
    const y = axis.scale(reference.value);
    const style = seriesStyle(theme, reference.role);
    svg.strokePath(`M${num(plot.x)} ${num(y)}H${num(plot.x + plot.w)}`, style);
    const label = `${reference.label}: ${format(reference.value)}`;
    const width = svg.measure(label, size, "bold");
    const above = y - lineStep(size) - 2 >= plot.y;
    const labelY = above ? y - lineStep(size) - 2 : y + 2;
    svg.rect(plot.x + 4, labelY, width + 6, lineStep(size), theme.colors.background);
    svg.label(label, plot.x + 7, labelY, width, { sizePt: size, weight: "bold", color: style.color });
  }
}

function drawTimeAxis(
  svg: SvgCanvas,
  theme: Theme,
  locale: string,
  x: ScaleTime<number, number>,
  plot: Rect,
): void {
  const bottom = plot.y + plot.h;
  const { ticks, labels } = timeTicks(svg, x, plot.w, locale);
  svg.line(plot.x, bottom, plot.x + plot.w, bottom, theme.colors.muted, 1);
  for (const tick of ticks) svg.line(x(tick), bottom, x(tick), bottom + 4, theme.colors.muted, 0.75);
  ticks.forEach((tick, index) => {
    const label = labels[index] ?? "";
    const width = svg.measure(label, CHART_FONT.tick, "regular");
    svg.label(label, x(tick) - width / 2, bottom + AXIS_GAP, width, {
      sizePt: CHART_FONT.tick,
      weight: "regular",
      color: theme.colors.muted,
    });
  });
}
