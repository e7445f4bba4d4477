import type { DeckContext } from "../context.js";
import type { Slide, TableCell } from "../deck-model.js";
import { CONTENT_BOX } from "../geometry.js";
import { formatDate } from "../../text/format.js";
import { tablePages } from "./table-pages.js";

export const NEXT_STEPS_ROWS_PER_SLIDE = 9;

/**
 * A task's owner: in a customer deck a person who has left is "to be confirmed", never named;
 * the internal deck names them and says they left.
 */
function ownerCell(context: DeckContext, owner: string | undefined): string {
  if (!owner) return "—";
  if (!context.hasLeft(owner)) return owner;
  return context.isInternal
    ? context.text("next.owner.left", { names: [owner] })
    : context.text("next.owner.tbc");
}

/** Open and overdue tasks with their goal, owner and due date; overdue first, then by date. */
export function nextStepsSlides(context: DeckContext): Slide[] {
  const tasks = context.analysis.goals.flatMap(({ goal, figures }) =>
    figures.tasks.openTasks.map((task) => ({
      task,
      goal,
      overdue: figures.tasks.overdueTasks.includes(task),
    })),
  );
  if (tasks.length === 0) {
    return [
      {
        id: "next-steps",
        layout: "content",
        title: context.text("next.title"),
        blocks: [
          { kind: "text", box: { ...CONTENT_BOX, h: 1 }, text: context.text("next.none"), style: "lead" },
        ],
        notes: context.text("next.notes"),
      },
    ];
  }
  tasks.sort(
    (a, b) =>
      Number(b.overdue) - Number(a.overdue) ||
      (a.task.due ?? "9999").localeCompare(b.task.due ?? "9999") ||
      a.goal.title.localeCompare(b.goal.title),
  );
  const rows = tasks.map(({ task, goal, overdue }): TableCell[] => [
    { text: task.title, bold: overdue },
    { text: goal.title },
    { text: ownerCell(context, task.owner ?? goal.owner) },
    { text: task.due ? formatDate(task.due) : "—" },
    {
      text: context.text(overdue ? "next.state.overdue" : "next.state.open"),
      tone: overdue ? "bad" : "neutral",
      bold: overdue,
    },
  ]);
  return tablePages(context, {
    id: "next-steps",
    title: context.text("next.title"),
    subtitle: context.text("next.subtitle"),
    columns: [
      { header: context.text("next.col.task"), align: "left", width: 4.4 },
      { header: context.text("next.col.goal"), align: "left", width: 3.4 },
      { header: context.text("next.col.owner"), align: "left", width: 2 },
      { header: context.text("next.col.due"), align: "right", width: 1.4 },
      { header: context.text("next.col.state"), align: "center", width: 1.1 },
    ],
    rows,
    notes: context.text("next.notes"),
    rowsPerSlide: NEXT_STEPS_ROWS_PER_SLIDE,
  });
}
