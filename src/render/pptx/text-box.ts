import type { Box } from "../../deck/deck-model.js";
import { fitText } from "../text-fit.js";
import { excerpt, warnOnSlide, type DrawContext } from "./context.js";
import { runFontFace } from "./theme.js";

export interface TextBoxStyle {
  maxSizePt: number;
  fontFace: string;
  color: string;
  bold?: boolean;
  italic?: boolean;
  align?: "left" | "center" | "right";
  valign?: "top" | "middle" | "bottom";
  /** Smallest size before the text is cut; defaults to MIN_FONT_SIZE. */
  minSizePt?: number;
  /** Name in warnings, e.g. "slide title". */
  role: string;
}

/**
 * Draws text that always stays inside its box: the size is the largest that fits (measured with
 * the shared metrics, which err wide), and below the minimum the text is cut with "…" and a
 * warning is logged. Insets are zero so the box we measured is the box PowerPoint wraps in.
 */
export function drawFittedText(ctx: DrawContext, text: string, box: Box, style: TextBoxStyle): number {
  if (text.trim() === "") return 0;
  const weight = style.bold ? "bold" : "regular";
  const fitted = fitText(text, box, style.maxSizePt, weight, style.minSizePt);
  if (fitted.truncated) {
    warnOnSlide(ctx, `${style.role} "${excerpt(text)}" does not fit its box and was cut with an ellipsis`);
  }
  ctx.slide.addText(fitted.truncated ? fitted.lines.join(" ") : text, {
    ...box,
    margin: 0,
    fontFace: runFontFace(ctx.theme, style.fontFace),
    fontSize: fitted.sizePt,
    color: style.color,
    bold: style.bold ?? false,
    italic: style.italic ?? false,
    align: style.align ?? "left",
    valign: style.valign ?? "top",
    wrap: true,
    lang: ctx.deck.meta.language,
  });
  return fitted.sizePt;
}
