import { createHash, randomBytes } from "node:crypto";
import PDFDocument from "pdfkit";
import type { Deck, DeckMeta } from "../../deck/deck-model.js";
import { UsageError } from "../../errors.js";
import { SLIDE_HEIGHT, SLIDE_WIDTH } from "../../deck/geometry.js";
import { brandFaces, type BrandFonts } from "../brand-fonts.js";
import { loadFont, type Face, type FontWeight } from "../fonts.js";
import { memoiseSubsetEncoding, seedSubsets } from "./font-subset.js";
import type { RenderOptions } from "../renderer.js";
import { markAudience } from "./audience-marker.js";
import type { Doc } from "./context.js";
import {
  attachInternals,
  catalogEntries,
  defaultFontOption,
  fontSource,
  replaceInfoWriter,
  setDocumentId,
} from "./pdfkit-internals.js";
import { pt } from "./units.js";

/** Option combinations the PDF renderer cannot honour are usage errors (exit code 2). */
export function checkOptions(options: RenderOptions): void {
  if (options.pdfStandard === "pdfa-2b" && (options.pdfUserPassword || options.pdfOwnerPassword)) {
    throw new UsageError("PDF/A-2b forbids encryption: use either a PDF password or --pdf-standard pdfa-2b");
  }
  if (options.pdfOwnerPassword && !options.pdfUserPassword) {
    throw new UsageError("A PDF owner password needs a user password (the password to open the file)");
  }
}

/**
 * The document date is the deck's as-of date at midnight UTC — never the clock — so that the
 * same deck gives the same bytes.
 */
function documentDate(meta: DeckMeta): Date {
  const date = new Date(`${meta.asOf}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(meta.asOf) || Number.isNaN(date.getTime())) {
    throw new Error(`Deck meta.asOf must be a YYYY-MM-DD date, got "${meta.asOf}"`);
  }
  return date;
}

/**
 * pdfkit derives the trailer /ID from the Info dictionary only, so two decks with the same title
 * and date would share an ID. A hash of the whole deck and the (password-free) options is just as
 * reproducible and tells different documents apart.
 */
function documentId(deck: Deck, options: RenderOptions): Uint8Array {
  const hash = createHash("sha256");
  hash.update(JSON.stringify(deck));
  hash.update(
    JSON.stringify({ standard: options.pdfStandard ?? null, encrypted: !!options.pdfUserPassword }),
  );
  return new Uint8Array(hash.digest().subarray(0, 16));
}

const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

function xml(text: string): string {
  return text.replace(/[&<>"]/g, (char) => XML_ESCAPES[char] ?? char);
}

function xmpDate(date: Date): string {
  return `${date.toISOString().split(".")[0]}Z`;
}

/**
 * XMP packet mirroring the Info dictionary. Replaces pdfkit's own, which does not escape XML
 * (a title like "R&D" would break the packet) and leaves out xmp:ModifyDate although it writes
 * Info /ModDate — PDF/A validators require the two to agree.
 */
function xmpInfo(info: PDFKit.DocumentInfo, language: string): string {
  const created = info.CreationDate ?? new Date(0);
  const parts = [
    `<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">`,
    `<xmp:CreateDate>${xmpDate(created)}</xmp:CreateDate>`,
    `<xmp:ModifyDate>${xmpDate(info.ModDate ?? created)}</xmp:ModifyDate>`,
    `<xmp:CreatorTool>${xml(info.Creator ?? "")}</xmp:CreatorTool>`,
    `</rdf:Description>`,
    `<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">`,
    `<dc:format>application/pdf</dc:format>`,
    `<dc:language><rdf:Bag><rdf:li>${xml(language)}</rdf:li></rdf:Bag></dc:language>`,
  ];
  if (info.Title) {
    parts.push(
      `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xml(info.Title)}</rdf:li></rdf:Alt></dc:title>`,
    );
  }
  if (info.Author)
    parts.push(`<dc:creator><rdf:Seq><rdf:li>${xml(info.Author)}</rdf:li></rdf:Seq></dc:creator>`);
  if (info.Subject) {
    parts.push(
      `<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${xml(info.Subject)}</rdf:li></rdf:Alt></dc:description>`,
    );
  }
  parts.push(
    `</rdf:Description>`,
    `<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">`,
    `<pdf:Producer>${xml(info.Producer ?? "")}</pdf:Producer>`,
  );
  if (info.Keywords) parts.push(`<pdf:Keywords>${xml(info.Keywords)}</pdf:Keywords>`);
  parts.push(`</rdf:Description>`);
  return parts.join("\n");
}

function documentInfo(meta: DeckMeta): PDFKit.DocumentInfo {
  const date = documentDate(meta);
  const info: PDFKit.DocumentInfo = {
    Title: meta.title,
    Subject: meta.subject,
    Creator: "qbr-deck",
    // The tool line (e.g. "qbr-deck 0.1.0"), as the PPTX carries it in its Company property.
    Producer: meta.company || "qbr-deck",
    CreationDate: date,
    ModDate: date,
  };
  if (meta.author) info.Author = meta.author;
  if (meta.keywords.length > 0) info.Keywords = meta.keywords.join(", ");
  return info;
}

function encryptionOptions(options: RenderOptions): Partial<PDFKit.PDFDocumentOptions> {
  if (!options.pdfUserPassword) return {};
  return {
    // AES-256 (security handler revision 5/6) is pdfkit's "1.7ext3".
    pdfVersion: "1.7ext3",
    userPassword: options.pdfUserPassword,
    // Without an owner password anyone who can open the file could lift the restrictions.
    ownerPassword: options.pdfOwnerPassword ?? randomBytes(24).toString("base64url"),
    permissions: {
      printing: "highResolution",
      copying: true,
      contentAccessibility: true,
      modifying: false,
      annotating: false,
      fillingForms: false,
      documentAssembly: false,
    },
  };
}

/**
 * A new pdfkit document for `deck`: slide-sized pages added by the caller, tagged, metadata from
 * deck.meta only, fonts registered, and optionally AES-256 encrypted or PDF/A-2b.
 *
 * Reproducibility: the dates come from meta.asOf, the /ID from a hash of the deck, font subset
 * tags from per-document font ids (F1, F2…), and images are embedded one at a time before drawing
 * (images.ts), so unencrypted output depends on the deck and options only. Encrypted output does
 * not: AES needs fresh random salts and IVs, and a fresh owner password when none is given.
 */
export function createDocument(deck: Deck, options: RenderOptions, fonts: Record<FontWeight, Face>): Doc {
  const info = documentInfo(deck.meta);
  const doc = new PDFDocument({
    size: [pt(SLIDE_WIDTH), pt(SLIDE_HEIGHT)],
    margin: 0,
    autoFirstPage: false,
    // No default font: pdfkit would parse its Helvetica metrics for every document, unused.
    ...defaultFontOption(),
    pdfVersion: "1.7",
    tagged: true,
    lang: deck.meta.language,
    displayTitle: true,
    info,
    ...(options.pdfStandard === "pdfa-2b" ? { subset: "PDF/A-2b" as const } : {}),
    ...encryptionOptions(options),
  });
  attachInternals(doc);
  // pdfkit's own /ID hashes the Info dictionary; see documentId(). AES-256 (R5) does not use it.
  setDocumentId(doc, documentId(deck, options));
  replaceInfoWriter(doc, () => doc.appendXML(xmpInfo(info, deck.meta.language)));
  const catalog = catalogEntries(doc);
  if (catalog) markAudience(catalog, deck.meta.audience);
  seedSubsets(doc, registerFonts(doc, fonts));
  return doc;
}

const WEIGHTS: readonly FontWeight[] = ["regular", "bold"];

/** What each weight is drawn with: the brand faces of `brand`, else DejaVu Sans. */
export function documentFonts(brand: BrandFonts | undefined): Record<FontWeight, Face> {
  return brandFaces(brand);
}

/**
 * DejaVu first, always (the fallback, and the same font ids F1, F2 in every document), then the
 * brand faces; pdfkit embeds only the fonts a page uses. Returns the registered names.
 */
function registerFonts(doc: Doc, fonts: Record<FontWeight, Face>): string[] {
  const faces = [...WEIGHTS.map((weight) => loadFont(weight)), ...WEIGHTS.map((weight) => fonts[weight])];
  const names: string[] = [];
  for (const face of faces) {
    if (names.includes(face.name)) continue;
    // Every document shares the one parse from fonts.ts (pdfkit-internals.ts fontSource()).
    memoiseSubsetEncoding(face.font);
    doc.registerFont(face.name, fontSource(doc, face));
    names.push(face.name);
  }
  return names;
}

/** Ends the document and resolves with its bytes. Listens from the start: pdfkit emits eagerly. */
export function collectBytes(doc: Doc): { finish: () => Promise<Buffer> } {
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  // When drawing throws before finish(), nobody awaits `done`; a late stream error must not
  // become an unhandled rejection. finish() still hands the same promise (and error) over.
  done.catch(() => undefined);
  return {
    finish: () => {
      doc.end();
      return done;
    },
  };
}
