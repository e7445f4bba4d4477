import { scaleBand } from "d3-scale";
import type { BarChart } from "../../deck/deck-model.js";
import { mix } from "../color.js";
import { formatter } from "./format.js";
import { CHART_FONT, seriesStyle, type SeriesStyle } from "./style.js";
import type { ChartEnv } from "./types.js";

export const CATEGORY_SIZE = 10;
export const MIN_LABEL_SIZE = 7;
/** Bars thicker than this look like blocks. */
const MAX_BAR = { vertical: 44, horizontal: 26 } as const;
const INNER_PADDING = 0.08;

export interface BarSeries {
  name: string;
  style: SeriesStyle;
  values: number[];
}

/** Series colours by role; a colour used twice gets a lighter tint the second time. */
export function barSeries(env: ChartEnv, chart: BarChart): BarSeries[] {
  const seen = new Map<string, number>();
  return chart.series.map((entry) => {
    const style = seriesStyle(env.theme, entry.role);
    const repeats = seen.get(style.color) ?? 0;
    seen.set(style.color, repeats + 1);
    const color = repeats === 0 ? style.color : mix(style.color, "FFFFFF", Math.min(0.7, 0.35 * repeats));
    return { name: entry.name, style: { ...style, color }, values: entry.values };
  });
}

export interface ValueLabels {
  /** Per series, per category. */
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
export function valueLabels(
  env: ChartEnv,
  chart: BarChart,
  series: BarSeries[],
  room: number,
): ValueLabels | null {
  const { text } = env;
  for (const { compact, sizePt } of LABEL_CANDIDATES) {
    const format = formatter(chart.format, env.locale, { compact });
    const texts = series.map((entry) => entry.values.map((value) => text.clean(format(value), "regular")));
    const widest = Math.max(0, ...texts.flat().map((label) => text.measure(label, sizePt, "regular")));
    if (widest <= room) return { texts, sizePt };
  }
  return null;
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

export type Bands = ReturnType<typeof bands>;
