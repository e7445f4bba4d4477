import { faceFor, type Face, type FontWeight } from "../fonts.js";
import { fitText, LINE_HEIGHT, type FittedText } from "../text-fit.js";
import { MIN_FONT_SIZE } from "../../deck/geometry.js";
import type { DrawContext } from "./context.js";
import { lineWidth, shapeLine, showLine, type ShapedLine } from "./text-run.js";
import { css, POINTS_PER_INCH, type Rect } from "./units.js";

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

/** The same centring for any face (DejaVu keeps its constant, so its PDFs keep their bytes). */
function halfLeadingEm(face: Face): number {
  if (!face.fallback) return HALF_LEADING_EM;
  const { ascent, descent, unitsPerEm } = face.font;
  return (LINE_HEIGHT - (ascent - descent) / unitsPerEm) / 2;
}

export function lineStep(sizePt: number): number {
  return sizePt * LINE_HEIGHT;
}

/** A stretch of a line drawn in one face. */
interface Run {
  face: Face;
  text: string;
}

/**
 * A line split where the face that draws it changes: a brand face's characters, and DejaVu for
 * those it has no glyph for (as text-fit.ts measures them). DejaVu alone is one run.
 */
function runsOf(face: Face, line: string): Run[] {
  if (!face.fallback) return [{ face, text: line }];
  const runs: Run[] = [];
  for (const char of line) {
    const drawing = faceFor(face, char.codePointAt(0)!) ?? face;
    const last = runs[runs.length - 1];
    if (last && last.face === drawing) last.text += char;
    else runs.push({ face: drawing, text: char });
  }
  return runs;
}

/** Width of a single line as pdfkit will draw it (with kerning), for alignment. */
export function measure(ctx: DrawContext, text: string, sizePt: number, weight: FontWeight): number {
  let width = 0;
  for (const run of runsOf(ctx.fonts[weight], text)) {
    ctx.doc.font(run.face.name).fontSize(sizePt);
    width += lineWidth(ctx.doc, run.text);
  }
  return width;
}

/**
 * Draws already-wrapped lines inside `rect`, one by one (text-run.ts), so the layout is exactly
 * the one text-fit.ts computed. Every run sits on the line's baseline, the primary face's.
 */
export function drawLines(
  ctx: DrawContext,
  lines: readonly string[],
  rect: Rect,
  style: TextStyle,
  valign: VAlign = "top",
): void {
  const { doc } = ctx;
  const face = ctx.fonts[style.weight];
  const step = lineStep(style.sizePt);
  const used = lines.length * step;
  let y = rect.y;
  if (valign === "middle") y += (rect.h - used) / 2;
  if (valign === "bottom") y += rect.h - used;
  const ascentEm = (of: Face) => of.font.ascent / of.font.unitsPerEm;
  doc.font(face.name).fontSize(style.sizePt).fillColor(css(style.color));
  for (const line of lines) {
    if (line.length > 0) {
      const shaped: { face: Face; line: ShapedLine }[] = runsOf(face, line).map((run) => {
        doc.font(run.face.name);
        return { face: run.face, line: shapeLine(doc, run.text) };
      });
      let x = rect.x;
      if (style.align && style.align !== "left") {
        const free = rect.w - shaped.reduce((sum, run) => sum + run.line.width, 0);
        x += style.align === "center" ? free / 2 : free;
      }
      const top = y + halfLeadingEm(face) * style.sizePt;
      for (const run of shaped) {
        doc.font(run.face.name);
        const shift = run.face === face ? 0 : (ascentEm(face) - ascentEm(run.face)) * style.sizePt;
        showLine(doc, run.line, x, top + shift);
        x += run.line.width;
      }
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
  return fitText(clean, box, maxSizePt, ctx.fonts[weight], Math.min(minSizePt, maxSizePt));
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
