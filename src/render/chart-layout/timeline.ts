import { scaleUtc, type ScaleTime } from "d3-scale";
import type { TimelineChart } from "../../deck/deck-model.js";
import { valueAxis, valueGrid, type ValueAxis } from "./axis.js";
import { timeTicks, toPoints } from "./dates.js";
import { formatter } from "./format.js";
import { frame, type LegendEntry } from "./frame.js";
import { AXIS_GAP, CHART_FONT, lineStep, seriesStyle } from "./style.js";
import type { ChartEnv, ChartShape, Rect } from "./types.js";

const DAY_MS = 86_400_000;
const MARKER_RADIUS = 3.2;

/** Plan, actual and forecast over a date axis, with the target as a reference line, inside `area`. */
export function layoutTimeline(env: ChartEnv, chart: TimelineChart, area: Rect): ChartShape[] {
  const { theme } = env;
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
  const { shapes, plot: plotArea } = frame(env, chart.title, legend, area);
  const dates = series.flatMap((entry) => entry.points.map((point) => point.date.getTime()));
  if (dates.length === 0) return shapes;
  const values = [
    ...series.flatMap((entry) => entry.points.map((point) => point.value)),
    ...chart.referenceLines.map((reference) => reference.value),
  ];
  const xLabelHeight = lineStep(CHART_FONT.tick) + AXIS_GAP;
  const axis = valueAxis(env, chart.format, values, Math.floor((plotArea.h - xLabelHeight) / 42));
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

  shapes.push(...valueGrid(env, axis, plot, "vertical"), ...timeAxis(env, x, plot));
  // Actual last, on top of plan and forecast.
  const order = [...series].sort((a, b) => Number(a.style.markers) - Number(b.style.markers));
  for (const entry of order) {
    if (entry.points.length === 0) continue;
    const points = entry.points.map((point): [number, number] => [x(point.date), axis.scale(point.value)]);
    if (points.length > 1) shapes.push({ kind: "series", points, style: entry.style });
    if (entry.style.markers || points.length === 1) {
      for (const [cx, cy] of points) {
        shapes.push({
          kind: "marker",
          x: cx,
          y: cy,
          r: MARKER_RADIUS,
          fill: entry.style.color,
          outline: theme.colors.background,
          outlineWidth: 1,
        });
      }
    }
  }
  shapes.push(...referenceLines(env, chart, axis, plot));
  return shapes;
}

/**
 * Horizontal lines (the target) across the plot, labelled at the left end: series usually start
 * far from their target and end near it, so the left end is the uncluttered one.
 */
function referenceLines(env: ChartEnv, chart: TimelineChart, axis: ValueAxis, plot: Rect): ChartShape[] {
  const { theme, text } = env;
  const size = CHART_FONT.value;
  const shapes: ChartShape[] = [];
  for (const reference of chart.referenceLines) {
    const format = formatter(chart.format, env.locale, {
      decimals: reference.decimals ?? chart.format.decimals,
    });
    const y = axis.scale(reference.value);
    const style = seriesStyle(theme, reference.role);
    shapes.push({ kind: "rule", x1: plot.x, x2: plot.x + plot.w, y, style });
    const label = text.clean(`${reference.label}: ${format(reference.value)}`, "bold");
    const width = text.measure(label, size, "bold");
    const above = y - lineStep(size) - 2 >= plot.y;
    const labelY = above ? y - lineStep(size) - 2 : y + 2;
    shapes.push(
      {
        kind: "rect",
        x: plot.x + 4,
        y: labelY,
        w: width + 6,
        h: lineStep(size),
        color: theme.colors.background,
      },
      {
        kind: "label",
        text: label,
        x: plot.x + 7,
        y: labelY,
        anchor: "start",
        width,
        style: { sizePt: size, weight: "bold", color: style.color },
      },
    );
  }
  return shapes;
}

/** The baseline, a tick mark at each date tick and the date labels under them. */
function timeAxis(env: ChartEnv, x: ScaleTime<number, number>, plot: Rect): ChartShape[] {
  const { muted } = env.theme.colors;
  const bottom = plot.y + plot.h;
  const { ticks, labels, widths } = timeTicks(env.text, env.locale, x, plot.w);
  const shapes: ChartShape[] = [
    { kind: "line", x1: plot.x, y1: bottom, x2: plot.x + plot.w, y2: bottom, color: muted, width: 1 },
  ];
  for (const tick of ticks) {
    shapes.push({
      kind: "line",
      x1: x(tick),
      y1: bottom,
      x2: x(tick),
      y2: bottom + 4,
      color: muted,
      width: 0.75,
    });
  }
  ticks.forEach((tick, index) => {
    const width = widths[index] ?? 0;
    shapes.push({
      kind: "label",
      text: labels[index] ?? "",
      x: x(tick) - width / 2,
      y: bottom + AXIS_GAP,
      anchor: "start",
      width,
      style: { sizePt: CHART_FONT.tick, weight: "regular", color: muted },
    });
  });
  return shapes;
}
