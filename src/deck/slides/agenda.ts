import type { DeckContext } from "../context.js";
import type { BulletItem, Slide } from "../deck-model.js";
import { CONTENT_BOX } from "../geometry.js";
import { columns } from "../layout.js";
import { GOAL_SLIDE_PREFIX } from "../slide-ids.js";

/** Slides that are the deck's furniture, not a point of the meeting. */
const NOT_ON_THE_AGENDA: ReadonlySet<string> = new Set(["cover", "agenda", "appendix"]);
/** Goal titles are listed under "progress on each goal" only when there are this few. */
const MAX_GOALS_LISTED = 5;
/** Beyond this many lines, the agenda takes two columns. */
const LINES_PER_COLUMN = 12;

/**
 * The agenda: the account's own `review.agenda`, else one line per part of the deck that follows
 * (slides that share an id are one part; the goal slides are one part listing the goals). Built
 * after hidden slides are removed, so it never announces a slide the deck does not have.
 */
export function agendaSlide(context: DeckContext, following: readonly Slide[]): Slide {
  const own = context.analysis.account.review.agenda;
  const items = own ? own.map((text): BulletItem => ({ text })) : generatedItems(context, following);
  const blocks: Slide["blocks"] =
    items.length > LINES_PER_COLUMN
      ? splitColumns(items).map((chunk, index) => ({
          kind: "bullets" as const,
          box: columns(CONTENT_BOX, [1, 1])[index]!,
          items: chunk,
        }))
      : [{ kind: "bullets", box: { ...CONTENT_BOX, w: CONTENT_BOX.w * 0.75 }, items }];
  return {
    id: "agenda",
    layout: "content",
    title: context.text("agenda.title"),
    subtitle: context.text("agenda.subtitle"),
    blocks,
    notes: context.text(context.isInternal ? "agenda.notes.internal" : "agenda.notes.customer"),
  };
}

/** Two halves; a goal listed under its heading stays in the heading's column. */
function splitColumns(items: BulletItem[]): BulletItem[][] {
  let split = Math.ceil(items.length / 2);
  while (split > 1 && items[split]?.level === 1) split -= 1;
  return [items.slice(0, split), items.slice(split)];
}

function generatedItems(context: DeckContext, following: readonly Slide[]): BulletItem[] {
  const items: BulletItem[] = [];
  const seen = new Set<string>();
  const goals = following.filter((slide) => slide.id.startsWith(GOAL_SLIDE_PREFIX));
  for (const slide of following) {
    const isGoal = slide.id.startsWith(GOAL_SLIDE_PREFIX);
    const part = isGoal ? "goals" : slide.id;
    if (NOT_ON_THE_AGENDA.has(part) || seen.has(part)) continue;
    seen.add(part);
    const key = `agenda.item.${part}`;
    items.push({ text: context.templates.deck[key] ? context.text(key) : slide.title });
    if (isGoal && goals.length <= MAX_GOALS_LISTED) {
      items.push(...goals.map((goal): BulletItem => ({ text: goal.title, level: 1 })));
    }
  }
  return items;
}
