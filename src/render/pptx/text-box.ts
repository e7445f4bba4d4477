import type { Box, Theme } from "../../deck/deck-model.js";
import { fitText } from "../text-fit.js";
import { excerpt, warnOnSlide, type DrawContext } from "./context.js";
import type { TextPropsOptions } from "./pptxgen.js";
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
  /** The shape's name in PowerPoint's selection pane (and for screen readers), e.g. "Title". */
  name?: string;
}

export interface FittedTextBox {
  text: string;
  options: TextPropsOptions;
  sizePt: number;
  /** The warning to report when the text had to be cut, else null. */
  cut: string | null;
}

/**
 * Text that always stays inside its box: the size is the largest that fits (measured with the
 * shared metrics, which err wide), and below the minimum the text is cut with "…". Insets are
 * zero so the box we measured is the box PowerPoint wraps in. Null for blank text.
 */
export function fitTextBox(
  theme: Theme,
  language: string,
  text: string,
  box: Box,
  style: TextBoxStyle,
): FittedTextBox | null {
  if (text.trim() === "") return null;
  const weight = style.bold ? "bold" : "regular";
  const fitted = fitText(text, box, style.maxSizePt, weight, style.minSizePt);
  return {
    text: fitted.truncated ? fitted.lines.join(" ") : text,
    options: {
      ...box,
      margin: 0,
      fontFace: runFontFace(theme, style.fontFace),
      fontSize: fitted.sizePt,
      color: style.color,
      bold: style.bold ?? false,
      italic: style.italic ?? false,
      align: style.align ?? "left",
      valign: style.valign ?? "top",
      wrap: true,
      lang: language,
      ...(style.name ? { objectName: style.name } : {}),
    },
    sizePt: fitted.sizePt,
    cut: fitted.truncated
      ? `${style.role} "${excerpt(text)}" does not fit its box and was cut with an ellipsis`
      : null,
  };
}

/** Draws a fitted text box on the slide (see fitTextBox); returns the size used, 0 for blank text. */
export function drawFittedText(ctx: DrawContext, text: string, box: Box, style: TextBoxStyle): number {
  const fitted = fitTextBox(ctx.theme, ctx.deck.meta.language, text, box, style);
  if (!fitted) return 0;
  if (fitted.cut) warnOnSlide(ctx, fitted.cut);
  ctx.slide.addText(fitted.text, fitted.options);
  return fitted.sizePt;
}
