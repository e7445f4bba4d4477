import { scaleBand } from "d3-scale";
import type { BarChart } from "../../deck/deck-model.js";
import { mix } from "../color.js";
import { valueAxis, valueGrid } from "./axis.js";
import { formatter } from "./format.js";
import { frame } from "./frame.js";
import { AXIS_GAP, CHART_FONT, lineStep, seriesStyle, type SeriesStyle } from "./style.js";
import type { ChartEnv, ChartShape, Rect, TextStyle } from "./types.js";

const CATEGORY_SIZE = 10;
const MIN_LABEL_SIZE = 7;
/** Bars thicker than this look like blocks. */
const MAX_BAR = { vertical: 44, horizontal: 26 } as const;
const INNER_PADDING = 0.08;

interface BarSeries {
  name: string;
  style: SeriesStyle;
  values: number[];
}

/** Series colours by role; a colour used twice gets a lighter tint the second time. */
function barSeries(env: ChartEnv, chart: BarChart): BarSeries[] {
  const seen = new Map<string, number>();
  return chart.series.map((entry) => {
    const style = seriesStyle(env.theme, entry.role);
    const repeats = seen.get(style.color) ?? 0;
    seen.set(style.color, repeats + 1);
    const color = repeats === 0 ? style.color : mix(style.color, "FFFFFF", Math.min(0.7, 0.35 * repeats));
    return { name: entry.name, style: { ...style, color }, values: entry.values };
  });
}

interface ValueLabels {
  texts: string[][];
  sizePt: number;
}

/** Full format while it stays readable, then compact (1.2M) down to the smallest size. */
const LABEL_CANDIDATES: { compact: boolean; sizePt: number }[] = [
  { compact: false, sizePt: CHART_FONT.value },
  { compact: false, sizePt: CHART_FONT.value - 0.5 },
  { compact: true, sizePt: CHART_FONT.value },
  { compact: true, sizePt: 8 },
  { compact: true, sizePt: MIN_LABEL_SIZE },
];

/**
 * Value labels per bar in the chart's format that fit `room` points; null when none does (the
 * axis still carries the values).
 */
function valueLabels(env: ChartEnv, chart: BarChart, series: BarSeries[], room: number): ValueLabels | null {
  const { text } = env;
  for (const { compact, sizePt } of LABEL_CANDIDATES) {
    const format = formatter(chart.format, env.locale, { compact });
    const texts = series.map((entry) => entry.values.map((value) => text.clean(format(value), "regular")));
    const widest = Math.max(0, ...texts.flat().map((label) => text.measure(label, sizePt, "regular")));
    if (widest <= room) return { texts, sizePt };
  }
  return null;
}

/** Grouped bars with value labels, category labels and a value axis, inside `area`. */
export function layoutBarChart(env: ChartEnv, chart: BarChart, area: Rect): ChartShape[] {
  const series = barSeries(env, chart);
  const legend =
    series.length > 1
      ? series.map((entry) => ({ label: entry.name, style: entry.style, swatch: "box" as const }))
      : [];
  const { shapes, plot } = frame(env, chart.title, legend, area);
  if (chart.categories.length === 0 || series.length === 0) return shapes;
  const values = series.flatMap((entry) => entry.values);
  const layout = chart.direction === "horizontal" ? horizontal : vertical;
  return [...shapes, ...layout(env, chart, series, values, plot)];
}

/**
 * Category bands and, inside each, one slot per series. Bars are at most MAX_BAR thick; a group
 * of capped bars stays together in the middle of its band instead of spreading across it.
 */
export function bands(
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

function vertical(
  env: ChartEnv,
  chart: BarChart,
  series: BarSeries[],
  values: number[],
  area: Rect,
): ChartShape[] {
  const { colors } = env.theme;
  const categoryHeight = lineStep(CATEGORY_SIZE) * 2 + AXIS_GAP;
  const valueHeight = lineStep(CHART_FONT.value) + 2;
  const axis = valueAxis(env, chart.format, values, Math.floor((area.h - categoryHeight) / 42));
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
  const shapes = valueGrid(env, axis, plot, "vertical");
  const zero = axis.scale(0);
  const labels = valueLabels(env, chart, series, inner.step());
  chart.categories.forEach((category, categoryIndex) => {
    const left = outer(category) ?? plot.x;
    series.forEach((entry, seriesIndex) => {
      const value = entry.values[categoryIndex] ?? 0;
      const offset = barStart(category, seriesIndex);
      const thickness = inner.bandwidth();
      const end = axis.scale(value);
      shapes.push({
        kind: "rect",
        x: offset,
        y: Math.min(zero, end),
        w: thickness,
        h: Math.abs(zero - end),
        color: entry.style.color,
      });
      const text = labels?.texts[seriesIndex]?.[categoryIndex];
      if (labels && text) {
        const style: TextStyle = { sizePt: labels.sizePt, weight: "regular", color: colors.text };
        shapes.push({
          kind: "label",
          text,
          x: offset + thickness / 2,
          y: value >= 0 ? end - lineStep(labels.sizePt) - 1 : end + 1,
          anchor: "middle",
          width: env.text.measure(text, labels.sizePt, "regular"),
          style,
        });
      }
    });
    const labelBox: Rect = {
      x: left - (outer.step() - outer.bandwidth()) / 2,
      y: plot.y + plot.h + AXIS_GAP,
      w: outer.step(),
      h: categoryHeight - AXIS_GAP,
    };
    const fitted = env.text.fit(category, labelBox, CATEGORY_SIZE, "regular", MIN_LABEL_SIZE);
    shapes.push({
      kind: "text",
      lines: fitted.lines,
      box: labelBox,
      align: "center",
      valign: "top",
      style: { sizePt: fitted.sizePt, weight: "regular", color: colors.text },
    });
  });
  shapes.push({
    kind: "line",
    x1: plot.x,
    y1: zero,
    x2: plot.x + plot.w,
    y2: zero,
    color: colors.muted,
    width: 1,
  });
  return shapes;
}

function horizontal(
  env: ChartEnv,
  chart: BarChart,
  series: BarSeries[],
  values: number[],
  area: Rect,
): ChartShape[] {
  const { colors } = env.theme;
  const { text: measurer } = env;
  const tickHeight = lineStep(CHART_FONT.tick) + AXIS_GAP;
  const natural = Math.max(
    ...chart.categories.map((category) =>
      measurer.measure(measurer.clean(category, "regular"), CATEGORY_SIZE, "regular"),
    ),
  );
  const categoryWidth = Math.min(area.w * 0.3, natural + 2);
  const labels = valueLabels(env, chart, series, area.w * 0.15);
  const labelRoom = labels
    ? Math.max(0, ...labels.texts.flat().map((text) => measurer.measure(text, labels.sizePt, "regular"))) + 4
    : 0;
  // Value labels sit past the bar ends: on the right, and on the left too when bars go negative.
  const leftRoom = values.some((value) => value < 0) ? labelRoom : 0;
  const plotWidth = area.w - categoryWidth - AXIS_GAP - leftRoom - labelRoom;
  const axis = valueAxis(env, chart.format, values, Math.floor(plotWidth / 70), plotWidth);
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
  const shapes = valueGrid(env, axis, plot, "horizontal");
  const zero = axis.scale(0);
  chart.categories.forEach((category, categoryIndex) => {
    const top = outer(category) ?? plot.y;
    series.forEach((entry, seriesIndex) => {
      const value = entry.values[categoryIndex] ?? 0;
      const offset = barStart(category, seriesIndex);
      const thickness = inner.bandwidth();
      const end = axis.scale(value);
      shapes.push({
        kind: "rect",
        x: Math.min(zero, end),
        y: offset,
        w: Math.abs(end - zero),
        h: thickness,
        color: entry.style.color,
      });
      const text = labels?.texts[seriesIndex]?.[categoryIndex];
      if (labels && text) {
        const width = measurer.measure(text, labels.sizePt, "regular");
        shapes.push({
          kind: "label",
          text,
          x: value >= 0 ? end + 3 : end - width - 3,
          y: offset + thickness / 2 - lineStep(labels.sizePt) / 2,
          anchor: "start",
          width,
          style: { sizePt: labels.sizePt, weight: "regular", color: colors.text },
        });
      }
    });
    const labelBox: Rect = { x: area.x, y: top, w: categoryWidth, h: outer.bandwidth() };
    const fitBox = { ...labelBox, h: Math.max(labelBox.h, lineStep(MIN_LABEL_SIZE)) };
    const fitted = env.text.fit(category, fitBox, CATEGORY_SIZE, "regular", MIN_LABEL_SIZE);
    shapes.push({
      kind: "text",
      lines: fitted.lines,
      box: labelBox,
      align: "right",
      valign: "middle",
      style: { sizePt: fitted.sizePt, weight: "regular", color: colors.text },
    });
  });
  shapes.push({
    kind: "line",
    x1: zero,
    y1: plot.y,
    x2: zero,
    y2: plot.y + plot.h,
    color: colors.muted,
    width: 1,
  });
  return shapes;
}
