import type { ImageBlock } from "../../../deck/deck-model.js";
import type { DrawContext } from "../context.js";
import { rectOf } from "../units.js";

export function drawImageBlock(ctx: DrawContext, block: ImageBlock): void {
  const area = rectOf(block.box);
  ctx.tagger.leaf(
    ctx.section,
    "Figure",
    () => {
      ctx.images.draw(block.image, area, { x: "center", y: "middle" });
    },
    { alt: block.alt, bbox: [area.x, area.y, area.x + area.w, area.y + area.h] },
  );
}
