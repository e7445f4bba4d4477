import type { DeckContext } from "../context.js";
import type { BulletItem, Slide } from "../deck-model.js";
import { CONTENT_BOX } from "../geometry.js";
import { columns } from "../layout.js";
import { formatDate } from "../../text/format.js";

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
  const quotes = highlights.flatMap((item): BulletItem[] =>
    item.quote !== undefined ? [{ text: `“${item.quote}” — ${item.by ?? ""}` }] : [],
  );
  const parts = [
    { heading: context.text("wins.results.heading"), items: results },
    { heading: context.text("wins.quotes.heading"), items: quotes },
  ].filter((part) => part.items.length > 0);
  const boxes =
    parts.length === 2 ? columns(CONTENT_BOX, [1, 1]) : [{ ...CONTENT_BOX, w: CONTENT_BOX.w * 0.8 }];
  return [
    {
      id: "wins",
      layout: "content",
      title: context.text("wins.title"),
      subtitle: context.text("wins.subtitle"),
      blocks: parts.map((part, index) => ({ kind: "bullets", box: boxes[index]!, ...part })),
      notes: context.text(context.isInternal ? "wins.notes.internal" : "wins.notes.customer"),
    },
  ];
}
