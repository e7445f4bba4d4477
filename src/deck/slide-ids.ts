/**
 * The stable ids of the deck's slides, the names `review.hide` and a `--deck` file use to leave
 * slides out. A slide that continues on further pages keeps its id on every page, so hiding an id
 * removes the whole part. Goal slides are `goal-<goal id>`. Kept free of imports: the input stage
 * validates against this list without depending on the deck builder.
 */
export const SLIDE_IDS = [
  "cover",
  "agenda",
  "summary",
  "objectives",
  "wins",
  "scorecard",
  "changes",
  "value",
  "outcomes",
  "hidden-risks",
  "risks",
  "reasons",
  "outlook",
  "still-open",
  "actions",
  "roadmap",
  "discussion",
  "next-steps",
  "next-term",
  "appendix",
  "appendix-thresholds",
  // The kick-off deck (--kind kickoff) and the one-pager (--kind onepager).
  "kickoff-why",
  "kickoff-criteria",
  "kickoff-milestones",
  "kickoff-work",
  "kickoff-team",
  "kickoff-watch",
  "onepager",
] as const;

export type FixedSlideId = (typeof SLIDE_IDS)[number];

/**
 * Slides with an id of their own that belong to a larger part: hiding the part hides them too
 * (`review.hide: [appendix]` leaves out the thresholds slide as well), and the agenda lists the
 * part once. Their own id names them apart, e.g. in the PDF's preparation notes and `--deck` files.
 */
const PART_OF: ReadonlyMap<string, FixedSlideId> = new Map<FixedSlideId, FixedSlideId>([
  ["appendix-thresholds", "appendix"],
]);

/** The part a slide id belongs to: itself, or the larger part of PART_OF. */
export function slidePart(id: string): string {
  return PART_OF.get(id) ?? id;
}

/** The prefix of a goal's slide id: `goal-backlog` is the slide of goal `backlog`. */
export const GOAL_SLIDE_PREFIX = "goal-";

const FIXED: ReadonlySet<string> = new Set(SLIDE_IDS);

/** Whether `id` names a slide: a fixed id, or `goal-<id>` of a goal in `goalIds` (any goal without). */
export function isSlideId(id: string, goalIds?: ReadonlySet<string>): boolean {
  if (FIXED.has(id)) return true;
  if (!id.startsWith(GOAL_SLIDE_PREFIX)) return false;
  const goal = id.slice(GOAL_SLIDE_PREFIX.length);
  return goalIds ? goalIds.has(goal) : /^[a-z0-9-]+$/.test(goal);
}

/** "expected one of ..." for an unknown slide id, naming every valid one. */
export function slideIdsMessage(id: string, goalIds?: readonly string[]): string {
  const goals = goalIds
    ? goalIds.map((goal) => `${GOAL_SLIDE_PREFIX}${goal}`)
    : [`${GOAL_SLIDE_PREFIX}<goal id>`];
  return `expected a slide id; "${id}" is none — valid ids: ${[...SLIDE_IDS, ...goals].join(", ")}`;
}
