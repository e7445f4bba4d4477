import type { GoalAnalysis } from "../../analysis/rules/rule.js";
import type { DeckContext } from "../context.js";
import type { Slide, TableCell } from "../deck-model.js";
import { formatDate, formatValue } from "../../text/format.js";
import { tablePages } from "./table-pages.js";

const ROWS_PER_SLIDE = 5;

/**
 * The customer's business objectives restated: each goal with why it matters (until now only in
 * the speaker notes), its owner, and where it goes — baseline → target by the target date.
 */
export function objectivesSlides(context: DeckContext): Slide[] {
  const rows = context.analysis.goals.map((entry): TableCell[] => {
    const { goal } = entry;
    const unit = goal.metric.unit;
    return [
      { text: goal.title, bold: true },
      { text: goal.why ?? "—", tone: goal.why ? "neutral" : "muted" },
      { text: shownOwner(context, entry) ?? "—" },
      { text: `${formatValue(goal.baseline.value, unit)} → ${formatValue(goal.target.value, unit)}` },
      { text: formatDate(goal.target.date) },
    ];
  });
  return tablePages(context, {
    id: "objectives",
    title: context.text("objectives.title"),
    subtitle: context.text("objectives.subtitle"),
    columns: [
      { header: context.text("objectives.col.goal"), align: "left", width: 2.6 },
      { header: context.text("objectives.col.why"), align: "left", width: 3.7 },
      { header: context.text("objectives.col.owner"), align: "left", width: 1.6 },
      { header: context.text("objectives.col.fromTo"), align: "right", width: 3 },
      { header: context.text("objectives.col.by"), align: "right", width: 1.5 },
    ],
    rows,
    notes: context.text(context.isInternal ? "objectives.notes.internal" : "objectives.notes.customer"),
    rowsPerSlide: ROWS_PER_SLIDE,
  });
}

/** The goal's owner as the audience may see it: a customer deck never names someone who has left. */
function shownOwner(context: DeckContext, entry: GoalAnalysis): string | null {
  const owner = entry.goal.owner ?? null;
  if (owner === null || context.isInternal) return owner;
  const departed = context.analysis.account.stakeholders.some(
    (person) => person.name === owner && person.status === "left",
  );
  return departed ? null : owner;
}
