import type { BulletItem, Deck, Slide } from "../../deck/deck-model.js";
import { CONTENT_BOX } from "../../deck/geometry.js";
import { LINE_HEIGHT, wrapText } from "../text-fit.js";
import { POINTS_PER_INCH } from "./units.js";

/**
 * A PDF has no speaker notes, so an internal deck (meta.printNotes) would lose the evidence and
 * the questions its PPTX keeps there. These pages print every slide's notes after the slides:
 * the slide's title, then its notes line by line. Pages are packed at SIZE_PT so that nothing is
 * dropped; the bullets block may still draw them larger when they fit.
 */
const SIZE_PT = 11;
/** Indents and the gap between items, in em (as render/pdf/blocks/bullets.ts draws them). */
const INDENT_EM = { 0: 1.2, 1: 2.6 } as const;
const ITEM_GAP_EM = 0.45;
/** Room kept free on each page for rounding between this estimate and the drawn layout. */
const SAFETY = 0.9;

function itemHeightPt(item: BulletItem): number {
  const width = CONTENT_BOX.w * POINTS_PER_INCH - INDENT_EM[item.level ?? 0] * SIZE_PT;
  const lines = wrapText(item.text, width, SIZE_PT).length;
  return lines * SIZE_PT * LINE_HEIGHT + ITEM_GAP_EM * SIZE_PT;
}

/** One slide's notes as items: its title (accent), then each line of the notes. */
function notesItems(slide: Slide, index: number): BulletItem[] {
  const lines = slide.notes
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  if (lines.length === 0) return [];
  return [
    { text: `${index + 1}. ${slide.title}`, tone: "accent" },
    ...lines.map((text): BulletItem => ({ text, level: 1 })),
  ];
}

/** The preparation pages of a deck: none unless meta.printNotes says so. */
export function preparationSlides(deck: Deck): Slide[] {
  const print = deck.meta.printNotes;
  if (!print) return [];
  const budget = CONTENT_BOX.h * POINTS_PER_INCH * SAFETY;
  const pages: BulletItem[][] = [];
  let page: BulletItem[] = [];
  let used = 0;
  deck.slides.forEach((slide, index) => {
    const items = notesItems(slide, index);
    items.forEach((item, position) => {
      const height = itemHeightPt(item);
      // A slide's title never ends a page on its own: it moves with its first line.
      const needed = position === 0 && items[1] ? height + itemHeightPt(items[1]) : height;
      if (used + needed > budget && page.length > 0) {
        pages.push(page);
        page = [];
        used = 0;
        if (position > 0) {
          const title = items[0]!;
          // A continuation slide's title already says "(continued)": never "(continued) (continued)".
          const text = title.text.endsWith(print.continued) ? title.text : `${title.text} ${print.continued}`;
          const repeated = { ...title, text };
          page.push(repeated);
          used += itemHeightPt(repeated);
        }
      }
      page.push(item);
      used += height;
    });
  });
  if (page.length > 0) pages.push(page);
  return pages.map((items, index) => ({
    id: `preparation-${index + 1}`,
    layout: "content",
    title: print.title,
    blocks: [{ kind: "bullets", box: CONTENT_BOX, items }],
    notes: "",
  }));
}
