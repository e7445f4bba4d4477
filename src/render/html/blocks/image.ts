import type { ImageBlock, ImageData } from "../../../deck/deck-model.js";
import type { HtmlContext } from "../context.js";
import { boxStyle, voidElement } from "../markup.js";

/** An image as a data: URI: the page loads nothing. */
export function dataUri(image: ImageData): string {
  return `data:${image.mime};base64,${image.base64}`;
}

export function imageBlock(_ctx: HtmlContext, block: ImageBlock): string {
  return voidElement("img", {
    class: "logo",
    src: dataUri(block.image),
    alt: block.alt,
    style: boxStyle(block.box),
  });
}
