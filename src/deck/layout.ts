import type { Box } from "./deck-model.js";

/** Splitting a box into columns and rows, so slide builders place blocks without magic numbers. */

export const GAP = 0.3;

/** Columns of the given relative widths separated by `gap`. */
export function columns(box: Box, weights: number[], gap = GAP): Box[] {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const free = box.w - gap * (weights.length - 1);
  let x = box.x;
  return weights.map((weight) => {
    const w = (free * weight) / total;
    const column = { x, y: box.y, w, h: box.h };
    x += w + gap;
    return column;
  });
}

/** Rows: a number is a fixed height in inches, "*" shares the remaining height equally. */
export function rows(box: Box, heights: (number | "*")[], gap = GAP): Box[] {
  const fixed = heights.reduce<number>((sum, height) => sum + (height === "*" ? 0 : height), 0);
  const flexible = heights.filter((height) => height === "*").length;
  const flexHeight = flexible === 0 ? 0 : (box.h - fixed - gap * (heights.length - 1)) / flexible;
  let y = box.y;
  return heights.map((height) => {
    const h = height === "*" ? flexHeight : height;
    const row = { x: box.x, y, w: box.w, h };
    y += h + gap;
    return row;
  });
}

/** Splits items into pages that each hold at most `capacity` units, each item weighing `weight(item)`. */
export function paginate<T>(
  items: readonly T[],
  capacity: number,
  weight: (item: T) => number = () => 1,
): T[][] {
  const pages: T[][] = [];
  let page: T[] = [];
  let used = 0;
  for (const item of items) {
    const itemWeight = weight(item);
    if (page.length > 0 && used + itemWeight > capacity) {
      pages.push(page);
      page = [];
      used = 0;
    }
    page.push(item);
    used += itemWeight;
  }
  if (page.length > 0) pages.push(page);
  return pages;
}

/** A rough count of wrapped lines for layout decisions (renderers still shrink to fit exactly). */
export function estimateLines(text: string, widthIn: number, sizePt: number): number {
  const charsPerLine = Math.max(8, Math.floor((widthIn * 72) / (sizePt * 0.56)));
  return text
    .split("\n")
    .reduce((sum, paragraph) => sum + Math.max(1, Math.ceil(paragraph.length / charsPerLine)), 0);
}
