import type { GoalAnalysis } from "../../analysis/rules/rule.js";
import { goalTimelineChart } from "../charts.js";
import type { DeckContext } from "../context.js";
import { STATUS_TONE } from "../context.js";
import type { BulletItem, Slide } from "../deck-model.js";
import { CONTENT_BOX } from "../geometry.js";
import { columns, rows } from "../layout.js";
import { findingNotes, questionNotes } from "./notes.js";
import { roadmapFor } from "./roadmap.js";
import { limitItems } from "./summary.js";

const MAX_TASKS_ON_SLIDE = 5;
const MAX_PROMPTS_ON_SLIDE = 2;

function statusText(context: DeckContext, entry: GoalAnalysis): string {
  const goal = context.goalText(entry);
  const { status } = entry.figures;
  const key =
    status === "no-data"
      ? "goal.status.nodata"
      : status === "achieved"
        ? "goal.status.achieved"
        : "goal.status.measured";
  const parts = [context.text(key, { goal, statusLabel: context.statusLabel(status) })];
  if (entry.figures.forecast && status !== "achieved" && entry.goal.target.date > context.analysis.asOf) {
    parts.push(context.text("goal.forecast", { goal }));
  }
  return parts.join(" ");
}

function taskItems(context: DeckContext, entry: GoalAnalysis): BulletItem[] {
  const { tasks } = entry.figures;
  if (tasks.total === 0) return [{ text: context.text("goal.tasks.none"), tone: "muted" }];
  const overdue = tasks.overdueTasks.map((task) => ({
    text: context.text("goal.task.overdue", { task }),
    tone: "bad" as const,
  }));
  const open = tasks.openTasks
    .filter((task) => !tasks.overdueTasks.includes(task))
    .map((task) => ({ text: context.text("goal.task.open", { task }), tone: "neutral" as const }));
  const done = entry.goal.tasks
    .filter((task) => task.done)
    .map((task) => ({ text: context.text("goal.task.done", { task }), tone: "good" as const }));
  return limitItems([...overdue, ...open, ...done], MAX_TASKS_ON_SLIDE, (count) =>
    context.text("more", { count }),
  );
}

export function goalSlide(context: DeckContext, entry: GoalAnalysis): Slide {
  const goal = context.goalText(entry);
  const [left, right] = columns(CONTENT_BOX, [7.4, 4.6]);
  const roadmap = roadmapFor(context, entry.goal.id);
  // The roadmap line only takes room on the slides of goals that have roadmap items.
  const [chartBox, statusBox, roadmapBox] = rows(
    left!,
    roadmap.length > 0 ? ["*", 1.2, 0.45] : ["*", 1.2],
    0.2,
  );
  const [tasksBox, promptsBox] = rows(right!, ["*", "*"], 0.25);
  const prompts = context.goalPrompts(entry);
  const blocks: Slide["blocks"] = [
    goalTimelineChart(context, entry, chartBox!),
    {
      kind: "text",
      box: statusBox!,
      text: statusText(context, entry),
      style: "body",
      tone: STATUS_TONE[entry.figures.status],
    },
    {
      kind: "bullets",
      box: tasksBox!,
      heading: context.text("goal.tasks.heading", { goal }),
      items: taskItems(context, entry),
    },
    {
      kind: "bullets",
      box: promptsBox!,
      heading: context.text("goal.prompts.heading"),
      items: prompts.slice(0, MAX_PROMPTS_ON_SLIDE).map((text) => ({ text })),
    },
  ];
  if (roadmapBox) {
    blocks.push({
      kind: "text",
      box: roadmapBox,
      text: `${context.text("goal.roadmap")} ${roadmap.map((item) => `${item.title} (${item.when})`).join("; ")}`,
      style: "small",
      tone: "accent",
    });
  }
  const why = entry.goal.why ? context.text("goal.why", { goal }) : "";
  // Internal only: a goal whose owner has left is orphaned — the customer deck just shows no owner.
  const ownerLeft = context.isInternal && context.hasLeft(entry.goal.owner);
  const notes = context.isInternal
    ? [
        ownerLeft ? context.text("goal.owner.left", { goal }) : "",
        why,
        findingNotes(context, context.findingsFor(entry.goal.id)) ||
          questionNotes(context.text("notes.ask"), prompts),
      ]
        .filter(Boolean)
        .join("\n\n")
    : [context.text("goal.notes.customer", { goal }), questionNotes(context.text("notes.questions"), prompts)]
        .filter(Boolean)
        .join("\n\n");
  return {
    id: `goal-${entry.goal.id}`,
    layout: "content",
    title: entry.goal.title,
    subtitle: context.text("goal.subtitle", { goal, ownerLeft }),
    blocks,
    notes,
  };
}
