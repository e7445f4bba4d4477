import type { RoadmapItem } from "../../input/account-schema.js";
import type { DeckContext } from "../context.js";
import type { Slide } from "../deck-model.js";
import { formatList } from "../../text/format.js";
import { tablePages } from "./table-pages.js";

const ROWS_PER_SLIDE = 7;

/** Product work tied to the customer's goals (`roadmap`): what, when, for which goals. None, no slide. */
export function roadmapSlides(context: DeckContext): Slide[] {
  const { roadmap } = context.analysis.account;
  if (roadmap.length === 0) return [];
  const titles = new Map(context.analysis.goals.map(({ goal }) => [goal.id, goal.title]));
  return tablePages(context, {
    id: "roadmap",
    title: context.text("roadmap.title"),
    subtitle: context.text("roadmap.subtitle"),
    columns: [
      { header: context.text("roadmap.col.what"), align: "left", width: 4.6 },
      { header: context.text("roadmap.col.when"), align: "left", width: 1.6 },
      { header: context.text("roadmap.col.goals"), align: "left", width: 6 },
    ],
    rows: roadmap.map((item) => [
      { text: item.title, bold: true },
      { text: item.when },
      {
        text: item.goals.length > 0 ? formatList(item.goals.map((id) => titles.get(id) ?? id)) : "—",
        tone: item.goals.length > 0 ? "neutral" : "muted",
      },
    ]),
    notes: context.text(context.isInternal ? "roadmap.notes.internal" : "roadmap.notes.customer"),
    rowsPerSlide: ROWS_PER_SLIDE,
  });
}

/** The roadmap items that serve one goal, for a line on that goal's slide. */
export function roadmapFor(context: DeckContext, goalId: string): RoadmapItem[] {
  return context.analysis.account.roadmap.filter((item) => item.goals.includes(goalId));
}
