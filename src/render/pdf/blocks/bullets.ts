import type { BulletItem, BulletsBlock } from "../../../deck/deck-model.js";
import { FONT_SIZES, MIN_FONT_SIZE } from "../../../deck/geometry.js";
import type { Face } from "../../fonts.js";
import { largestFittingSize, wrapText } from "../../text-fit.js";
import type { DrawContext } from "../context.js";
import { drawFitted, drawLines, lineStep } from "../text.js";
import { css, rectOf, toneColor, type Rect } from "../units.js";

/** Indent of an item's text from the block edge, per level, in em of the item size. */
const TEXT_INDENT_EM = [1.2, 2.6] as const;
const ITEM_GAP_EM = 0.45;
const HEADING_GAP = 6;

interface LaidOutItem {
  item: BulletItem;
  lines: string[];
}

interface BulletLayout {
  sizePt: number;
  items: LaidOutItem[];
  /** Items left out because even the smallest size could not hold them. */
  dropped: number;
}

function itemHeight(lineCount: number, sizePt: number): number {
  return lineCount * lineStep(sizePt) + ITEM_GAP_EM * sizePt;
}

/** The largest size at which every item fits; at the minimum size, the items that fit. */
function layOut(
  texts: string[],
  items: BulletItem[],
  width: number,
  height: number,
  face: Face,
): BulletLayout {
  const wrapAll = (sizePt: number) =>
    items.map((item, index) => {
      const indent = TEXT_INDENT_EM[item.level ?? 0] * sizePt;
      return { item, lines: wrapText(texts[index] ?? "", width - indent, sizePt, face) };
    });
  const wrapped = new Map<number, LaidOutItem[]>();
  const wrapOnce = (sizePt: number): LaidOutItem[] => {
    let laidOut = wrapped.get(sizePt);
    if (!laidOut) wrapped.set(sizePt, (laidOut = wrapAll(sizePt)));
    return laidOut;
  };
  const fits = (sizePt: number) => {
    const total = wrapOnce(sizePt).reduce((sum, { lines }) => sum + itemHeight(lines.length, sizePt), 0);
    return total - ITEM_GAP_EM * sizePt <= height;
  };
  const fitting = largestFittingSize(FONT_SIZES.bullet, fits);
  if (fitting !== undefined) return { sizePt: fitting, items: wrapOnce(fitting), dropped: 0 };
  const laidOut = wrapOnce(MIN_FONT_SIZE);
  const kept: LaidOutItem[] = [];
  let used = 0;
  for (const entry of laidOut) {
    used += itemHeight(entry.lines.length, MIN_FONT_SIZE);
    if (used - ITEM_GAP_EM * MIN_FONT_SIZE > height) break;
    kept.push(entry);
  }
  return { sizePt: MIN_FONT_SIZE, items: kept, dropped: laidOut.length - kept.length };
}

export function drawBulletsBlock(ctx: DrawContext, block: BulletsBlock): void {
  const { doc, theme, tagger } = ctx;
  const area = rectOf(block.box);
  let top = area.y;
  if (block.heading) {
    const heading = block.heading;
    const headingRect: Rect = { ...area, h: Math.min(area.h, lineStep(FONT_SIZES.heading) * 2) };
    let used = 0;
    tagger.leaf(ctx.section, "H2", () => {
      const fitted = drawFitted(ctx, heading, headingRect, {
        maxSizePt: FONT_SIZES.heading,
        weight: "bold",
        color: theme.colors.primary,
      });
      used = fitted.lines.length * lineStep(fitted.sizePt);
    });
    top += used + HEADING_GAP;
  }
  const texts = block.items.map((item) => ctx.glyphs.clean(item.text, "regular"));
  const layout = layOut(texts, block.items, area.w, area.y + area.h - top, ctx.fonts.regular);
  if (layout.dropped > 0) {
    const first = block.heading ?? block.items[0]?.text ?? "";
    const excerpt = first.length <= 40 ? first : `${first.slice(0, 39)}…`;
    ctx.warnings.push(
      `${ctx.slideLabel}: bullet list "${excerpt}" does not fit: ${layout.dropped} of ${block.items.length} bullets were left out`,
    );
  }
  const size = layout.sizePt;
  const list = tagger.element(ctx.section, "L");
  for (const { item, lines } of layout.items) {
    const level = item.level ?? 0;
    const indent = TEXT_INDENT_EM[level] * size;
    const markerX = area.x + indent - 0.75 * size;
    const markerY = top + lineStep(size) / 2;
    // As in PowerPoint, the bullet takes the item's colour: its tone, or the text colour.
    const color = toneColor(theme, item.tone);
    tagger.artifact(() => {
      const radius = level === 0 ? size * 0.2 : size * 0.16;
      if (level === 0) doc.circle(markerX, markerY, radius).fill(css(color));
      else doc.circle(markerX, markerY, radius).lineWidth(1).stroke(css(color));
    });
    const textRect: Rect = {
      x: area.x + indent,
      y: top,
      w: area.w - indent,
      h: lines.length * lineStep(size),
    };
    const entry = tagger.element(list, "LI");
    tagger.leaf(entry, "LBody", () => {
      drawLines(ctx, lines, textRect, { sizePt: size, weight: "regular", color });
    });
    entry.end();
    top += itemHeight(lines.length, size);
  }
  list.end();
}
