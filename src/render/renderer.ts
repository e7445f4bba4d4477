import type { Deck } from "../deck/deck-model.js";
import type { BrandFonts } from "./brand-fonts.js";
import type { AppliedTemplate } from "./pptx/template/template-model.js";

export interface RenderOptions {
  /** PDF: password needed to open the file (AES-256). */
  pdfUserPassword?: string;
  /** PDF: password needed to change permissions; defaults to a random one when a user password is set. */
  pdfOwnerPassword?: string;
  /** PDF: archival conformance level. PDF/A forbids encryption. */
  pdfStandard?: "pdfa-2b";
  /** PPTX: the company template (read by the caller, layouts chosen) the deck is built on. */
  pptxTemplate?: AppliedTemplate;
  /**
   * The theme's brand fonts (io/theme-file.ts loadBrandFonts): the PDF embeds and draws with them,
   * the HTML can embed them with @font-face. The PPTX only names them, through Deck.theme.fonts.
   */
  brandFonts?: BrandFonts;
}

export interface RenderResult {
  bytes: Uint8Array;
  /** Problems the user should know about that did not stop rendering (e.g. glyphs the font lacks). */
  warnings: string[];
}

export interface Renderer {
  format: OutputFormat;
  render(deck: Deck, options: RenderOptions): Promise<RenderResult>;
  /** The start-up cost of a process's first render, paid ahead by a thread that would otherwise wait. */
  warmUp?(): Promise<void>;
}

export interface OutputFormatSpec {
  /** The file name's extension, without the dot. */
  extension: string;
  /** The media type, for attachments and downloads. */
  mime: string;
  /**
   * Imported on first use, so that `qbr --help`, `validate` and `analyze` never load pptxgenjs
   * or pdfkit.
   */
  load(): Promise<Renderer>;
}

/** Every output format. A new one is a folder under render/ and one entry here. */
export const OUTPUT_FORMAT_SPECS = {
  pptx: {
    extension: "pptx",
    mime: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    load: async () => (await import("./pptx/render-pptx.js")).pptxRenderer,
  },
  pdf: {
    extension: "pdf",
    mime: "application/pdf",
    load: async () => (await import("./pdf/render-pdf.js")).pdfRenderer,
  },
  html: {
    extension: "html",
    mime: "text/html",
    load: async () => (await import("./html/render-html.js")).htmlRenderer,
  },
} as const satisfies Record<string, OutputFormatSpec>;

export type OutputFormat = keyof typeof OUTPUT_FORMAT_SPECS;
export const OUTPUT_FORMATS = Object.keys(OUTPUT_FORMAT_SPECS) as readonly OutputFormat[];

export function loadRenderer(format: OutputFormat): Promise<Renderer> {
  return OUTPUT_FORMAT_SPECS[format].load();
}
