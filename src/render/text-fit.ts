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

const advanceCache: Record<FontWeight, Map<string, number>> = { regular: new Map(), bold: new Map() };

/** Advance width of one character in em units, cached: layout() per call is far too slow for fitting. */
function charAdvanceEm(char: string, weight: FontWeight): number {
  const cache = advanceCache[weight];
  let advance = cache.get(char);
  if (advance === undefined) {
    const { font } = loadFont(weight);
    advance = font.layout(char).advanceWidth / font.unitsPerEm;
    cache.set(char, advance);
  }
  return advance;
}

/** Width of a single line of text in points (kerning ignored, which errs on the wide side). */
export function textWidthPt(text: string, sizePt: number, weight: FontWeight = "regular"): number {
  let em = 0;
  for (const char of text) em += charAdvanceEm(char, weight);
  return em * sizePt;
}

/** Greedy word wrap; words longer than the width are broken by character. Keeps explicit newlines. */
export function wrapText(
  text: string,
  widthPt: number,
  sizePt: number,
  weight: FontWeight = "regular",
): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (textWidthPt(candidate, sizePt, weight) <= widthPt) {
        line = candidate;
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
