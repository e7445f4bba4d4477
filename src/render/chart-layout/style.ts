import { LINE_HEIGHT } from "../text-fit.js";

export { seriesStyle, type SeriesStyle } from "../chart-style.js";

/** Text sizes in points. */
export const CHART_FONT = {
  title: 12,
  legend: 9.5,
  tick: 9,
  value: 9,
} as const;

/** Between an axis and its labels. */
export const AXIS_GAP = 6;

/** The height of one line of text at `sizePt`, as text-fit.ts wraps it. */
export function lineStep(sizePt: number): number {
  return sizePt * LINE_HEIGHT;
}
