import type { Action } from "../../input/account-schema.js";
import type { DeckContext } from "../context.js";
import type { Slide, TableCell, Tone } from "../deck-model.js";
import { formatDate } from "../../text/format.js";
import { tablePages } from "./table-pages.js";

const ROWS_PER_SLIDE = 8;

type Side = "customer" | "us";

/**
 * The mutual action plan: what we ask of the customer (`review.asks`) and what we commit to
 * (`review.commitments`) in one table — side, what, who, by when, status. The goals' own tasks
 * stay on the next-steps slide. Neither list, no slide.
 */
export function actionsSlides(context: DeckContext): Slide[] {
  const { review } = context.analysis.account;
  const { asOf } = context.analysis;
  const byDue = (a: Action, b: Action) => (a.due ?? "9999").localeCompare(b.due ?? "9999");
  const entries: { side: Side; action: Action }[] = [
    ...[...review.asks].sort(byDue).map((action) => ({ side: "customer" as const, action })),
    ...[...review.commitments].sort(byDue).map((action) => ({ side: "us" as const, action })),
  ];
  if (entries.length === 0) return [];
  const audience = context.isInternal ? "internal" : "customer";
  const rows = entries.map(({ side, action }): TableCell[] => {
    const overdue = action.status !== "done" && action.due !== undefined && action.due < asOf;
    const state = overdue ? "overdue" : action.status;
    return [
      { text: context.text(`actions.side.${side}.${audience}`), bold: true },
      { text: action.title },
      { text: action.owner },
      { text: action.due ? formatDate(action.due) : "—" },
      { text: context.text(`actions.status.${state}`), tone: STATE_TONE[state], bold: overdue },
    ];
  });
  return tablePages(context, {
    id: "actions",
    title: context.text("actions.title"),
    subtitle: context.text("actions.subtitle"),
    columns: [
      { header: context.text("actions.col.side"), align: "left", width: 1.8 },
      { header: context.text("actions.col.what"), align: "left", width: 5.6 },
      { header: context.text("actions.col.who"), align: "left", width: 2.2 },
      { header: context.text("actions.col.due"), align: "right", width: 1.5 },
      { header: context.text("actions.col.status"), align: "center", width: 1.5 },
    ],
    rows,
    notes: context.text(context.isInternal ? "actions.notes.internal" : "actions.notes.customer"),
    rowsPerSlide: ROWS_PER_SLIDE,
  });
}

const STATE_TONE: Record<Action["status"] | "overdue", Tone> = {
  open: "neutral",
  "in-progress": "accent",
  done: "good",
  overdue: "bad",
};
