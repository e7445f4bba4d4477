import { inflateSync } from "node:zlib";
import type { Deck, ImageData } from "../../deck/deck-model.js";
import type { Doc } from "./context.js";
import { imageInternals, openedImageSource, type PdfkitImage } from "./pdfkit-internals.js";
import type { Rect } from "./units.js";

export type ImageAlign = { x: "left" | "center" | "right"; y: "top" | "middle" };

/**
 * Images of one document, decoded and embedded once each — the logo on every slide is one
 * XObject, not one per page. An image that cannot be decoded is left out with one warning
 * rather than failing the whole deck.
 *
 * Embedding ahead of drawing uses pdfkit internals (openImage, embed, finalize); without them
 * (pdfkit-internals.ts) images are drawn with the public image() from a data URL, which pdfkit
 * also embeds once per document.
 */
export class ImageCache {
  /** Per base64 source: the embedded image, what to hand image() later, or why it is left out. */
  private readonly opened = new Map<string, PdfkitImage | PublicImage | Error>();

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
    if (deck.theme.logo.vendor) await this.embed(deck.theme.logo.vendor, "The theme's logo");
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
    const size = { width: placed.w, height: placed.h };
    if (!(opened instanceof PublicImage)) {
      this.doc.image(openedImageSource(opened), placed.x, placed.y, size);
      return;
    }
    // The public path decodes on first use, so a bad image shows up here, not in embedAll().
    try {
      this.doc.image(opened.dataUrl, placed.x, placed.y, size);
    } catch (error) {
      this.leaveOut(image, opened.what, error);
    }
  }

  private async embed(image: ImageData, what: string): Promise<void> {
    if (this.opened.has(image.base64)) return;
    try {
      const bytes = Buffer.from(image.base64, "base64");
      const opener = imageInternals(this.doc);
      // png-js inflates in a callback that throws on corrupt data, out of reach of any catch:
      // check the pixel data here instead (after pdfkit's own checks of the header).
      if (!opener) {
        checkPngPixels(bytes);
        this.opened.set(image.base64, new PublicImage(`data:${image.mime};base64,${image.base64}`, what));
        return;
      }
      const opened = opener.openImage(bytes);
      checkPngPixels(bytes);
      await embedFully(this.doc, opened);
      this.opened.set(image.base64, opened);
    } catch (error) {
      this.leaveOut(image, what, error);
    }
  }

  private leaveOut(image: ImageData, what: string, error: unknown): void {
    const reason = error instanceof Error ? error.message : String(error);
    this.opened.set(image.base64, new Error(reason));
    this.warnings.push(`${what} (${image.mime}) could not be read and is left out of the PDF: ${reason}`);
  }
}

/** An image pdfkit's public image() embeds on first use (the fallback without internals). */
class PublicImage {
  constructor(
    readonly dataUrl: string,
    /** Where it is, for the warning if it cannot be read. */
    readonly what: string,
  ) {}
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

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * Inflates a PNG's pixel data (its IDAT chunks, joined) and throws if it is corrupt, as png-js
 * would later where nothing can catch it. Other formats pass: pdfkit's own errors for them are
 * synchronous.
 */
function checkPngPixels(bytes: Buffer): void {
  if (!bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return;
  const chunks: Buffer[] = [];
  for (let offset = 8; offset + 8 <= bytes.length;) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString("latin1", offset + 4, offset + 8);
    if (type === "IDAT") chunks.push(bytes.subarray(offset + 8, offset + 8 + length));
    if (type === "IEND") break;
    offset += 12 + length;
  }
  inflateSync(Buffer.concat(chunks));
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
