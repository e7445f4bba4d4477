import type { TextBlock } from "../../../deck/deck-model.js";
import { FONT_SIZES } from "../../../deck/geometry.js";
import type { DrawContext } from "../context.js";
import { drawFitted } from "../text.js";
import { accentColor, css, pt, rectOf, toneColor } from "../units.js";

const CALLOUT_STRIPE = pt(0.08);
const CALLOUT_PADDING = { x: pt(0.22), y: pt(0.12) };

/** Free text in one of five styles; callouts sit on a tinted panel with a tone-coloured stripe. */
export function drawTextBlock(ctx: DrawContext, block: TextBlock): void {
  const { doc, theme, tagger } = ctx;
  const heading = block.style === "heading";
  const color = block.tone
    ? toneColor(theme, block.tone)
    : heading
      ? theme.colors.primary
      : theme.colors.text;
  let area = rectOf(block.box);
  if (block.style === "callout") {
    const panel = area;
    tagger.artifact(() => {
      doc.rect(panel.x, panel.y, panel.w, panel.h).fill(css(theme.colors.surface));
      doc.rect(panel.x, panel.y, CALLOUT_STRIPE, panel.h).fill(css(accentColor(theme, block.tone)));
    });
    area = {
      x: panel.x + CALLOUT_PADDING.x,
      y: panel.y + CALLOUT_PADDING.y,
      w: panel.w - CALLOUT_PADDING.x - CALLOUT_PADDING.y,
      h: panel.h - 2 * CALLOUT_PADDING.y,
    };
  }
  const style = { maxSizePt: FONT_SIZES[block.style], weight: heading ? "bold" : "regular", color } as const;
  tagger.leaf(ctx.section, heading ? "H2" : "P", () => {
    drawFitted(ctx, block.text, area, style, block.style === "callout" ? "middle" : "top");
  });
}
