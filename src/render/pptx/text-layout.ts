import type { Box } from "../../deck/deck-model.js";
import { MIN_FONT_SIZE } from "../../deck/geometry.js";
import type { FontWeight } from "../fonts.js";
import { LINE_HEIGHT, largestFittingSize, withEllipsisPt, wrapText } from "../text-fit.js";

/**
 * Fitting for text that is more than one run of the same style: bullet lists (indented
 * paragraphs with spacing between them). Single-style text uses fitText from text-fit.ts directly.
 */
export const POINTS_PER_INCH = 72;

export interface ParagraphSpec {
  text: string;
  /** Left indent in multiples of the font size (bullet margin); the text wraps in the width left. */
  indentEm: number;
  weight: FontWeight;
}

export interface FittedParagraphs {
  sizePt: number;
  /** Paragraph texts to draw: all of them, or when truncated the ones that fit, the last cut with "…". */
  texts: string[];
  truncated: boolean;
}

/** Space after each paragraph, as a share of the font size (kept in step with the renderer). */
export const PARAGRAPH_SPACING = 0.4;

function paragraphsHeightPt(paragraphs: ParagraphSpec[], widthPt: number, sizePt: number): number {
  let height = 0;
  for (const paragraph of paragraphs) {
    const lines = wrapText(
      paragraph.text,
      widthPt - paragraph.indentEm * sizePt,
      sizePt,
      paragraph.weight,
    ).length;
    height += lines * sizePt * LINE_HEIGHT;
  }
  return height + Math.max(0, paragraphs.length - 1) * sizePt * PARAGRAPH_SPACING;
}

/** The largest size ≤ maxSizePt (0.5 pt steps, down to MIN_FONT_SIZE) at which all paragraphs fit. */
export function fitParagraphs(
  paragraphs: ParagraphSpec[],
  box: Pick<Box, "w" | "h">,
  maxSizePt: number,
): FittedParagraphs {
  const widthPt = box.w * POINTS_PER_INCH;
  const heightPt = box.h * POINTS_PER_INCH;
  const size = largestFittingSize(
    maxSizePt,
    (candidate) => paragraphsHeightPt(paragraphs, widthPt, candidate) <= heightPt,
  );
  if (size !== undefined) {
    return { sizePt: size, texts: paragraphs.map((paragraph) => paragraph.text), truncated: false };
  }
  return truncateParagraphs(paragraphs, widthPt, heightPt, MIN_FONT_SIZE);
}

function truncateParagraphs(
  paragraphs: ParagraphSpec[],
  widthPt: number,
  heightPt: number,
  sizePt: number,
): FittedParagraphs {
  const lineHeight = sizePt * LINE_HEIGHT;
  const kept: { lines: string[]; width: number; weight: FontWeight }[] = [];
  let used = 0;
  for (const paragraph of paragraphs) {
    const spacing = kept.length > 0 ? sizePt * PARAGRAPH_SPACING : 0;
    const available = Math.floor((heightPt - used - spacing) / lineHeight);
    if (available < 1) break;
    const width = widthPt - paragraph.indentEm * sizePt;
    const lines = wrapText(paragraph.text, width, sizePt, paragraph.weight);
    kept.push({ lines: lines.slice(0, available), width, weight: paragraph.weight });
    used += spacing + Math.min(lines.length, available) * lineHeight;
    if (lines.length > available) break;
  }
  const last = kept[kept.length - 1];
  if (!last) return { sizePt, texts: ["…"], truncated: true };
  last.lines = withEllipsis(last.lines, last.width, sizePt, last.weight);
  return { sizePt, texts: kept.map((paragraph) => paragraph.lines.join(" ")), truncated: true };
}

/** Cuts the last line so that it ends in "…" within the width. */
export function withEllipsis(lines: string[], widthPt: number, sizePt: number, weight: FontWeight): string[] {
  const result = lines.slice();
  const last = Math.max(0, result.length - 1);
  result[last] = withEllipsisPt(result[last] ?? "", widthPt, sizePt, weight);
  return result;
}
