import type { DrawContext } from "../context.js";
import { drawFitted, drawLabel, lineStep, measure } from "../text.js";
import { css, type Rect } from "../units.js";
import { CHART_FONT, type SeriesStyle } from "./style.js";

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

/** Draws the chart title and legend at the top of `area` and returns what is left for the plot. */
export function drawFrame(ctx: DrawContext, title: string, legend: LegendEntry[], area: Rect): Rect {
  let top = area.y;
  if (title) {
    const fitted = drawFitted(
      ctx,
      title,
      { ...area, h: Math.min(area.h / 4, lineStep(CHART_FONT.title) * 2) },
      { maxSizePt: CHART_FONT.title, minSizePt: 9, weight: "bold", color: ctx.theme.colors.text },
    );
    top += fitted.lines.length * lineStep(fitted.sizePt) + TITLE_GAP;
  }
  if (legend.length > 0) top += drawLegend(ctx, legend, { ...area, y: top }) + TITLE_GAP * 2;
  return { x: area.x, y: top, w: area.w, h: Math.max(0, area.y + area.h - top) };
}

/** Entries left to right, wrapping to more rows when needed; returns the height used. */
function drawLegend(ctx: DrawContext, entries: LegendEntry[], area: Rect): number {
  const { doc } = ctx;
  const size = CHART_FONT.legend;
  const rowHeight = lineStep(size) + 2;
  let x = area.x;
  let y = area.y;
  for (const entry of entries) {
    const label = ctx.glyphs.clean(entry.label, "regular");
    const swatch = entry.swatch === "line" ? SWATCH_LINE : SWATCH_BOX;
    const width = swatch + SWATCH_GAP + measure(ctx, label, size, "regular");
    if (x > area.x && x + width > area.x + area.w) {
      x = area.x;
      y += rowHeight;
    }
    const middle = y + lineStep(size) / 2;
    const { style } = entry;
    if (entry.swatch === "box") {
      doc.rect(x, middle - SWATCH_BOX / 2, SWATCH_BOX, SWATCH_BOX).fill(css(style.color));
    } else {
      doc
        .save()
        .lineWidth(style.width)
        .lineCap(style.dash && style.dash[0] <= 1.5 ? "round" : "butt");
      if (style.dash) doc.dash(style.dash[0], { space: style.dash[1] });
      doc
        .moveTo(x, middle)
        .lineTo(x + SWATCH_LINE, middle)
        .stroke(css(style.color));
      doc.restore();
      if (style.markers) {
        doc.circle(x + SWATCH_LINE / 2, middle, 3).fillAndStroke(css(style.color), "#FFFFFF");
      }
    }
    drawLabel(ctx, label, x + swatch + SWATCH_GAP, y, width, {
      sizePt: size,
      weight: "regular",
      color: ctx.theme.colors.text,
    });
    x += width + ENTRY_GAP;
  }
  return y + rowHeight - area.y;
}
