import type { TextBlock, Tone } from "../../../deck/deck-model.js";
import { FONT_SIZES } from "../../../deck/geometry.js";
import { fitText } from "../../text-fit.js";
import type { HtmlContext } from "../context.js";
import { boxStyle, element, escapeText, hex, pt } from "../markup.js";
import { accentColor } from "../../pdf/units.js";

const POINTS_PER_INCH = 72;
/** The callout panel's stripe and insets, in points, as the PDF draws them. */
const CALLOUT_STRIPE = 5.76;
const CALLOUT_PADDING = { x: 15.84, y: 8.64 };

export function toneClass(tone: Tone | undefined): string | undefined {
  return tone && tone !== "neutral" ? `tone-${tone}` : undefined;
}

/**
 * Fitted text as markup: the size the fitter chose (so the browser, with the same font and no
 * kerning, wraps as it measured); a text cut with "…" keeps the fitter's lines.
 */
export function fittedContent(lines: string[], truncated: boolean, text: string): string {
  return truncated ? lines.map(escapeText).join("<br>") : escapeText(text);
}

/** Free text in one of five styles; a heading is an h3, a callout a tinted panel with a stripe. */
export function textBlock(ctx: HtmlContext, block: TextBlock): string {
  const heading = block.style === "heading";
  const callout = block.style === "callout";
  const inner = callout
    ? {
        w: block.box.w - (CALLOUT_PADDING.x + CALLOUT_PADDING.y) / POINTS_PER_INCH,
        h: block.box.h - (2 * CALLOUT_PADDING.y) / POINTS_PER_INCH,
      }
    : block.box;
  const fitted = fitText(block.text, inner, FONT_SIZES[block.style], ctx.fonts[heading ? "bold" : "regular"]);
  const classes = [
    "stack",
    heading ? "heading" : undefined,
    callout ? "callout middle" : undefined,
    toneClass(block.tone),
  ];
  let style = `${boxStyle(block.box)};font-size:${pt(fitted.sizePt)}`;
  if (callout) {
    style += `;padding:${pt(CALLOUT_PADDING.y)} ${pt(CALLOUT_PADDING.y)} ${pt(CALLOUT_PADDING.y)} ${pt(CALLOUT_PADDING.x - CALLOUT_STRIPE)};border-left-color:${hex(accentColor(ctx.theme, block.tone))}`;
  }
  return element(
    heading ? "h3" : "p",
    { class: classes.filter(Boolean).join(" "), style },
    fittedContent(fitted.lines, fitted.truncated, block.text),
  );
}
