import type { ChartBlock, Theme } from "../../deck/deck-model.js";
import type { SeriesStyle } from "../chart-style.js";
import type { FontWeight } from "../fonts.js";
import type { FittedText } from "../text-fit.js";

/**
 * What a chart layout is made of: positioned shapes in points (origin top-left, the PDF's unit;
 * the HTML draws its SVG in the same unit), in the order they are drawn. Each renderer draws them
 * with a thin adapter (render/pdf/charts/draw.ts, render/html/charts/draw.ts), so the PDF and the
 * HTML of a deck place every bar, tick and label alike.
 */

/** The chart of a chart block: a timeline or a bar chart. */
export type Chart = ChartBlock["chart"];

/** In points, origin top-left. */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Colours are theme hex without '#'. */
export interface TextStyle {
  sizePt: number;
  weight: FontWeight;
  color: string;
}

/** A straight line: gridlines, axes, tick marks. */
export interface LineShape {
  kind: "line";
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  color: string;
  width: number;
}

/** A filled rectangle: bars, legend boxes, the backing of a reference line's label. */
export interface RectShape {
  kind: "rect";
  x: number;
  y: number;
  w: number;
  h: number;
  color: string;
}

/** A data series through `points`, stroked in its role's style (round joins). */
export interface SeriesShape {
  kind: "series";
  points: [number, number][];
  style: SeriesStyle;
}

/** A horizontal reference line (the target) across the plot, in its role's style (round joins). */
export interface RuleShape {
  kind: "rule";
  x1: number;
  x2: number;
  y: number;
  style: SeriesStyle;
}

/** A data point's marker: a filled circle with an outline. */
export interface MarkerShape {
  kind: "marker";
  x: number;
  y: number;
  r: number;
  fill: string;
  outline: string;
  outlineWidth: number;
}

/** A legend's line sample, with a marker at its middle when the series draws markers. */
export interface SwatchShape {
  kind: "swatch";
  x1: number;
  x2: number;
  y: number;
  style: SeriesStyle;
  marker: { x: number; r: number; outline: string } | null;
}

/**
 * Already wrapped lines in `box`, the first line's box top at box.y, aligned within box.w
 * (title, category labels, value-axis labels).
 */
export interface TextShape {
  kind: "text";
  lines: string[];
  box: Rect;
  align: "left" | "center" | "right";
  valign: "top" | "middle";
  style: TextStyle;
}

/**
 * One line whose box top is at `y`, starting at `x` ("start") or centred on it ("middle");
 * `width` is its measured width.
 */
export interface LabelShape {
  kind: "label";
  text: string;
  x: number;
  y: number;
  anchor: "start" | "middle";
  width: number;
  style: TextStyle;
}

export type ChartShape =
  LineShape | RectShape | SeriesShape | RuleShape | MarkerShape | SwatchShape | TextShape | LabelShape;

/**
 * Text as the renderer draws it: each renderer measures with its own fonts (the PDF with pdfkit's
 * widths and kerning, the HTML with the page's faces), so labels fit in either.
 */
export interface ChartText {
  /** The text the renderer will draw (the PDF drops characters its fonts lack; HTML keeps all). */
  clean(text: string, weight: FontWeight): string;
  /** Drawn width in points. */
  measure(text: string, sizePt: number, weight: FontWeight): number;
  /** `text` wrapped and shrunk (maxSizePt down to minSizePt) to fit `rect` (points). */
  fit(text: string, rect: Rect, maxSizePt: number, weight: FontWeight, minSizePt: number): FittedText;
}

/** What a layout needs besides the chart and its box. */
export interface ChartEnv {
  theme: Theme;
  /** An Intl locale (format.ts intlLocale). */
  locale: string;
  text: ChartText;
}
