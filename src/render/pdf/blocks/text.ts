import type { TextBlock } from "../../../deck/deck-model.js";
import { FONT_SIZES } from "../../../deck/geometry.js";
import type { DrawContext } from "../context.js";
import { drawFitted } from "../text.js";
import { css, inset, mix, rectOf, toneColor } from "../units.js";

const CALLOUT_BAR = 4;
const CALLOUT_PADDING = 10;

export function drawTextBlock(ctx: DrawContext, block: TextBlock): void {
  const { doc, theme, tagger } = ctx;
  let area = rectOf(block.box);
  const defaultColor =
    block.style === "heading"
      ? theme.colors.primary
      : block.style === "small"
        ? theme.colors.muted
        : theme.colors.text;
  const color = toneColor(theme, block.tone, defaultColor);
  if (block.style === "callout") {
    const box = area;
    const barColor = toneColor(theme, block.tone, theme.colors.accent);
    tagger.artifact(() => {
      doc.rect(box.x, box.y, box.w, box.h).fill(css(mix(theme.colors.surface, "FFFFFF", 0.2)));
      doc.rect(box.x, box.y, CALLOUT_BAR, box.h).fill(css(barColor));
    });
    area = inset(
      { ...area, x: area.x + CALLOUT_BAR, w: area.w - CALLOUT_BAR },
      CALLOUT_PADDING,
      CALLOUT_PADDING * 0.7,
    );
  }
  const weight = block.style === "heading" ? "bold" : "regular";
  const valign = block.style === "callout" ? "middle" : "top";
  tagger.leaf(ctx.section, block.style === "heading" ? "H2" : "P", () => {
    drawFitted(ctx, block.text, area, { maxSizePt: FONT_SIZES[block.style], weight, color }, valign);
  });
}
