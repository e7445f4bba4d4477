import type { Box } from "../deck/deck-model.js";
import { MIN_FONT_SIZE } from "../deck/geometry.js";
import { faceFor, faceOf, type Face, type TextFont } from "./fonts.js";

/**
 * Text measurement and fitting shared by both renderers, using the metrics of the font the PDF
 * embeds: DejaVu Sans, or a theme's brand face with DejaVu measuring the characters it lacks (the
 * PDF draws them so). DejaVu Sans is wider than the usual PPTX faces (Arial, Calibri), so a text
 * that fits here also fits in PowerPoint.
 */
export const LINE_HEIGHT = 1.2;
const POINTS_PER_INCH = 72;

/** Advance widths in em by code point: a typed array for the BMP, a map for the rest. NaN = unknown. */
interface AdvanceTable {
  bmp: Float64Array;
  astral: Map<number, number>;
}

const advanceTables = new WeakMap<Face, AdvanceTable>();

function advanceTable(font: TextFont): AdvanceTable {
  const face = faceOf(font);
  let table = advanceTables.get(face);
  if (!table) {
    table = { bmp: new Float64Array(0x10000).fill(Number.NaN), astral: new Map() };
    advanceTables.set(face, table);
  }
  return table;
}

function measureCodePoint(codePoint: number, weight: TextFont): number {
  const face = faceOf(weight);
  // The fallback's advance where the face has no glyph; DejaVu measures its own .notdef.
  const { font } = (face.fallback ? faceFor(face, codePoint) : null) ?? face;
  return font.layout(String.fromCodePoint(codePoint)).advanceWidth / font.unitsPerEm;
}

/** Advance look-ups since the process started: tests bound the measuring work of wrapping by it. */
let advanceLookups = 0;

export function advanceLookupCount(): number {
  return advanceLookups;
}

/** Advance width of one character in em units, cached: layout() per call is far too slow for fitting. */
function advanceEm(codePoint: number, weight: TextFont, table = advanceTable(weight)): number {
  advanceLookups++;
  if (codePoint < 0x10000) {
    let advance = table.bmp[codePoint]!;
    if (Number.isNaN(advance)) {
      advance = measureCodePoint(codePoint, weight);
      table.bmp[codePoint] = advance;
    }
    return advance;
  }
  let advance = table.astral.get(codePoint);
  if (advance === undefined) {
    advance = measureCodePoint(codePoint, weight);
    table.astral.set(codePoint, advance);
  }
  return advance;
}

/** `em` plus the advance of every character of text[from, to), added one by one in order. */
function addRangeEm(em: number, text: string, from: number, to: number, weight: TextFont): number {
  const table = advanceTable(weight);
  for (let index = from; index < to; index++) {
    const codePoint = text.codePointAt(index)!;
    if (codePoint > 0xffff) index++;
    em += advanceEm(codePoint, weight, table);
  }
  return em;
}

/** `em` plus the advance of every character of `text`, added one by one in order. */
function addTextEm(em: number, text: string, weight: TextFont): number {
  return addRangeEm(em, text, 0, text.length, weight);
}

/** Width of a single line of text in points (kerning ignored, which errs on the wide side). */
export function textWidthPt(text: string, sizePt: number, weight: TextFont = "regular"): number {
  return addTextEm(0, text, weight) * sizePt;
}

/** Marks (accents, variation selectors) belong to the character before them. */
const MARK = /^\p{M}$/u;
const ZERO_WIDTH_JOINER = 0x200d;

/**
 * Whether a character joins the one before it: a mark, a zero-width joiner or an emoji skin tone.
 * Below U+0300 (where combining marks start) none does, which spares the regular expression.
 */
function joinsPrevious(codePoint: number): boolean {
  if (codePoint < 0x300) return false;
  if (codePoint === ZERO_WIDTH_JOINER || (codePoint >= 0x1f3fb && codePoint <= 0x1f3ff)) return true;
  return MARK.test(String.fromCodePoint(codePoint));
}

function isRegionalIndicator(codePoint: number): boolean {
  return codePoint >= 0x1f1e6 && codePoint <= 0x1f1ff;
}

/**
 * Where a word may be cut: the end offset of each user-perceived character, so that a cut never
 * splits a surrogate pair (a lone surrogate is invalid in the PPTX's XML), an accent from its
 * letter, an emoji sequence or a flag. The common cases of Unicode's grapheme clusters, in one
 * linear pass: Intl.Segmenter gives the full rules but takes time quadratic in the string's
 * length (0.8 s for 20,000 characters on Node 20).
 */
export function clusterEnds(word: string): readonly number[] {
  // Fitting wraps the same text at several sizes: the last word's cuts are kept.
  if (word === lastClustered.word) return lastClustered.ends;
  const ends: number[] = [];
  let previous = -1;
  let regionalRun = 0;
  for (let index = 0; index < word.length;) {
    const codePoint = word.codePointAt(index)!;
    const end = index + (codePoint > 0xffff ? 2 : 1);
    const regional = isRegionalIndicator(codePoint);
    const joins =
      ends.length > 0 &&
      (previous === ZERO_WIDTH_JOINER || (regional && regionalRun % 2 === 1) || joinsPrevious(codePoint));
    if (joins) ends[ends.length - 1] = end;
    else ends.push(end);
    regionalRun = regional ? regionalRun + 1 : 0;
    previous = codePoint;
    index = end;
  }
  lastClustered = { word, ends };
  return ends;
}

let lastClustered: { word: string; ends: readonly number[] } = { word: "", ends: [] };

/**
 * Breaks a word wider than the line into lines of as many whole characters as fit (at least one
 * each); returns them and what is left for the next line, with its width in em. Each line's width
 * is summed once from its own start — the same sums textWidthPt(line) would give — and a cut is
 * found by walking forward until the next character overflows, so the work is linear in the
 * word's length: the character that overflows a line is the only one measured twice.
 */
function breakWord(
  word: string,
  fits: (em: number) => boolean,
  weight: TextFont,
): { lines: string[]; rest: string; restEm: number } {
  const ends = clusterEnds(word);
  const table = advanceTable(weight);
  const lines: string[] = [];
  let first = 0;
  for (;;) {
    const start = first === 0 ? 0 : ends[first - 1]!;
    let em = 0;
    let next = first;
    let overflowEm = 0;
    let index = start;
    while (next < ends.length) {
      // Widen by the next character's code points, in order (as addRangeEm adds them).
      let widened = em;
      for (const end = ends[next]!; index < end; index++) {
        const codePoint = word.codePointAt(index)!;
        if (codePoint > 0xffff) index++;
        widened += advanceEm(codePoint, weight, table);
      }
      if (!fits(widened)) {
        overflowEm = widened;
        break;
      }
      em = widened;
      next++;
    }
    if (next === ends.length) return { lines, rest: word.slice(start), restEm: em };
    if (ends.length - first === 1) return { lines, rest: word.slice(start), restEm: overflowEm };
    const cut = Math.max(next, first + 1);
    lines.push(word.slice(start, ends[cut - 1]));
    first = cut;
  }
}

/**
 * Greedy word wrap; words longer than the width are broken between characters. Keeps explicit
 * newlines. The width of each candidate line is the running sum of the line so far, a space and
 * the next word, added character by character: the same number textWidthPt(candidate) would give,
 * without re-measuring the line for every word — wrapping is linear in the text's length.
 */
export function wrapText(
  text: string,
  widthPt: number,
  sizePt: number,
  weight: TextFont = "regular",
): string[] {
  const lines: string[] = [];
  const spaceEm = advanceEm(0x20, weight);
  const fits = (em: number) => em * sizePt <= widthPt;
  for (const paragraph of text.split("\n")) {
    let line = "";
    let lineEm = 0;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidateEm = addTextEm(line ? lineEm + spaceEm : 0, word, weight);
      if (fits(candidateEm)) {
        line = line ? `${line} ${word}` : word;
        lineEm = candidateEm;
        continue;
      }
      if (line) lines.push(line);
      const wordEm = line ? addTextEm(0, word, weight) : candidateEm;
      if (fits(wordEm)) {
        line = word;
        lineEm = wordEm;
        continue;
      }
      const broken = breakWord(word, fits, weight);
      lines.push(...broken.lines);
      line = broken.rest;
      lineEm = broken.restEm;
    }
    lines.push(line);
  }
  return lines;
}

/**
 * `line` cut to the longest run of whole characters that fits `widthPt` followed by "…" (trailing
 * spaces dropped), found in one forward pass: each prefix's width is the previous one plus a
 * character, the sum textWidthPt(prefix + "…") would give.
 */
export function withEllipsisPt(line: string, widthPt: number, sizePt: number, weight: TextFont): string {
  const ellipsisEm = advanceEm(0x2026, weight);
  let keptEnd = 0;
  let em = 0;
  let start = 0;
  for (const end of clusterEnds(line)) {
    em = addRangeEm(em, line, start, end, weight);
    if ((em + ellipsisEm) * sizePt > widthPt) break;
    keptEnd = end;
    start = end;
  }
  return `${line.slice(0, keptEnd).trimEnd()}…`;
}

/**
 * The largest size in 0.5 pt steps from maxSizePt down to MIN_FONT_SIZE for which `fits` holds,
 * by bisection: text height grows with size, so a few probes replace a scan of every step
 * (long lists and tables are re-wrapped at each probe).
 */
export function largestFittingSize(maxSizePt: number, fits: (sizePt: number) => boolean): number | undefined {
  const steps = Math.floor((maxSizePt - MIN_FONT_SIZE) / 0.5);
  if (steps < 0) return undefined;
  const sizeAt = (step: number) => maxSizePt - step * 0.5;
  if (fits(maxSizePt)) return maxSizePt;
  if (!fits(sizeAt(steps))) return undefined;
  let tooBig = 0;
  let fitting = steps;
  while (fitting - tooBig > 1) {
    const middle = Math.floor((tooBig + fitting) / 2);
    if (fits(sizeAt(middle))) fitting = middle;
    else tooBig = middle;
  }
  return sizeAt(fitting);
}

export interface FittedText {
  sizePt: number;
  lines: string[];
  /** True when even the minimum size did not fit and the text was cut with an ellipsis. */
  truncated: boolean;
}

/**
 * The largest size ≤ maxSizePt (in 0.5 pt steps, down to MIN_FONT_SIZE) at which the wrapped text
 * fits the box; below that, the text is cut at the last line that fits and ends with "…".
 */
export function fitText(
  text: string,
  box: Pick<Box, "w" | "h">,
  maxSizePt: number,
  weight: TextFont = "regular",
  minSizePt: number = MIN_FONT_SIZE,
): FittedText {
  const widthPt = box.w * POINTS_PER_INCH;
  const heightPt = box.h * POINTS_PER_INCH;
  const fitsAt = (size: number) => {
    const lines = wrapText(text, widthPt, size, weight);
    return lines.length * size * LINE_HEIGHT <= heightPt ? lines : null;
  };
  const atMax = fitsAt(maxSizePt);
  if (atMax) return { sizePt: maxSizePt, lines: atMax, truncated: false };
  // Bisection over half-point steps: wrapped height shrinks with the size, so the largest
  // fitting size is found in a handful of wraps instead of one per step.
  let low = Math.ceil(minSizePt * 2);
  let high = Math.floor(maxSizePt * 2) - 1;
  let best: { sizePt: number; lines: string[] } | null = null;
  while (low <= high) {
    const middle = Math.floor((low + high) / 2);
    const lines = fitsAt(middle / 2);
    if (lines) {
      best = { sizePt: middle / 2, lines };
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  if (best) return { ...best, truncated: false };
  const lines = wrapText(text, widthPt, minSizePt, weight);
  const maxLines = Math.max(1, Math.floor(heightPt / (minSizePt * LINE_HEIGHT)));
  const kept = lines.slice(0, maxLines);
  kept[kept.length - 1] = withEllipsisPt(kept[kept.length - 1] ?? "", widthPt, minSizePt, weight);
  return { sizePt: minSizePt, lines: kept, truncated: true };
}
