import type { DeckContext } from "../context.js";
import type { Block, BulletItem, Box, Slide } from "../deck-model.js";
import { CONTENT_BOX } from "../geometry.js";
import { columns, rows } from "../layout.js";
import { formatDate } from "../../text/format.js";

/** Up to this many quotes are set large, one under the other; more go in a list. */
const MAX_LARGE_QUOTES = 3;
const QUOTE_HEIGHT = 1.3;

/**
 * Wins since the last review, from `review.highlights`: results (oldest first) and, beside
 * them, what the customer's people said, with who said it. No highlights, no slide.
 */
export function winsSlides(context: DeckContext): Slide[] {
  const highlights = context.analysis.account.review.highlights;
  if (highlights.length === 0) return [];
  const results = highlights
    .flatMap((item) => (item.text !== undefined ? [{ text: item.text, date: item.date }] : []))
    .sort((a, b) => (a.date ?? "9999").localeCompare(b.date ?? "9999"))
    .map(({ text, date }): BulletItem => ({
      text: date ? `${formatDate(date)} — ${text}` : text,
      tone: "good",
    }));
  const quotes = highlights.flatMap((item) =>
    item.quote !== undefined ? [`“${item.quote}” — ${item.by ?? ""}`] : [],
  );
  const [resultsBox, quotesBox] =
    results.length > 0 && quotes.length > 0
      ? columns(CONTENT_BOX, [1, 1])
      : [
          { ...CONTENT_BOX, w: CONTENT_BOX.w * 0.8 },
          { ...CONTENT_BOX, w: CONTENT_BOX.w * 0.8 },
        ];
  const blocks: Block[] = [];
  if (results.length > 0) {
    blocks.push({
      kind: "bullets",
      box: resultsBox!,
      heading: context.text("wins.results.heading"),
      items: results,
    });
  }
  if (quotes.length > 0) blocks.push(...quoteBlocks(context, quotes, quotesBox!));
  return [
    {
      id: "wins",
      layout: "content",
      title: context.text("wins.title"),
      subtitle: context.text("wins.subtitle"),
      blocks,
      notes: context.text(context.isInternal ? "wins.notes.internal" : "wins.notes.customer"),
    },
  ];
}

/** A few quotes as large call-outs under a heading; a longer list as bullets. */
function quoteBlocks(context: DeckContext, quotes: string[], box: Box): Block[] {
  const heading = context.text("wins.quotes.heading");
  if (quotes.length > MAX_LARGE_QUOTES) {
    return [{ kind: "bullets", box, heading, items: quotes.map((text) => ({ text })) }];
  }
  const [headingBox, ...quoteBoxes] = rows(box, [0.4, ...quotes.map(() => QUOTE_HEIGHT)], 0.15);
  return [
    { kind: "text", box: headingBox!, text: heading, style: "heading" },
    ...quotes.map((text, index): Block => ({
      kind: "text",
      box: quoteBoxes[index]!,
      text,
      style: "callout",
      tone: "accent",
    })),
  ];
}
