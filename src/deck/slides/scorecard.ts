import type { DeckContext } from "../context.js";
import { STATUS_TONE } from "../context.js";
import type { Slide, TableCell } from "../deck-model.js";
import { formatDate, formatValue } from "../../text/format.js";
import { tablePages } from "./table-pages.js";

export const SCORECARD_ROWS_PER_SLIDE = 8;

/** Baseline, target, expected to date, actual, attainment and status for every goal. */
export function scorecardSlides(context: DeckContext): Slide[] {
  const rows = context.analysis.goals.map(({ goal, figures }): TableCell[] => {
    const unit = goal.metric.unit;
    const latest = figures.latestActual;
    return [
      { text: goal.title, bold: true },
      { text: `${formatValue(goal.baseline.value, unit)}\n${formatDate(goal.baseline.date)}` },
      { text: `${formatValue(goal.target.value, unit)}\n${formatDate(goal.target.date)}` },
      { text: latest ? formatValue(figures.plannedValueAtLatest, unit) : "—" },
      { text: latest ? `${formatValue(latest.value, unit)}\n${formatDate(latest.date)}` : "—" },
      {
        text: latest
          ? context.text("scorecard.attainment", {
              facts: {
                attainment: context.percent(figures.attainment),
                expected: context.percent(figures.expectedProgress),
              },
            })
          : "—",
      },
      { text: context.statusLabel(figures.status), tone: STATUS_TONE[figures.status], bold: true },
    ];
  });
  return tablePages(context, {
    id: "scorecard",
    title: context.text("scorecard.title"),
    subtitle: context.text("scorecard.subtitle"),
    columns: [
      { header: context.text("scorecard.col.goal"), align: "left", width: 3.2 },
      { header: context.text("scorecard.col.baseline"), align: "right", width: 1.4 },
      { header: context.text("scorecard.col.target"), align: "right", width: 1.4 },
      { header: context.text("scorecard.col.expected"), align: "right", width: 1.4 },
      { header: context.text("scorecard.col.actual"), align: "right", width: 1.4 },
      { header: context.text("scorecard.col.attainment"), align: "right", width: 1.5 },
      { header: context.text("scorecard.col.status"), align: "center", width: 1.5 },
    ],
    rows,
    notes: context.text("scorecard.notes"),
    rowsPerSlide: SCORECARD_ROWS_PER_SLIDE,
  });
}
