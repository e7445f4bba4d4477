import PDFDocument from "pdfkit";
import type * as fontkit from "fontkit";
import { loadFont, type Face } from "../fonts.js";
import type { Doc } from "./context.js";

/**
 * The one place that reaches into pdfkit and fontkit internals (members their documentation and
 * type declarations do not list). Every other file of the PDF renderer asks this module for them
 * and gets `null` when they are not usable, and then takes pdfkit's public API instead: slower or
 * less exact, never a crash. docs/internals.md says why each one is used and what the fallback
 * costs.
 *
 * Before the first document, `libraryInternals()` opens a throwaway pdfkit document (with the
 * DejaVu font and a 1×1 PNG) and checks that every member exists with the expected type and
 * arity: a pdfkit or fontkit update that renames or reshapes one turns its area off and the
 * render reports one warning. Both libraries are pinned exactly in package.json, so that happens
 * only when someone updates them (and the probe test fails first). `QBR_PDF_INTERNALS=off` turns
 * every area off, e.g. to check a suspected adapter bug against pdfkit's own output.
 */

/** What an internal is used for; each area falls back on its own. */
export type InternalArea = "fonts" | "text" | "subsets" | "document-id" | "xmp" | "catalog" | "images";

export interface MissingInternal {
  area: InternalArea;
  /** Where it is read, e.g. `doc._font.subset.includeGlyph`. */
  member: string;
  /** What was expected there, e.g. `function(1)`. */
  expected: string;
}

// ---- the internals, typed ----

/** pdfkit's EmbeddedFont: the document's current font with its subset bookkeeping. */
export interface EmbeddedFont {
  id: string;
  font: fontkit.Font;
  /** 1000 / unitsPerEm */
  scale: number;
  /** In 1/1000 em. */
  ascender: number;
  subset: { includeGlyph(glyphId: number): number };
  widths: (number | undefined)[];
  unicode: (number[] | undefined)[];
  ref(): unknown;
}

/** The members of a pdfkit document that text-run.ts draws with. */
export interface TextInternals {
  _font: EmbeddedFont;
  _fontSize: number;
  page: { height: number; fonts: Record<string, unknown> };
  /** A string gets a newline appended and is converted char by char; bytes are taken as they are. */
  addContent(data: string | Uint8Array): unknown;
}

/** fontkit's Subset (TTFSubset): `glyphs` is the list `encode()` writes, in subset-id order. */
export interface FontSubset {
  glyphs: number[];
  encode(): Uint8Array;
}

export interface SubsetFactory {
  createSubset(): FontSubset;
}

/**
 * pdfkit's image objects (PNGImage, JPEG). `embed` writes the XObject; for PNGs with alpha,
 * indexed transparency or interlacing it first inflates the pixels asynchronously and calls
 * `finalize` when done.
 */
export interface PdfkitImage {
  label: string;
  width: number;
  height: number;
  obj: unknown;
  embed(doc: Doc): void;
  finalize?: () => void;
}

interface ImageInternals {
  openImage(src: Buffer): PdfkitImage;
}

interface DocumentInternals {
  /** The trailer /ID (both halves); pdfkit sets it to an MD5 of the Info dictionary. */
  _id: Uint8Array;
  /** Writes the Info dictionary and, for PDF/A, pdfkit's own XMP packet; called by end(). */
  _addInfo(): void;
  /** The document catalog. */
  _root: { data: Record<string, unknown> };
}

// ---- the probe ----

type Expected = "object" | "number" | "string" | "array" | "bytes" | `function(${number})`;

interface Check {
  area: InternalArea;
  /** A dotted path from the document (or, for `image.`, from an opened PNG). */
  member: string;
  expected: Expected;
}

/**
 * Every internal read or replaced, with the type (and for functions the arity, `Function.length`)
 * pdfkit 0.20.2 and fontkit 2.0.4 have. Replaced methods (`_addInfo`, `createSubset`, `encode`,
 * `finalize`) are checked too: replacing a method that is no longer called would silently do
 * nothing.
 */
const CHECKS: readonly Check[] = [
  { area: "text", member: "addContent", expected: "function(1)" },
  { area: "text", member: "_fontSize", expected: "number" },
  { area: "text", member: "_font.id", expected: "string" },
  { area: "text", member: "_font.scale", expected: "number" },
  { area: "text", member: "_font.ascender", expected: "number" },
  { area: "text", member: "_font.widths", expected: "array" },
  { area: "text", member: "_font.unicode", expected: "array" },
  { area: "text", member: "_font.ref", expected: "function(0)" },
  { area: "text", member: "_font.font.layout", expected: "function(5)" },
  { area: "text", member: "_font.subset.includeGlyph", expected: "function(1)" },
  { area: "text", member: "page.height", expected: "number" },
  { area: "text", member: "page.fonts", expected: "object" },
  { area: "subsets", member: "_font.font.createSubset", expected: "function(0)" },
  { area: "subsets", member: "_font.subset.glyphs", expected: "array" },
  { area: "subsets", member: "_font.subset.encode", expected: "function(0)" },
  { area: "document-id", member: "_id", expected: "bytes" },
  { area: "xmp", member: "_addInfo", expected: "function(0)" },
  { area: "catalog", member: "_root.data", expected: "object" },
  { area: "images", member: "openImage", expected: "function(1)" },
  { area: "images", member: "image.label", expected: "string" },
  { area: "images", member: "image.width", expected: "number" },
  { area: "images", member: "image.height", expected: "number" },
  { area: "images", member: "image.embed", expected: "function(1)" },
  { area: "images", member: "image.finalize", expected: "function(0)" },
];

const AREAS: readonly InternalArea[] = [
  "fonts",
  "text",
  "subsets",
  "document-id",
  "xmp",
  "catalog",
  "images",
];

function read(root: unknown, path: string): unknown {
  let value = root;
  for (const key of path.split(".")) {
    if (value === null || (typeof value !== "object" && typeof value !== "function")) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function matches(value: unknown, expected: Expected): boolean {
  switch (expected) {
    case "array":
      return Array.isArray(value);
    case "bytes":
      return value instanceof Uint8Array;
    case "object":
      return typeof value === "object" && value !== null;
    case "number":
    case "string":
      return typeof value === expected;
    default:
      return typeof value === "function" && expected === `function(${value.length})`;
  }
}

/** A 1×1 RGBA PNG: the kind pdfkit decodes asynchronously and finalizes. */
const PROBE_PNG =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

/**
 * Checks the internals of `doc`, which must have a font selected and a page added. Returns what
 * is missing or shaped differently; empty when everything is as expected. It opens (does not
 * embed) a 1×1 PNG in `doc`, which takes an image label: probe throwaway documents only.
 */
export function probeInternals(doc: object): MissingInternal[] {
  let image: unknown;
  const openImage = read(doc, "openImage");
  if (typeof openImage === "function") {
    try {
      image = openImage.call(doc, Buffer.from(PROBE_PNG, "base64"));
    } catch {
      image = undefined;
    }
  }
  const missing: MissingInternal[] = [];
  for (const check of CHECKS) {
    const value = check.member.startsWith("image.")
      ? read(image, check.member.slice("image.".length))
      : read(doc, check.member);
    if (!matches(value, check.expected)) {
      missing.push({ area: check.area, member: `doc.${check.member}`, expected: check.expected });
    }
  }
  return missing;
}

let libraryMissing: MissingInternal[] | undefined;

/**
 * The probe of the installed pdfkit and fontkit, run once per process on a throwaway document
 * (never ended, so it writes nothing).
 */
export function libraryInternals(): readonly MissingInternal[] {
  if (!libraryMissing) {
    try {
      const { font } = loadFont("regular");
      const doc = new PDFDocument({ autoFirstPage: false, ...NO_DEFAULT_FONT });
      doc.registerFont("probe", font as unknown as PDFKit.Mixins.PDFFontSource);
      doc.font("probe").addPage();
      libraryMissing = probeInternals(doc);
      if (read(doc, "_font.font") !== font) {
        libraryMissing.push({
          area: "fonts",
          member: "doc._font.font",
          expected: "the registered fontkit font",
        });
      }
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      libraryMissing = AREAS.map((area) => ({
        area,
        member: "new PDFDocument()",
        expected: `no error (${reason})`,
      }));
    }
  }
  return libraryMissing;
}

function disabledByEnvironment(): boolean {
  return process.env.QBR_PDF_INTERNALS === "off";
}

/** Areas whose internals may be used: all those the probe found intact, none when disabled. */
function usableAreas(): ReadonlySet<InternalArea> {
  if (disabledByEnvironment()) return new Set();
  const broken = new Set(libraryInternals().map((missing) => missing.area));
  return new Set(AREAS.filter((area) => !broken.has(area)));
}

/**
 * Decided once per document (in createDocument) so that one document never mixes the two paths;
 * documents this module has not seen (tests that build a bare pdfkit document) get the current
 * decision.
 */
const decisions = new WeakMap<object, ReadonlySet<InternalArea>>();

export function attachInternals(doc: Doc): void {
  decisions.set(doc, usableAreas());
}

function uses(doc: object, area: InternalArea): boolean {
  return (decisions.get(doc) ?? usableAreas()).has(area);
}

const CONSEQUENCES: Record<InternalArea, string> = {
  fonts: "fonts are parsed for every document (slower)",
  text: "text is drawn with pdfkit's text() (slower)",
  subsets: "font subsets are encoded for every document (slower)",
  "document-id": "the file /ID is pdfkit's hash of the title and dates",
  xmp: "PDF/A metadata is pdfkit's own (not XML-escaped)",
  catalog: "the audience marker that qbr send checks is not written",
  images: "images are embedded by pdfkit on first use (file bytes may vary from run to run)",
};

/**
 * One warning for a document drawn (partly) without the internals, or null. Names what changed
 * and what it costs, so that whoever updated pdfkit knows where to look.
 */
export function internalsWarning(doc: Doc): string | null {
  const usable = decisions.get(doc) ?? usableAreas();
  const off = AREAS.filter((area) => !usable.has(area));
  if (off.length === 0) return null;
  const why = disabledByEnvironment()
    ? "QBR_PDF_INTERNALS=off"
    : `pdfkit/fontkit differ from the pinned versions: ${libraryInternals()
        .map((missing) => `${missing.member} is not ${missing.expected}`)
        .join(", ")}`;
  return `PDF drawn through pdfkit's public API (${why}): ${off.map((area) => CONSEQUENCES[area]).join("; ")} — see docs/internals.md`;
}

// ---- accessors: the internals when usable, null otherwise ----

/**
 * pdfkit skips its default font (Helvetica, whose metrics it would parse for every document,
 * unused) for `font: null`; its type declarations only allow a name.
 */
const NO_DEFAULT_FONT = { font: null as unknown as string };

/** Document options that leave out pdfkit's default font, or none when the probe failed. */
export function defaultFontOption(): { font?: string } {
  return libraryInternals().some((missing) => missing.member === "new PDFDocument()") ? {} : NO_DEFAULT_FONT;
}

/**
 * What to register a font from: the fontkit font parsed once per process (pdfkit accepts one,
 * it checks for `layout`, though its type declarations list byte sources only), or its bytes.
 * Sharing needs the text internals too: pdfkit's own text() would take stale code points from
 * fontkit's glyph cache for the ToUnicode map (see codePointsOf() in text-run.ts).
 */
export function fontSource(doc: Doc, loaded: Pick<Face, "bytes" | "font">): PDFKit.Mixins.PDFFontSource {
  if (!uses(doc, "fonts") || !uses(doc, "text")) return Buffer.from(loaded.bytes);
  return loaded.font as unknown as PDFKit.Mixins.PDFFontSource;
}

/** The current font, size and page of `doc` and its content writer (text-run.ts). */
export function textInternals(doc: Doc): TextInternals | null {
  return uses(doc, "text") ? (doc as unknown as TextInternals) : null;
}

/** fontkit's subset factory of `font`, to memoise subset encoding (font-subset.ts). */
export function subsetInternals(font: fontkit.Font): SubsetFactory | null {
  if (disabledByEnvironment() || libraryInternals().some((missing) => missing.area === "subsets"))
    return null;
  return font as unknown as SubsetFactory;
}

/** Replaces the trailer /ID pdfkit derives from the Info dictionary. False when it cannot. */
export function setDocumentId(doc: Doc, id: Uint8Array): boolean {
  if (!uses(doc, "document-id")) return false;
  (doc as unknown as DocumentInternals)._id = id;
  return true;
}

/** Replaces pdfkit's Info/XMP writer (called by end()) with `write`. False when it cannot. */
export function replaceInfoWriter(doc: Doc, write: () => void): boolean {
  if (!uses(doc, "xmp")) return false;
  (doc as unknown as DocumentInternals)._addInfo = write;
  return true;
}

/**
 * The document catalog's entries (pdfkit writes a plain JS string there as a PDF name), or null.
 * Typed as `object` so that audience-marker.ts, which the PDF reader side imports, needs no pdfkit.
 */
export function catalogEntries(doc: object): Record<string, unknown> | null {
  if (!uses(doc, "catalog")) return null;
  return (doc as DocumentInternals)._root.data;
}

/** Opens (decodes the header of) an image without drawing it, or null to draw with doc.image(). */
export function imageInternals(doc: Doc): ImageInternals | null {
  return uses(doc, "images") ? (doc as unknown as ImageInternals) : null;
}

/** pdfkit's image() also takes an opened image; its type declarations list byte sources only. */
export function openedImageSource(image: PdfkitImage): PDFKit.Mixins.ImageSrc {
  return image as unknown as PDFKit.Mixins.ImageSrc;
}
