import type { DeckContext } from "../context.js";
import type { Slide } from "../deck-model.js";
import { CONTENT_BOX } from "../geometry.js";
import { columns } from "../layout.js";
import { GOAL_SLIDE_PREFIX, slidePart } from "../slide-ids.js";

/** Slides that are the deck's furniture, not a point of the meeting. */
const NOT_ON_THE_AGENDA: ReadonlySet<string> = new Set(["cover", "agenda", "appendix"]);
/** Beyond this many lines, the agenda takes two columns. */
const LINES_PER_COLUMN = 14;

/**
 * The agenda: the account's own `review.agenda`, else one line per part of the deck that follows
 * (slides that share an id are one part, and so are all the goal slides). Built after hidden
 * slides are removed, so it never announces a slide the deck does not have.
 */
export function agendaSlide(context: DeckContext, following: readonly Slide[]): Slide {
  const items = context.analysis.account.review.agenda ?? generatedItems(context, following);
  // Numbered lines in lead type, not 14 pt bullets: an agenda is read from across the room,
  // and "point 4" is easy to say.
  const lines = items.map((item, index) => `${index + 1}. ${item}`);
  const half = Math.ceil(lines.length / 2);
  const chunks = lines.length > LINES_PER_COLUMN ? [lines.slice(0, half), lines.slice(half)] : [lines];
  const boxes =
    chunks.length > 1 ? columns(CONTENT_BOX, [1, 1]) : [{ ...CONTENT_BOX, w: CONTENT_BOX.w * 0.75 }];
  return {
    id: "agenda",
    layout: "content",
    title: context.text("agenda.title"),
    subtitle: context.text("agenda.subtitle"),
    blocks: chunks.map((chunk, index) => ({
      kind: "text",
      box: boxes[index]!,
      text: chunk.join("\n"),
      style: "lead",
    })),
    notes: context.text(context.isInternal ? "agenda.notes.internal" : "agenda.notes.customer"),
  };
}

function generatedItems(context: DeckContext, following: readonly Slide[]): string[] {
  const items: string[] = [];
  const seen = new Set<string>();
  for (const slide of following) {
    const part = slide.id.startsWith(GOAL_SLIDE_PREFIX) ? "goals" : slidePart(slide.id);
    if (NOT_ON_THE_AGENDA.has(part) || seen.has(part)) continue;
    seen.add(part);
    const key = `agenda.item.${part}`;
    items.push(context.templates.deck[key] ? context.text(key) : slide.title);
  }
  return items;
}
