import { loadFont, type FontWeight } from "../fonts.js";
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

/** The font of `weight` cut down to `codePoints`, as WOFF bytes. */
export function subsetWoff(weight: FontWeight, codePoints: readonly number[]): Uint8Array {
  const { font, bytes } = loadFont(weight);
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
 * live preview) mostly use the same characters, so the rules are kept per character set.
 */
const FACES_CACHE_SIZE = 32;
const facesCache = new Map<string, string>();

/** The @font-face rules of both weights, for `text` (what the page shows). */
export function fontFaces(text: string): string {
  const codePoints = codePointsOf(text);
  const key = String.fromCodePoint(...codePoints);
  let faces = facesCache.get(key);
  if (faces === undefined) {
    faces = encodeFaces(codePoints);
    if (facesCache.size >= FACES_CACHE_SIZE) facesCache.clear();
    facesCache.set(key, faces);
  }
  return faces;
}

function encodeFaces(codePoints: readonly number[]): string {
  const weights: [FontWeight, number][] = [
    ["regular", 400],
    ["bold", 700],
  ];
  return weights
    .map(([weight, cssWeight]) => {
      const data = Buffer.from(subsetWoff(weight, codePoints)).toString("base64");
      return `@font-face{font-family:"${FONT_FAMILY}";font-weight:${cssWeight};font-style:normal;src:url(data:font/woff;base64,${data}) format("woff")}`;
    })
    .join("\n");
}
