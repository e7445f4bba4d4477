import type * as fontkit from "fontkit";
import { textInternals, type EmbeddedFont } from "./pdfkit-internals.js";

/**
 * One line of text, drawn the way pdfkit's `doc.text(line, x, y, { lineBreak: false })` draws it
 * (the same BT … TJ … ET operators, kerning, font-subset and ToUnicode bookkeeping, hence the
 * same bytes), but shaped once, with shaped words reused across documents.
 *
 * Why not doc.text: for a single line pdfkit lays the string out three times (to encode it, to
 * measure it for its own alignment and to advance doc.x), re-shapes every word in every new
 * document, and writes each operator as a separate chunk. Every line of a deck is already wrapped
 * and placed by text-fit.ts, so none of that is needed; in batch runs doc.text was ~45 % of a
 * PDF's cost.
 *
 * It needs pdfkit internals (the current `_font` with its fontkit font, subset, widths and unicode
 * maps, `_fontSize`, the page's font resources, `addContent`), which it gets from
 * pdfkit-internals.ts; when they are not usable, every function here falls back to pdfkit's
 * public widthOfString() and text(). test/render-pdf-internals.test.ts compares the operators
 * drawn here with those of pdfkit's own text().
 */

interface GlyphPosition {
  xAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth: number;
}

export interface ShapedLine {
  /** The text, for the fallback that draws it with pdfkit's text(). */
  text: string;
  /** Subset glyph ids, hex; empty in the fallback. */
  encoded: string[];
  positions: GlyphPosition[];
  /** Drawn width in points at the current font size. */
  width: number;
}

/** pdfkit's number format: at most six decimals. */
function num(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** A word shaped in 1/1000 em, as pdfkit's EmbeddedFont.layoutRun scales it. Read-only, shared. */
interface ShapedWord {
  glyphIds: number[];
  codePoints: number[][];
  positions: GlyphPosition[];
  advance: number;
}

/**
 * Distinct words kept per font; cleared when full. 8,000 covers the templates' vocabulary and a
 * batch's recurring names many times over; 20,000 was ~15 % faster on 1,000 synthetic accounts
 * but raised peak memory by ~110 MB.
 */
const WORD_CACHE_SIZE = 8_000;
const wordCaches = new WeakMap<fontkit.Font, Map<string, ShapedWord>>();

function shapeWord(embedded: EmbeddedFont, word: string): ShapedWord {
  let cache = wordCaches.get(embedded.font);
  if (!cache) {
    cache = new Map();
    wordCaches.set(embedded.font, cache);
  }
  let shaped = cache.get(word);
  if (shaped) return shaped;
  const { scale } = embedded;
  const run = embedded.font.layout(word);
  const positions = run.positions.map((position, index) => ({
    xAdvance: position.xAdvance * scale,
    xOffset: position.xOffset * scale,
    yOffset: position.yOffset * scale,
    advanceWidth: run.glyphs[index]!.advanceWidth * scale,
  }));
  let advance = 0;
  for (const position of positions) advance += position.xAdvance;
  // fontkit's type declarations omit these two fields of a glyph.
  const glyphs = run.glyphs as unknown as { id: number; codePoints: number[] }[];
  shaped = {
    glyphIds: glyphs.map((glyph) => glyph.id),
    codePoints: codePointsOf(glyphs, word),
    positions,
    advance,
  };
  if (cache.size >= WORD_CACHE_SIZE) cache.clear();
  cache.set(word, shaped);
  return shaped;
}

/**
 * The characters each glyph stands for (the document's ToUnicode map, hence copy, search and
 * screen readers). fontkit caches one Glyph object per glyph id and font, with the code points it
 * was first created for; encoding a subset creates the components of composite glyphs with none
 * (DejaVu builds "έ" from "ε" and an accent). pdfkit parses its fonts per document, so its layout
 * always comes first; our fonts are shared by every document of the process, so a later deck's
 * "ε" would get an empty entry. Where glyphs and characters pair up one to one, an empty list is
 * taken from the word instead.
 */
function codePointsOf(glyphs: readonly { codePoints: number[] }[], word: string): number[][] {
  const chars = Array.from(word, (char) => char.codePointAt(0)!);
  const paired = chars.length === glyphs.length;
  return glyphs.map((glyph, index) =>
    glyph.codePoints.length === 0 && paired ? [chars[index]!] : glyph.codePoints,
  );
}

/** Words as pdfkit's layout splits a text: each ends after a space or tab (kept with the word). */
function words(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === " " || char === "\t") {
      out.push(text.slice(start, index + 1));
      start = index + 1;
    }
  }
  if (start < text.length) out.push(text.slice(start));
  return out;
}

const HEX: string[] = [];

function hex4(glyphId: number): string {
  return (HEX[glyphId] ??= `0000${glyphId.toString(16)}`.slice(-4));
}

/** Width in points of `text` in the current font and size: pdfkit's widthOfString, from the cache. */
export function lineWidth(doc: PDFKit.PDFDocument, text: string): number {
  const state = textInternals(doc);
  if (!state) return doc.widthOfString(text);
  let advance = 0;
  for (const word of words(text)) advance += shapeWord(state._font, word).advance;
  return advance * (state._fontSize / 1000);
}

/**
 * Shapes `text` in the document's current font and size, and adds its glyphs to the document's
 * font subset (with their widths and Unicode values), as pdfkit's EmbeddedFont.encode does.
 */
export function shapeLine(doc: PDFKit.PDFDocument, text: string): ShapedLine {
  const line = text.replace(/\n/g, "");
  const state = textInternals(doc);
  if (!state) return { text: line, encoded: [], positions: [], width: doc.widthOfString(line) };
  const embedded = state._font;
  const encoded: string[] = [];
  const positions: GlyphPosition[] = [];
  let advance = 0;
  for (const word of words(line)) {
    const shaped = shapeWord(embedded, word);
    for (let index = 0; index < shaped.glyphIds.length; index++) {
      const position = shaped.positions[index]!;
      const subsetId = embedded.subset.includeGlyph(shaped.glyphIds[index]!);
      encoded.push(hex4(subsetId));
      embedded.widths[subsetId] ??= position.advanceWidth;
      embedded.unicode[subsetId] ??= shaped.codePoints[index]!;
      positions.push(position);
    }
    advance += shaped.advance;
  }
  return { text: line, encoded, positions, width: advance * (state._fontSize / 1000) };
}

/** TJ operands: glyph runs, split wherever kerning moves the next glyph (pdfkit's algorithm). */
function showOperators(shaped: ShapedLine, x: number, y: number, scale: number): string {
  const { encoded, positions } = shaped;
  const out: string[] = [];
  const commands: string[] = [];
  let last = 0;
  let hadOffset = false;
  const addSegment = (cur: number): void => {
    if (last < cur) {
      const position = positions[cur - 1]!;
      commands.push(
        `<${encoded.slice(last, cur).join("")}> ${num(-(position.xAdvance - position.advanceWidth))}`,
      );
    }
    last = cur;
  };
  const flush = (cur: number): void => {
    addSegment(cur);
    if (commands.length > 0) {
      out.push(`[${commands.join(" ")}] TJ`);
      commands.length = 0;
    }
  };
  let index = 0;
  for (; index < positions.length; index++) {
    const position = positions[index]!;
    if (position.xOffset || position.yOffset) {
      flush(index);
      out.push(`1 0 0 1 ${num(x + position.xOffset * scale)} ${num(y + position.yOffset * scale)} Tm`);
      flush(index + 1);
      hadOffset = true;
    } else {
      if (hadOffset) {
        out.push(`1 0 0 1 ${num(x)} ${num(y)} Tm`);
        hadOffset = false;
      }
      if (position.xAdvance - position.advanceWidth !== 0) addSegment(index + 1);
    }
    x += position.xAdvance * scale;
  }
  flush(index);
  return out.join("\n");
}

/**
 * Draws a shaped line with its top at `top` (the line box pdfkit's default "top" baseline uses)
 * in the current fill colour.
 */
export function showLine(doc: PDFKit.PDFDocument, shaped: ShapedLine, x: number, top: number): void {
  const state = textInternals(doc);
  if (!state) {
    // pdfkit's default baseline is this same line box top; no width, so no wrapping or alignment.
    if (shaped.text.length > 0) doc.text(shaped.text, x, top, { lineBreak: false });
    return;
  }
  if (shaped.encoded.length === 0) return;
  const font = state._font;
  const size = state._fontSize;
  const { height, fonts } = state.page;
  if (fonts[font.id] == null) fonts[font.id] = font.ref();
  const baseline = height - top - (font.ascender / 1000) * size;
  const operators = [
    "q",
    `1 0 0 -1 0 ${num(height)} cm`,
    "BT",
    `1 0 0 1 ${num(x)} ${num(baseline)} Tm`,
    `/${font.id} ${num(size)} Tf`,
    showOperators(shaped, x, baseline, size / 1000),
    "ET",
    "Q\n",
  ].join("\n");
  // Operators and hex glyph ids are ASCII: native latin1 encoding instead of pdfkit's JS loop.
  state.addContent(Buffer.from(operators, "latin1"));
}
