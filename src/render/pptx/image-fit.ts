import type { Box, ImageData } from "../../deck/deck-model.js";

export type HorizontalAnchor = "left" | "center" | "right";

/** The largest box with the image's aspect ratio inside `box`, placed per `anchor` and centred vertically. */
export function containImage(image: ImageData, box: Box, anchor: HorizontalAnchor = "center"): Box {
  const aspect = image.widthPx > 0 && image.heightPx > 0 ? image.widthPx / image.heightPx : 1;
  const w = Math.min(box.w, box.h * aspect);
  const h = w / aspect;
  const slack = box.w - w;
  const x = box.x + (anchor === "left" ? 0 : anchor === "right" ? slack : slack / 2);
  return { x, y: box.y + (box.h - h) / 2, w, h };
}

/** pptxgenjs takes inline images as "<mime>;base64,<data>". */
export function imageDataUri(image: ImageData): string {
  return `${image.mime};base64,${image.base64}`;
}
