export { seriesStyle, type SeriesStyle } from "../../chart-style.js";

export const CHART_FONT = {
  title: 12,
  legend: 9.5,
  tick: 9,
  value: 9,
} as const;
