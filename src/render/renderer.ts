import type { Deck } from "../deck/deck-model.js";
import type { AppliedTemplate } from "./pptx/template/template-model.js";

export type OutputFormat = "pptx" | "pdf";
export const OUTPUT_FORMATS: readonly OutputFormat[] = ["pptx", "pdf"];

export interface RenderOptions {
  /** PDF: password needed to open the file (AES-256). */
  pdfUserPassword?: string;
  /** PDF: password needed to change permissions; defaults to a random one when a user password is set. */
  pdfOwnerPassword?: string;
  /** PDF: archival conformance level. PDF/A forbids encryption. */
  pdfStandard?: "pdfa-2b";
  /** PPTX: the company template (read by the caller, layouts chosen) the deck is built on. */
  pptxTemplate?: AppliedTemplate;
}

export interface RenderResult {
  bytes: Uint8Array;
  /** Problems the user should know about that did not stop rendering (e.g. glyphs the font lacks). */
  warnings: string[];
}

export interface Renderer {
  format: OutputFormat;
  render(deck: Deck, options: RenderOptions): Promise<RenderResult>;
}

/**
 * Renderers are imported lazily so that `qbr --help`, `validate` and `analyze` never load
 * pptxgenjs or pdfkit. A new format is a folder under render/ and one line here.
 */
export async function loadRenderer(format: OutputFormat): Promise<Renderer> {
  switch (format) {
    case "pptx":
      return (await import("./pptx/render-pptx.js")).pptxRenderer;
    case "pdf":
      return (await import("./pdf/render-pdf.js")).pdfRenderer;
  }
}
