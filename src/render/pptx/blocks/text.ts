import type { TextBlock } from "../../../deck/deck-model.js";
import { FONT_SIZES } from "../../../deck/geometry.js";
import { shapeName, type DrawContext } from "../context.js";
import { drawFittedText } from "../text-box.js";
import { accentColor, hex, toneColor } from "../theme.js";

const CALLOUT_STRIPE = 0.08;
const CALLOUT_PADDING = { x: 0.22, y: 0.12 };

/** Free text in one of five styles; callouts sit on a tinted panel with a tone-coloured stripe. */
export function drawTextBlock(ctx: DrawContext, block: TextBlock): void {
  const { colors, fonts } = ctx.theme;
  const heading = block.style === "heading";
  const color = block.tone ? toneColor(ctx.theme, block.tone) : hex(heading ? colors.primary : colors.text);
  let box = block.box;
  if (block.style === "callout") {
    const panel = shapeName("Callout", block.text);
    ctx.slide.addShape("rect", { ...box, fill: { color: hex(colors.surface) }, objectName: panel });
    ctx.slide.addShape("rect", {
      objectName: `${panel} (stripe)`,
      x: box.x,
      y: box.y,
      w: CALLOUT_STRIPE,
      h: box.h,
      fill: { color: accentColor(ctx.theme, block.tone) },
    });
    box = {
      x: box.x + CALLOUT_PADDING.x,
      y: box.y + CALLOUT_PADDING.y,
      w: box.w - CALLOUT_PADDING.x - CALLOUT_PADDING.y,
      h: box.h - 2 * CALLOUT_PADDING.y,
    };
  }
  drawFittedText(ctx, block.text, box, {
    role: `${block.style} text`,
    name: shapeName(heading ? "Heading" : "Text", block.text),
    maxSizePt: FONT_SIZES[block.style],
    fontFace: heading ? fonts.heading : fonts.body,
    color,
    bold: heading,
    valign: block.style === "callout" ? "middle" : "top",
  });
}
