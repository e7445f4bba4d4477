import type { SeriesRole, Theme } from "../../../deck/deck-model.js";

/** How a series is drawn; the legend shows the same sample. */
export interface SeriesStyle {
  color: string;
  width: number;
  /** [dash, gap] in points; null for a solid line. */
  dash: [number, number] | null;
  markers: boolean;
}

/** Plan dashed, actual solid with markers, forecast dotted, target a thin solid line. */
export function seriesStyle(theme: Theme, role: SeriesRole): SeriesStyle {
  const { colors } = theme;
  switch (role) {
    case "plan":
    case "planned":
      return { color: colors.plan, width: 2, dash: [6, 4], markers: false };
    case "actual":
    case "value":
      return { color: colors.actual, width: 2.5, dash: null, markers: true };
    case "forecast":
      return { color: colors.forecast, width: 2, dash: [1, 3.5], markers: false };
    case "target":
      return { color: colors.target, width: 1.5, dash: null, markers: false };
  }
}

export const CHART_FONT = {
  title: 12,
  legend: 9.5,
  tick: 9,
  value: 9,
} as const;
