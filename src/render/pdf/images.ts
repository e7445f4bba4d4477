import { inflateSync } from "node:zlib";
import type { Deck, ImageData } from "../../deck/deck-model.js";
import type { Doc } from "./context.js";
import type { Rect } from "./units.js";

/**
 * The parts of pdfkit's image objects (PNGImage, JPEG) used here; none is in its type
 * declarations. `embed` writes the XObject; for PNGs with alpha, indexed transparency or
 * interlacing it first inflates the pixels asynchronously and calls `finalize` when done.
 */
interface PdfkitImage {
  obj: unknown;
  embed(doc: Doc): void;
  finalize?: () => void;
  /** PNG only: the parsed file, with its compressed pixel data. */
  image?: { imgData: Uint8Array };
}

interface ImageOpener {
  openImage(src: Buffer): PdfkitImage;
}

export type ImageAlign = { x: "left" | "center" | "right"; y: "top" | "middle" };

/**
 * Images of one document, decoded and embedded once each — the logo on every slide is one
 * XObject, not one per page. An image that cannot be decoded is left out with one warning
 * rather than failing the whole deck.
 */
export class ImageCache {
  private readonly opened = new Map<string, PdfkitImage | Error>();

  constructor(
    private readonly doc: Doc,
    private readonly warnings: string[],
  ) {}

  /**
   * Embeds every image of the deck, one after the other, before anything is drawn. pdfkit would
   * otherwise embed them on first use with asynchronous decoding: with two such images, which
   * finishes first — and so the object order and the bytes of the file — would vary from run to run.
   */
  async embedAll(deck: Deck): Promise<void> {
    if (deck.logo && deck.theme.logo.placement !== "none") await this.embed(deck.logo, "The logo");
    for (const [index, slide] of deck.slides.entries()) {
      for (const block of slide.blocks) {
        if (block.kind === "image")
          await this.embed(block.image, `pdf slide ${index + 1} ("${slide.id}"): an image`);
      }
    }
  }

  /** Draws an embedded image as large as fits `rect`, aspect ratio kept, aligned as asked. */
  draw(image: ImageData, rect: Rect, align: ImageAlign): void {
    const opened = this.opened.get(image.base64);
    if (!opened || opened instanceof Error) return;
    const placed = fitAspect(image, rect, align);
    // pdfkit's image() also takes an opened image; its type declarations list byte sources only.
    const source = opened as unknown as PDFKit.Mixins.ImageSrc;
    this.doc.image(source, placed.x, placed.y, { width: placed.w, height: placed.h });
  }

  private async embed(image: ImageData, what: string): Promise<void> {
    if (this.opened.has(image.base64)) return;
    try {
      const opened = (this.doc as Doc & ImageOpener).openImage(Buffer.from(image.base64, "base64"));
      // png-js inflates in a callback that throws on corrupt data, out of reach of any catch:
      // check the pixel data here instead.
      if (opened.image) inflateSync(opened.image.imgData);
      await embedFully(this.doc, opened);
      this.opened.set(image.base64, opened);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.opened.set(image.base64, new Error(reason));
      this.warnings.push(`${what} (${image.mime}) could not be read and is left out of the PDF: ${reason}`);
    }
  }
}

/** Resolves once pdfkit has written the image, synchronously or after its asynchronous decoding. */
function embedFully(doc: Doc, image: PdfkitImage): Promise<void> {
  return new Promise((resolve) => {
    const finalize = image.finalize;
    if (finalize) {
      image.finalize = () => {
        finalize.call(image);
        resolve();
      };
    }
    image.embed(doc);
    if (!finalize) resolve();
  });
}

function fitAspect(image: Pick<ImageData, "widthPx" | "heightPx">, rect: Rect, align: ImageAlign): Rect {
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
