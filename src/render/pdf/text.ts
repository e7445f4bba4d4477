import type { FontWeight } from "../fonts.js";
import { fitText, LINE_HEIGHT, type FittedText } from "../text-fit.js";
import { MIN_FONT_SIZE } from "../../deck/geometry.js";
import type { DrawContext } from "./context.js";
import { lineWidth, shapeLine, showLine } from "./text-run.js";
import { css, POINTS_PER_INCH, type Rect } from "./units.js";

export const FONT_NAMES: Record<FontWeight, string> = { regular: "DejaVuSans", bold: "DejaVuSans-Bold" };

export type Align = "left" | "center" | "right";
export type VAlign = "top" | "middle" | "bottom";

export interface TextStyle {
  sizePt: number;
  weight: FontWeight;
  color: string;
  align?: Align;
}

/**
 * DejaVu's ascent + descent is 1.164 em; centring that in the LINE_HEIGHT (1.2 em) line box that
 * text-fit.ts measures with puts the glyphs where the fitter expected them.
 */
const HALF_LEADING_EM = (LINE_HEIGHT - 1.164) / 2;

export function lineStep(sizePt: number): number {
  return sizePt * LINE_HEIGHT;
}

/** Width of a single line as pdfkit will draw it (with kerning), for alignment. */
export function measure(ctx: DrawContext, text: string, sizePt: number, weight: FontWeight): number {
  ctx.doc.font(FONT_NAMES[weight]).fontSize(sizePt);
  return lineWidth(ctx.doc, text);
}

/**
 * Draws already-wrapped lines inside `rect`, one by one (text-run.ts), so the layout is exactly
 * the one text-fit.ts computed.
 */
export function drawLines(
  ctx: DrawContext,
  lines: readonly string[],
  rect: Rect,
  style: TextStyle,
  valign: VAlign = "top",
): void {
  const { doc } = ctx;
  const step = lineStep(style.sizePt);
  const used = lines.length * step;
  let y = rect.y;
  if (valign === "middle") y += (rect.h - used) / 2;
  if (valign === "bottom") y += rect.h - used;
  doc.font(FONT_NAMES[style.weight]).fontSize(style.sizePt).fillColor(css(style.color));
  for (const line of lines) {
    if (line.length > 0) {
      const shaped = shapeLine(doc, line);
      let x = rect.x;
      if (style.align && style.align !== "left") {
        const free = rect.w - shaped.width;
        x += style.align === "center" ? free / 2 : free;
      }
      showLine(doc, shaped, x, y + HALF_LEADING_EM * style.sizePt);
    }
    y += step;
  }
}

/** Wraps and shrinks `text` (≤ maxSizePt) so it fits `rect`; returns what was drawn. */
export function fitInRect(
  ctx: DrawContext,
  text: string,
  rect: Rect,
  maxSizePt: number,
  weight: FontWeight,
  minSizePt: number = MIN_FONT_SIZE,
): FittedText {
  const clean = ctx.glyphs.clean(text, weight);
  const box = { w: rect.w / POINTS_PER_INCH, h: rect.h / POINTS_PER_INCH };
  return fitText(clean, box, maxSizePt, weight, Math.min(minSizePt, maxSizePt));
}

export function drawFitted(
  ctx: DrawContext,
  text: string,
  rect: Rect,
  style: Omit<TextStyle, "sizePt"> & { maxSizePt: number; minSizePt?: number },
  valign: VAlign = "top",
): FittedText {
  const fitted = fitInRect(ctx, text, rect, style.maxSizePt, style.weight, style.minSizePt);
  drawLines(ctx, fitted.lines, rect, { ...style, sizePt: fitted.sizePt }, valign);
  return fitted;
}

/** One line of text at a fixed size, cleaned of glyphs the font lacks (labels, axis ticks). */
export function drawLabel(
  ctx: DrawContext,
  text: string,
  x: number,
  y: number,
  width: number,
  style: TextStyle,
): void {
  const clean = ctx.glyphs.clean(text, style.weight);
  drawLines(ctx, [clean], { x, y, w: width, h: lineStep(style.sizePt) }, style);
}
