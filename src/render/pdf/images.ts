import type { ImageData } from "../../deck/deck-model.js";
import type { Doc } from "./context.js";
import type { Rect } from "./units.js";

/** What pdfkit's image() accepts besides bytes: an image opened (and embedded) once. */
type OpenedImage = PDFKit.Mixins.ImageSrc;

interface ImageOpener {
  // Present on PDFDocument at runtime, missing from pdfkit's type declarations.
  openImage(src: Buffer): OpenedImage;
}

/**
 * Images of one document, decoded and embedded once each — the logo on every slide is one
 * XObject, not one per page. An image pdfkit cannot decode is left out with one warning rather
 * than failing the whole deck.
 */
export class ImageCache {
  private readonly opened = new Map<string, OpenedImage | Error>();

  constructor(
    private readonly doc: Doc,
    private readonly warnings: string[],
  ) {}

  /** Draws `image` as large as fits `rect`, aspect ratio kept, aligned as asked. */
  draw(
    image: ImageData,
    rect: Rect,
    align: { x: "left" | "center" | "right"; y: "top" | "middle" },
    what: string,
  ): void {
    const opened = this.open(image, what);
    if (opened instanceof Error) return;
    const placed = fitAspect(image, rect, align);
    this.doc.image(opened, placed.x, placed.y, { width: placed.w, height: placed.h });
  }

  private open(image: ImageData, what: string): OpenedImage | Error {
    let opened = this.opened.get(image.base64);
    if (!opened) {
      try {
        opened = (this.doc as Doc & ImageOpener).openImage(Buffer.from(image.base64, "base64"));
      } catch (error) {
        opened = error instanceof Error ? error : new Error(String(error));
        this.warnings.push(
          `${what} (${image.mime}) could not be read and is left out of the PDF: ${opened.message}`,
        );
      }
      this.opened.set(image.base64, opened);
    }
    return opened;
  }
}

function fitAspect(
  image: Pick<ImageData, "widthPx" | "heightPx">,
  rect: Rect,
  align: { x: "left" | "center" | "right"; y: "top" | "middle" },
): Rect {
  const aspect = image.widthPx > 0 && image.heightPx > 0 ? image.widthPx / image.heightPx : 1;
  let w = rect.w;
  let h = w / aspect;
  if (h > rect.h) {
    h = rect.h;
    w = h * aspect;
  }
  const freeX = rect.w - w;
  const x = rect.x + (align.x === "left" ? 0 : align.x === "center" ? freeX / 2 : freeX);
  const y = rect.y + (align.y === "top" ? 0 : (rect.h - h) / 2);
  return { x, y, w, h };
}
