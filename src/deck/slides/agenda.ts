import type { DeckContext } from "../context.js";
import type { Box, Slide, TextBlock } from "../deck-model.js";
import { CONTENT_BOX, FONT_SIZES } from "../geometry.js";
import { columns, estimateLines } from "../layout.js";
import { GOAL_SLIDE_PREFIX, slidePart } from "../slide-ids.js";

/** Slides that are the deck's furniture, not a point of the meeting. */
const NOT_ON_THE_AGENDA: ReadonlySet<string> = new Set(["cover", "agenda", "appendix"]);
/** Beyond this many lines, the agenda takes two columns. */
const LINES_PER_COLUMN = 14;
/** Up to this many items, the agenda is set in display type: a short agenda has the room. */
const FEW_ITEMS = 6;
/** Inches of a text line per point of type (the renderers' 1.2 line height, with a little slack). */
const LINE_INCHES_PER_POINT = 1.3 / 72;
/** The most space between two items, in lines of their type: more reads as unrelated lines. */
const MAX_GAP_LINES = { display: 1.2, lead: 0.9 } as const;

/**
 * The agenda: the account's own `review.agenda`, else one line per part of the deck that follows
 * (slides that share an id are one part, and so are all the goal slides). Built after hidden
 * slides are removed, so it never announces a slide the deck does not have.
 */
export function agendaSlide(context: DeckContext, following: readonly Slide[]): Slide {
  const items = context.analysis.account.review.agenda ?? generatedItems(context, following);
  // Numbered lines in lead type (display type when there are few), not 14 pt bullets: an agenda
  // is read from across the room, and "point 4" is easy to say.
  const lines = items.map((item, index) => `${index + 1}. ${item}`);
  const half = Math.ceil(lines.length / 2);
  const chunks = lines.length > LINES_PER_COLUMN ? [lines.slice(0, half), lines.slice(half)] : [lines];
  const boxes =
    chunks.length > 1 ? columns(CONTENT_BOX, [1, 1]) : [{ ...CONTENT_BOX, w: CONTENT_BOX.w * 0.75 }];
  const style = lines.length <= FEW_ITEMS ? "display" : "lead";
  return {
    id: "agenda",
    layout: "content",
    title: context.text("agenda.title"),
    subtitle: context.text("agenda.subtitle"),
    blocks: chunks.flatMap((chunk, index) => spacedLines(chunk, boxes[index]!, style)),
    notes: context.text(context.isInternal ? "agenda.notes.internal" : "agenda.notes.customer"),
  };
}

/**
 * One text block per item, spread down the box with the air the page has (up to MAX_GAP_LINES
 * between items), so a short agenda does not huddle at the top of an empty page. Items that would
 * not fit spread out stay one block, which the renderers shrink as a whole.
 */
function spacedLines(lines: readonly string[], box: Box, style: "display" | "lead"): TextBlock[] {
  const lineHeight = FONT_SIZES[style] * LINE_INCHES_PER_POINT;
  const heights = lines.map((line) => estimateLines(line, box.w, FONT_SIZES[style]) * lineHeight);
  const used = heights.reduce((sum, height) => sum + height, 0);
  if (used > box.h) return [{ kind: "text", box, text: lines.join("\n"), style: "lead" }];
  const gap = Math.min(MAX_GAP_LINES[style] * lineHeight, (box.h - used) / Math.max(1, lines.length));
  let y = box.y;
  return lines.map((text, index) => {
    const h = heights[index]!;
    const block: TextBlock = {
      kind: "text",
      box: { x: box.x, y: round(y), w: box.w, h: round(h) },
      text,
      style,
    };
    y += h + gap;
    return block;
  });
}

/** Geometry in the deck is kept to 1/1000 in: stable golden files, no 1.4500000000000002. */
const round = (inches: number) => Math.round(inches * 1000) / 1000;

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
