import type { SeriesRole, Theme } from "../deck/deck-model.js";

/**
 * How a chart series is drawn, by its role: one description for every renderer, so a PDF and a
 * PPTX of the same deck draw plan, actual, forecast and target alike.
 */
export interface SeriesStyle {
  color: string;
  /** Line width in points. */
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

/** A dash short enough to read as dots, drawn with round caps. */
export function isDotted(style: SeriesStyle): boolean {
  return style.dash !== null && style.dash[0] <= 1.5;
}
