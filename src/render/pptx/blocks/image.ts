import type { ImageBlock } from "../../../deck/deck-model.js";
import { shapeName, type DrawContext } from "../context.js";
import { containImage, imageDataUri } from "../image-fit.js";

/** A picture scaled to fit its box without distortion, centred. */
export function drawImageBlock(ctx: DrawContext, block: ImageBlock): void {
  ctx.slide.addImage({
    data: imageDataUri(block.image),
    ...containImage(block.image, block.box),
    altText: block.alt,
    objectName: shapeName("Picture", block.alt),
  });
}
