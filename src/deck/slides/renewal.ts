import type { DeckContext } from "../context.js";
import { STATUS_TONE } from "../context.js";
import type { BulletItem, Slide, TableCell } from "../deck-model.js";
import { CONTENT_BOX } from "../geometry.js";
import { rows } from "../layout.js";
import { formatDate, formatMoney, formatMoneyCompact, formatValue } from "../../text/format.js";
import { limitItems, summaryKpis } from "./summary.js";
import { tablePages } from "./table-pages.js";
import { valueSlide } from "./value.js";

/** Renewal kind: value over the term against ARR, outcomes achieved, what is open, the next term. */

export function renewalValueSlide(context: DeckContext): Slide {
  const arr = context.analysis.account.contract.arr;
  const [, value, roi] = summaryKpis(context);
  // Three tiles (value, the contract's value, ROI) need the full width: a row above the chart.
  return valueSlide(context, {
    id: "value",
    titleKey: "renewal.value.title",
    subtitleKey: "renewal.value.subtitle",
    kpiRow: [
      value!,
      {
        label: context.text("renewal.kpi.arr"),
        value: formatMoneyCompact(arr, context.currency),
        detail: formatMoney(arr, context.currency),
      },
      roi!,
    ],
  });
}

export function outcomesSlides(context: DeckContext): Slide[] {
  const rowsData = context.analysis.goals.map(({ goal, figures }): TableCell[] => {
    const unit = goal.metric.unit;
    return [
      { text: goal.title, bold: true },
      { text: formatValue(goal.baseline.value, unit) },
      {
        text: figures.latestActual
          ? `${formatValue(figures.latestActual.value, unit)}\n${formatDate(figures.latestActual.date)}`
          : "—",
      },
      { text: `${formatValue(goal.target.value, unit)}\n${formatDate(goal.target.date)}` },
      // No measurement yet: a dash, as in the "Now" column, never the formatter's "n/a".
      { text: figures.attainment === null ? "—" : context.percent(figures.attainment) },
      { text: context.statusLabel(figures.status), tone: STATUS_TONE[figures.status], bold: true },
      {
        // An unmeasured goal has realized nothing we can show: a dash, not "$0".
        text:
          figures.plannedValue === null || figures.realizedValue === null
            ? "—"
            : formatMoney(figures.realizedValue, context.currency),
      },
    ];
  });
  return tablePages(context, {
    id: "outcomes",
    title: context.text("renewal.outcomes.title"),
    subtitle: context.text("renewal.outcomes.subtitle"),
    columns: [
      { header: context.text("scorecard.col.goal"), align: "left", width: 3.4 },
      { header: context.text("scorecard.col.baseline"), align: "right", width: 1.4 },
      { header: context.text("renewal.col.now"), align: "right", width: 1.5 },
      { header: context.text("scorecard.col.target"), align: "right", width: 1.5 },
      { header: context.text("scorecard.col.attainment"), align: "right", width: 1.3 },
      { header: context.text("scorecard.col.status"), align: "center", width: 1.5 },
      { header: context.text("renewal.col.value"), align: "right", width: 1.6 },
    ],
    rows: rowsData,
    notes: context.text("renewal.notes"),
    rowsPerSlide: 8,
  });
}

export function stillOpenSlide(context: DeckContext): Slide {
  const open = context.analysis.goals.filter(({ figures }) => figures.status !== "achieved");
  const gaps: BulletItem[] = open.map((entry) => ({
    text: context.text(entry.figures.latestActual ? "renewal.open.gap" : "renewal.open.nodata", {
      goal: context.goalText(entry),
    }),
    tone: STATUS_TONE[entry.figures.status],
  }));
  const tasks: BulletItem[] = open.flatMap((entry) =>
    entry.figures.tasks.openTasks.map((task) => ({
      text: context.text(
        entry.figures.tasks.overdueTasks.includes(task) ? "goal.task.overdue" : "goal.task.open",
        { task },
      ),
      tone: entry.figures.tasks.overdueTasks.includes(task) ? ("bad" as const) : ("neutral" as const),
    })),
  );
  const [gapBox, taskBox] = rows(CONTENT_BOX, ["*", "*"], 0.3);
  const blocks: Slide["blocks"] =
    gaps.length === 0
      ? [
          {
            kind: "text",
            box: { ...CONTENT_BOX, h: 1 },
            text: context.text("renewal.open.none"),
            style: "lead",
            tone: "good",
          },
        ]
      : [
          {
            kind: "bullets",
            box: gapBox!,
            items: limitItems(gaps, 6, (count) => context.text("more.goals", { count })),
          },
          ...(tasks.length > 0
            ? [
                {
                  kind: "bullets" as const,
                  box: taskBox!,
                  heading: context.text("next.title"),
                  items: limitItems(tasks, 6, (count) => context.text("more.tasks", { count })),
                },
              ]
            : []),
        ];
  return {
    id: "still-open",
    layout: "content",
    title: context.text("renewal.open.title"),
    subtitle: context.text("renewal.open.subtitle"),
    blocks,
    notes: context.text("renewal.notes"),
  };
}

export function nextTermSlide(context: DeckContext): Slide {
  const items: BulletItem[] = context.analysis.goals.map((entry) => ({
    text: context.text(entry.figures.status === "achieved" ? "renewal.next.build" : "renewal.next.carry", {
      goal: context.goalText(entry),
    }),
    tone: entry.figures.status === "achieved" ? "good" : "neutral",
  }));
  items.push({ text: context.text("renewal.next.measure"), tone: "accent" });
  return {
    id: "next-term",
    layout: "content",
    title: context.text("renewal.next.title"),
    subtitle: context.text("renewal.next.subtitle"),
    blocks: [
      {
        kind: "bullets",
        box: CONTENT_BOX,
        items: limitItems(items, 9, (count) => context.text("more.goals", { count })),
      },
    ],
    notes: context.text("renewal.notes"),
  };
}
