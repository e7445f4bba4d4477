import { CHART_FONT, lineStep, type SeriesStyle } from "./style.js";
import type { ChartEnv, ChartShape, Rect } from "./types.js";

export interface LegendEntry {
  label: string;
  style: SeriesStyle;
  /** Bars show a filled square, lines a line sample. */
  swatch: "line" | "box";
}

const SWATCH_LINE = 22;
const SWATCH_BOX = 9;
const SWATCH_GAP = 5;
const ENTRY_GAP = 16;
const TITLE_GAP = 4;
const TITLE_MIN_SIZE = 9;
const SWATCH_MARKER = 3;

/** The chart title and legend at the top of `area`, and what is left for the plot. */
export function frame(
  env: ChartEnv,
  title: string,
  legend: LegendEntry[],
  area: Rect,
): { shapes: ChartShape[]; plot: Rect } {
  const shapes: ChartShape[] = [];
  let top = area.y;
  if (title) {
    const box = { ...area, h: Math.min(area.h / 4, lineStep(CHART_FONT.title) * 2) };
    const fitted = env.text.fit(title, box, CHART_FONT.title, "bold", TITLE_MIN_SIZE);
    shapes.push({
      kind: "text",
      lines: fitted.lines,
      box,
      align: "left",
      valign: "top",
      style: { sizePt: fitted.sizePt, weight: "bold", color: env.theme.colors.text },
    });
    top += fitted.lines.length * lineStep(fitted.sizePt) + TITLE_GAP;
  }
  if (legend.length > 0) top += legendShapes(env, legend, { ...area, y: top }, shapes) + TITLE_GAP * 2;
  return { shapes, plot: { x: area.x, y: top, w: area.w, h: Math.max(0, area.y + area.h - top) } };
}

/** Entries left to right, wrapping to more rows when needed; returns the height used. */
function legendShapes(env: ChartEnv, entries: LegendEntry[], area: Rect, shapes: ChartShape[]): number {
  const size = CHART_FONT.legend;
  const rowHeight = lineStep(size) + 2;
  let x = area.x;
  let y = area.y;
  for (const entry of entries) {
    const label = env.text.clean(entry.label, "regular");
    const swatch = entry.swatch === "line" ? SWATCH_LINE : SWATCH_BOX;
    const labelWidth = env.text.measure(label, size, "regular");
    const width = swatch + SWATCH_GAP + labelWidth;
    if (x > area.x && x + width > area.x + area.w) {
      x = area.x;
      y += rowHeight;
    }
    const middle = y + lineStep(size) / 2;
    const { style } = entry;
    if (entry.swatch === "box") {
      shapes.push({
        kind: "rect",
        x,
        y: middle - SWATCH_BOX / 2,
        w: SWATCH_BOX,
        h: SWATCH_BOX,
        color: style.color,
      });
    } else {
      const marker = style.markers ? { x: x + SWATCH_LINE / 2, r: SWATCH_MARKER, outline: "FFFFFF" } : null;
      shapes.push({ kind: "swatch", x1: x, x2: x + SWATCH_LINE, y: middle, style, marker });
    }
    shapes.push({
      kind: "label",
      text: label,
      x: x + swatch + SWATCH_GAP,
      y,
      anchor: "start",
      width: labelWidth,
      style: { sizePt: size, weight: "regular", color: env.theme.colors.text },
    });
    x += width + ENTRY_GAP;
  }
  return y + rowHeight - area.y;
}
