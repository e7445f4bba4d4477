import { faceOf, hasGlyph, type Face, type FontWeight } from "../fonts.js";
import { readTables, toWoff, type Tables } from "./sfnt.js";

/**
 * The deck's font (DejaVu Sans, as in the PDF) embedded in the page as WOFF data: URIs, cut down
 * to the characters the page uses, so that the page looks the same on every machine and reads
 * nothing from the network.
 *
 * fontkit's subsetter writes the glyph outlines and metrics but none of the tables a browser also
 * needs (its output is meant for PDFs); the character map is built here for the subset's new
 * glyph ids, and OS/2, name (the copyright and licence) and a name-less post table are added from
 * the original. No GSUB/GPOS/kern tables go along: the page, like text-fit.ts, lays text out
 * without kerning or ligatures, so a line wraps where the fitter measured it.
 */
export const FONT_FAMILY = "QBR DejaVu Sans";

/**
 * A theme's brand faces (brand-fonts.ts), one family whose regular weight is the body face and
 * bold weight the heading face: every bold text (titles, headings, KPI values, table headers) is
 * drawn in the heading face, as in the PDF.
 */
export const BRAND_FAMILY = "QBR Brand";

/** Every printable ASCII character is always there (numbers typed into a later edit, say). */
const BASE_CHARS = Array.from({ length: 0x7f - 0x20 }, (_, index) => 0x20 + index);

/** The BMP code points of `text` plus printable ASCII, sorted, each once. */
export function codePointsOf(text: string): number[] {
  const points = new Set<number>(BASE_CHARS);
  for (const char of text) {
    const codePoint = char.codePointAt(0) ?? 0;
    if (codePoint >= 0x20 && codePoint <= 0xffff) points.add(codePoint);
  }
  return [...points].sort((a, b) => a - b);
}

interface Mapping {
  codePoint: number;
  glyph: number;
}

/** A format 4 character map (Windows, Unicode BMP), consecutive runs merged into one segment. */
function cmapTable(mappings: Mapping[]): Uint8Array {
  const segments: { start: number; end: number; delta: number }[] = [];
  for (const { codePoint, glyph } of mappings) {
    const last = segments.at(-1);
    const delta = (glyph - codePoint + 0x10000) % 0x10000;
    if (last && last.end === codePoint - 1 && last.delta === delta) last.end = codePoint;
    else segments.push({ start: codePoint, end: codePoint, delta });
  }
  segments.push({ start: 0xffff, end: 0xffff, delta: 1 });
  const count = segments.length;
  const subtableLength = 16 + count * 8;
  const out = new Uint8Array(12 + subtableLength);
  const view = new DataView(out.buffer);
  view.setUint16(2, 1); // one subtable
  view.setUint16(4, 3); // Windows
  view.setUint16(6, 1); // Unicode BMP
  view.setUint32(8, 12);
  const table = 12;
  const searchRange = 2 * 2 ** Math.floor(Math.log2(count));
  view.setUint16(table, 4);
  view.setUint16(table + 2, subtableLength);
  view.setUint16(table + 6, count * 2);
  view.setUint16(table + 8, searchRange);
  view.setUint16(table + 10, Math.log2(searchRange / 2));
  view.setUint16(table + 12, count * 2 - searchRange);
  const ends = table + 14;
  const starts = ends + count * 2 + 2;
  const deltas = starts + count * 2;
  segments.forEach((segment, index) => {
    view.setUint16(ends + index * 2, segment.end);
    view.setUint16(starts + index * 2, segment.start);
    view.setUint16(deltas + index * 2, segment.delta);
    // idRangeOffset stays 0: glyph = code point + delta.
  });
  return out;
}

/** post version 3: the original's italic angle and underline, no glyph names. */
function postTable(original: Uint8Array): Uint8Array {
  const out = new Uint8Array(32);
  out.set(original.subarray(4, 16), 4);
  new DataView(out.buffer).setUint32(0, 0x00030000);
  return out;
}

/** The font of `face` (DejaVu Sans of `weight`, or a brand face) cut down to `codePoints`, as WOFF bytes. */
export function subsetWoff(face: FontWeight | Face, codePoints: readonly number[]): Uint8Array {
  const { font, bytes } = faceOf(face);
  const subset = font.createSubset();
  const mappings: Mapping[] = [];
  for (const codePoint of codePoints) {
    const glyph = font.glyphForCodePoint(codePoint);
    // Glyph 0 is .notdef: a character the font lacks is left to the browser's fallback fonts.
    if (glyph.id !== 0) mappings.push({ codePoint, glyph: subset.includeGlyph(glyph.id) });
  }
  const original = readTables(bytes);
  const tables: Tables = readTables(subset.encode());
  tables.set("cmap", cmapTable(mappings));
  tables.set("post", postTable(original.get("post")!));
  for (const tag of ["OS/2", "name"]) tables.set(tag, original.get(tag)!);
  return toWoff(tables);
}

/**
 * Subsetting and compressing both weights takes ~100 ms; decks of one batch (and the pages of a
 * live preview) mostly use the same characters, so the rules are kept per fonts and character set.
 */
const FACES_CACHE_SIZE = 32;
const facesCache = new Map<string, string>();

/** A number per font file, for the cache key: brand faces are told apart by their bytes. */
const fontIds = new WeakMap<Uint8Array, number>();
let nextFontId = 0;

function fontId(face: Face): number {
  let id = fontIds.get(face.bytes);
  if (id === undefined) {
    id = nextFontId++;
    fontIds.set(face.bytes, id);
  }
  return id;
}

/** What the page's text is drawn with, per weight: DejaVu Sans, or a brand face (brandFaces()). */
export type PageFonts = Record<FontWeight, Face>;

const WEIGHTS: readonly [FontWeight, number][] = [
  ["regular", 400],
  ["bold", 700],
];

function hasBrandFace(fonts: PageFonts): boolean {
  return WEIGHTS.some(([weight]) => fonts[weight].fallback !== null);
}

/**
 * The CSS font-family of the page's text: the brand family (a brand face per weight) in front of
 * DejaVu, so that the browser takes each character the brand face lacks from DejaVu, as the PDF
 * draws it and text-fit.ts measures it.
 */
export function fontStack(fonts: PageFonts): string {
  return hasBrandFace(fonts)
    ? `"${BRAND_FAMILY}","${FONT_FAMILY}",sans-serif`
    : `"${FONT_FAMILY}",sans-serif`;
}

/** The @font-face rules of the page's fonts, for `text` (what the page shows). */
export function fontFaces(text: string, fonts: PageFonts): string {
  const codePoints = codePointsOf(text);
  const key = `${fontId(fonts.regular)},${fontId(fonts.bold)}:${String.fromCodePoint(...codePoints)}`;
  let faces = facesCache.get(key);
  if (faces === undefined) {
    faces = hasBrandFace(fonts) ? encodeBrandFaces(codePoints, fonts) : encodeFaces(codePoints);
    if (facesCache.size >= FACES_CACHE_SIZE) facesCache.clear();
    facesCache.set(key, faces);
  }
  return faces;
}

function faceRule(family: string, cssWeight: number, source: string): string {
  return `@font-face{font-family:"${family}";font-weight:${cssWeight};font-style:normal;src:${source}}`;
}

function woffSource(woff: Uint8Array): string {
  return `url(data:font/woff;base64,${Buffer.from(woff).toString("base64")}) format("woff")`;
}

function encodeFaces(codePoints: readonly number[]): string {
  return WEIGHTS.map(([weight, cssWeight]) =>
    faceRule(FONT_FAMILY, cssWeight, woffSource(subsetWoff(weight, codePoints))),
  ).join("\n");
}

/**
 * A brand face as the page embeds it: TrueType fonts cut down to the page's characters like
 * DejaVu; CFF-flavoured OpenType (.otf) whole, as fontkit's subsetter writes CFF outlines only as
 * the bare table a PDF embeds, not as a font a browser loads.
 */
function brandSource(face: Face, codePoints: readonly number[]): string {
  const tables = readTables(face.bytes);
  if (tables.has("CFF ") || tables.has("CFF2")) {
    return `url(data:font/otf;base64,${Buffer.from(face.bytes).toString("base64")}) format("opentype")`;
  }
  return woffSource(subsetWoff(face, codePoints));
}

/**
 * With brand fonts: the brand family's two weights (a weight without a brand face gets DejaVu's,
 * so that it never borrows the other weight's face), then DejaVu with only the characters the
 * brand face of its weight has no glyph for — none at all for a weight without one.
 */
function encodeBrandFaces(codePoints: readonly number[], fonts: PageFonts): string {
  const rules: string[] = [];
  for (const [weight, cssWeight] of WEIGHTS) {
    const face = fonts[weight];
    rules.push(faceRule(BRAND_FAMILY, cssWeight, brandSource(face, codePoints)));
  }
  for (const [weight, cssWeight] of WEIGHTS) {
    const face = fonts[weight];
    if (!face.fallback) continue;
    const lacking = codePoints.filter((codePoint) => !hasGlyph(face, codePoint));
    if (lacking.length > 0)
      rules.push(faceRule(FONT_FAMILY, cssWeight, woffSource(subsetWoff(weight, lacking))));
  }
  return rules.join("\n");
}
