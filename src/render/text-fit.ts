import type { Box } from "../deck/deck-model.js";
import { MIN_FONT_SIZE } from "../deck/geometry.js";
import { loadFont, type FontWeight } from "./fonts.js";

/**
 * Text measurement and fitting shared by both renderers, using the metrics of the embedded PDF
 * font. DejaVu Sans is wider than the usual PPTX faces (Arial, Calibri), so a text that fits here
 * also fits in PowerPoint.
 */
export const LINE_HEIGHT = 1.2;
const POINTS_PER_INCH = 72;

/** Advance widths in em by code point: a typed array for the BMP, a map for the rest. NaN = unknown. */
interface AdvanceTable {
  bmp: Float64Array;
  astral: Map<number, number>;
}

const advanceTables: Partial<Record<FontWeight, AdvanceTable>> = {};

function advanceTable(weight: FontWeight): AdvanceTable {
  let table = advanceTables[weight];
  if (!table) {
    table = { bmp: new Float64Array(0x10000).fill(Number.NaN), astral: new Map() };
    advanceTables[weight] = table;
  }
  return table;
}

function measureCodePoint(codePoint: number, weight: FontWeight): number {
  const { font } = loadFont(weight);
  return font.layout(String.fromCodePoint(codePoint)).advanceWidth / font.unitsPerEm;
}

/** Advance width of one character in em units, cached: layout() per call is far too slow for fitting. */
function advanceEm(codePoint: number, weight: FontWeight): number {
  const table = advanceTable(weight);
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

/** `em` plus the advance of every character of `text`, added one by one in order. */
function addTextEm(em: number, text: string, weight: FontWeight): number {
  for (let index = 0; index < text.length; index++) {
    const codePoint = text.codePointAt(index)!;
    if (codePoint > 0xffff) index++;
    em += advanceEm(codePoint, weight);
  }
  return em;
}

/** Width of a single line of text in points (kerning ignored, which errs on the wide side). */
export function textWidthPt(text: string, sizePt: number, weight: FontWeight = "regular"): number {
  return addTextEm(0, text, weight) * sizePt;
}

/**
 * Greedy word wrap; words longer than the width are broken by character. Keeps explicit newlines.
 * The width of each candidate line is the running sum of the line so far, a space and the next
 * word, added character by character: the same number textWidthPt(candidate) would give, without
 * re-measuring the line for every word.
 */
export function wrapText(
  text: string,
  widthPt: number,
  sizePt: number,
  weight: FontWeight = "regular",
): string[] {
  const lines: string[] = [];
  const spaceEm = advanceEm(0x20, weight);
  for (const paragraph of text.split("\n")) {
    let line = "";
    let lineEm = 0;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidateEm = addTextEm(line ? lineEm + spaceEm : 0, word, weight);
      if (candidateEm * sizePt <= widthPt) {
        line = line ? `${line} ${word}` : word;
        lineEm = candidateEm;
        continue;
      }
      if (line) lines.push(line);
      line = "";
      let rest = word;
      while (textWidthPt(rest, sizePt, weight) > widthPt && rest.length > 1) {
        let cut = rest.length - 1;
        while (cut > 1 && textWidthPt(rest.slice(0, cut), sizePt, weight) > widthPt) cut--;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
      lineEm = addTextEm(0, rest, weight);
    }
    lines.push(line);
  }
  return lines;
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
  weight: FontWeight = "regular",
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
  let last = kept[kept.length - 1] ?? "";
  while (last.length > 0 && textWidthPt(`${last}…`, minSizePt, weight) > widthPt) last = last.slice(0, -1);
  kept[kept.length - 1] = `${last.trimEnd()}…`;
  return { sizePt: minSizePt, lines: kept, truncated: true };
}
