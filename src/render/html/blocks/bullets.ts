import type { BulletItem, BulletsBlock } from "../../../deck/deck-model.js";
import { FONT_SIZES, MIN_FONT_SIZE } from "../../../deck/geometry.js";
import { fitText, largestFittingSize, LINE_HEIGHT, wrapText } from "../../text-fit.js";
import type { Face } from "../../fonts.js";
import type { HtmlContext } from "../context.js";
import { boxStyle, element, escapeText, pt } from "../markup.js";
import { toneClass } from "./text.js";

/** Indents and gaps in em, as render/pdf/blocks/bullets.ts lays a list out (styles.ts draws them). */
const TEXT_INDENT_EM = [1.2, 2.6] as const;
const ITEM_GAP_EM = 0.45;
const HEADING_GAP = 6;
const POINTS_PER_INCH = 72;

function itemHeight(lines: number, sizePt: number): number {
  return lines * sizePt * LINE_HEIGHT + ITEM_GAP_EM * sizePt;
}

/** The largest size at which every item fits; at the minimum size, how many items fit. */
function layOut(
  items: BulletItem[],
  width: number,
  height: number,
  face: Face,
): { sizePt: number; kept: number } {
  const total = (sizePt: number, list: BulletItem[]) =>
    list.reduce((sum, item) => {
      const lines = wrapText(
        item.text,
        width - TEXT_INDENT_EM[item.level ?? 0] * sizePt,
        sizePt,
        face,
      ).length;
      return sum + itemHeight(lines, sizePt);
    }, 0) -
    ITEM_GAP_EM * sizePt;
  const fitting = largestFittingSize(FONT_SIZES.bullet, (sizePt) => total(sizePt, items) <= height);
  if (fitting !== undefined) return { sizePt: fitting, kept: items.length };
  let kept = 0;
  while (kept < items.length && total(MIN_FONT_SIZE, items.slice(0, kept + 1)) <= height) kept++;
  return { sizePt: MIN_FONT_SIZE, kept };
}

/** An optional h3 and a list; items that cannot fit even at the smallest size are left out with a warning. */
export function bulletsBlock(ctx: HtmlContext, block: BulletsBlock): string {
  const width = block.box.w * POINTS_PER_INCH;
  let height = block.box.h * POINTS_PER_INCH;
  let heading = "";
  if (block.heading) {
    const box = {
      w: block.box.w,
      h: Math.min(height, FONT_SIZES.heading * LINE_HEIGHT * 2) / POINTS_PER_INCH,
    };
    const fitted = fitText(block.heading, box, FONT_SIZES.heading, ctx.fonts.bold);
    heading = element(
      "h3",
      { class: "heading", style: `font-size:${pt(fitted.sizePt)};margin-bottom:${pt(HEADING_GAP)}` },
      escapeText(block.heading),
    );
    height -= fitted.lines.length * fitted.sizePt * LINE_HEIGHT + HEADING_GAP;
  }
  const { sizePt, kept } = layOut(block.items, width, height, ctx.fonts.regular);
  if (kept < block.items.length) {
    const first = block.heading ?? block.items[0]?.text ?? "";
    const excerpt = first.length <= 40 ? first : `${first.slice(0, 39)}…`;
    ctx.warnings.push(
      `${ctx.slideLabel}: bullet list "${excerpt}" does not fit: ${block.items.length - kept} of ${block.items.length} bullets were left out`,
    );
  }
  const items = block.items
    .slice(0, kept)
    .map((item) => {
      const classes = [item.level === 1 ? "level-1" : undefined, toneClass(item.tone)].filter(Boolean);
      return element(
        "li",
        { class: classes.length > 0 ? classes.join(" ") : undefined },
        escapeText(item.text),
      );
    })
    .join("");
  const list = element("ul", { style: `font-size:${pt(sizePt)}` }, items);
  return element("div", { class: "bullets", style: boxStyle(block.box) }, heading + list);
}
