import { scaleUtc, type ScaleTime } from "d3-scale";
import { line } from "d3-shape";
import type { TimelineChart, TimePoint } from "../../../deck/deck-model.js";
import type { DrawContext } from "../context.js";
import { drawLabel, lineStep, measure } from "../text.js";
import { css, type Rect } from "../units.js";
import { AXIS_GAP, drawValueGrid, drawValueTicks, valueAxis, type ValueAxis } from "./axis.js";
import { formatter } from "./format.js";
import { drawFrame, type LegendEntry } from "./frame.js";
import { CHART_FONT, seriesStyle, type SeriesStyle } from "./style.js";

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

/**
 * Date labels that carry the year only where it changes: "Jan 2025", "Apr", "Jul", … for monthly
 * ticks, "5 Jan 2025", "12 Jan", … when ticks are closer than a month apart, "2025" for yearly.
 */
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** Intl date formats are slow to create and used for every tick of every chart: made once each. */
function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { timeZone: "UTC", ...options });
    dateFormats.set(key, format);
  }
  return format;
}

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

/** The most ticks (from d3's nice time intervals) whose labels do not overlap. */
function timeTicks(
  ctx: DrawContext,
  x: ScaleTime<number, number>,
  width: number,
): { ticks: Date[]; labels: string[] } {
  for (let count = Math.max(2, Math.floor(width / 60)); count >= 1; count--) {
    const ticks = x.ticks(count);
    const labels = dateLabels(ticks, ctx.locale).map((label) => ctx.glyphs.clean(label, "regular"));
    const centres = ticks.map((tick) => x(tick));
    const widths = labels.map((label) => measure(ctx, label, CHART_FONT.tick, "regular"));
    const overlaps = centres.some((centre, index) => {
      if (index === 0) return false;
      const gap = centre - (centres[index - 1] ?? 0);
      return gap < ((widths[index] ?? 0) + (widths[index - 1] ?? 0)) / 2 + MIN_TICK_SPACING;
    });
    if (!overlaps || count === 1) return { ticks, labels };
  }
  return { ticks: [], labels: [] };
}

export function drawTimeline(ctx: DrawContext, chart: TimelineChart, area: Rect): void {
  const { doc, theme } = ctx;
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
  const plotArea = drawFrame(ctx, chart.title, legend, area);
  const dates = series.flatMap((entry) => entry.points.map((point) => point.date.getTime()));
  if (dates.length === 0) return;
  const values = [
    ...series.flatMap((entry) => entry.points.map((point) => point.value)),
    ...chart.referenceLines.map((reference) => reference.value),
  ];
  const xLabelHeight = lineStep(CHART_FONT.tick) + AXIS_GAP;
  const axis = valueAxis(ctx, chart.format, values, Math.floor((plotArea.h - xLabelHeight) / 42));
  const plot: Rect = {
    x: plotArea.x + axis.labelWidth + AXIS_GAP,
    y: plotArea.y + lineStep(CHART_FONT.tick) / 2,
    w: 0,
    h: Math.max(10, plotArea.h - xLabelHeight - lineStep(CHART_FONT.tick) / 2),
  };
  // Room on the right for half a date label under the last tick.
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

  drawValueGrid(ctx, axis, plot, "vertical");
  drawValueTicks(ctx, axis, plot, "vertical");
  drawTimeAxis(ctx, x, plot);

  const path = line<Point>()
    .x((point) => x(point.date))
    .y((point) => axis.scale(point.value));
  // Actual last, on top of plan and forecast.
  const order = [...series].sort((a, b) => Number(a.style.markers) - Number(b.style.markers));
  for (const entry of order) {
    if (entry.points.length === 0) continue;
    const d = path(entry.points);
    if (d && entry.points.length > 1) stroke(ctx, d, entry.style);
    if (entry.style.markers || entry.points.length === 1) {
      for (const point of entry.points) {
        doc
          .circle(x(point.date), axis.scale(point.value), MARKER_RADIUS)
          .lineWidth(1)
          .fillAndStroke(css(entry.style.color), css(theme.colors.background));
      }
    }
  }
  drawReferenceLines(ctx, chart, axis, plot);
}

/**
 * Horizontal lines (the target) across the plot, labelled at the left end: series usually start
 * far from their target and end near it, so the left end is the uncluttered one.
 */
function drawReferenceLines(ctx: DrawContext, chart: TimelineChart, axis: ValueAxis, plot: Rect): void {
  const { doc, theme } = ctx;
  const size = CHART_FONT.value;
  for (const reference of chart.referenceLines) {
    const format = formatter(chart.format, ctx.locale, {
      decimals: reference.decimals ?? chart.format.decimals,
    });
    const y = axis.scale(reference.value);
    const style = seriesStyle(theme, reference.role);
    stroke(ctx, `M${plot.x},${y}H${plot.x + plot.w}`, style);
    const label = ctx.glyphs.clean(`${reference.label}: ${format(reference.value)}`, "bold");
    const width = measure(ctx, label, size, "bold");
    const above = y - lineStep(size) - 2 >= plot.y;
    const labelY = above ? y - lineStep(size) - 2 : y + 2;
    doc.rect(plot.x + 4, labelY, width + 6, lineStep(size)).fill(css(theme.colors.background));
    drawLabel(ctx, label, plot.x + 7, labelY, width + 2, {
      sizePt: size,
      weight: "bold",
      color: style.color,
    });
  }
}

function stroke(ctx: DrawContext, d: string, style: SeriesStyle): void {
  const { doc } = ctx;
  doc.save().lineWidth(style.width).lineJoin("round");
  doc.lineCap(style.dash && style.dash[0] <= 1.5 ? "round" : "butt");
  if (style.dash) doc.dash(style.dash[0], { space: style.dash[1] });
  doc.path(d).stroke(css(style.color));
  doc.restore();
}

function drawTimeAxis(ctx: DrawContext, x: ScaleTime<number, number>, plot: Rect): void {
  const { doc, theme } = ctx;
  const bottom = plot.y + plot.h;
  const { ticks, labels } = timeTicks(ctx, x, plot.w);
  doc
    .moveTo(plot.x, bottom)
    .lineTo(plot.x + plot.w, bottom)
    .lineWidth(1)
    .stroke(css(theme.colors.muted));
  for (const tick of ticks) {
    const at = x(tick);
    doc
      .moveTo(at, bottom)
      .lineTo(at, bottom + 4)
      .lineWidth(0.75)
      .stroke(css(theme.colors.muted));
  }
  ticks.forEach((tick, index) => {
    const label = labels[index] ?? "";
    const width = measure(ctx, label, CHART_FONT.tick, "regular");
    drawLabel(ctx, label, x(tick) - width / 2, bottom + AXIS_GAP, width + 1, {
      sizePt: CHART_FONT.tick,
      weight: "regular",
      color: theme.colors.muted,
    });
  });
}
