import { addDays, daysBetween, type IsoDate } from "../../dates.js";
import type { DeckContext } from "../context.js";
import type { BulletItem, Slide, TableCell } from "../deck-model.js";
import { CONTENT_BOX } from "../geometry.js";
import { columns } from "../layout.js";
import { formatDate, formatValue } from "../../text/format.js";
import { ROLE_KEYS, roleLabel } from "./stakeholders.js";
import { limitItems } from "./summary.js";
import { tablePages } from "./table-pages.js";

/**
 * The kick-off deck (issue 14 §1): the success plan for a new customer or a new term. Built from
 * the plan only — goals, baselines, targets, plan points, tasks, stakeholders — so it works before
 * any actual is measured; actuals, when there are some, change nothing here.
 */

/** The 30/60/90-day view: each window's last day after asOf, then everything later. */
const WINDOWS = [30, 60, 90] as const;
const MAX_PER_WINDOW = 7;

export function whySlide(context: DeckContext): Slide {
  const items: BulletItem[] = context.analysis.goals.map((entry) => ({
    text: context.text(entry.goal.why ? "kickoff.why.goal" : "kickoff.why.nowhy", {
      goal: context.goalText(entry),
    }),
  }));
  return {
    id: "kickoff-why",
    layout: "content",
    title: context.text("kickoff.why.title"),
    subtitle: context.text("kickoff.why.subtitle"),
    blocks: [
      {
        kind: "bullets",
        box: CONTENT_BOX,
        items: limitItems(items, 9, (count) => context.text("more.goals", { count })),
      },
    ],
    notes: context.text("kickoff.why.notes"),
  };
}

export function criteriaSlides(context: DeckContext): Slide[] {
  const rows = context.analysis.goals.map(({ goal }): TableCell[] => {
    const unit = goal.metric.unit;
    return [
      { text: goal.title, bold: true },
      { text: goal.metric.name },
      { text: `${formatValue(goal.baseline.value, unit)}\n${formatDate(goal.baseline.date)}` },
      {
        text: `${formatValue(goal.target.value, unit)}\n${context.text("kickoff.by")} ${formatDate(goal.target.date)}`,
      },
      // A departed owner is never shown to the customer (context.ownerShown); internal decks name them.
      { text: context.ownerShown(goal.owner) ?? "—" },
    ];
  });
  return tablePages(context, {
    id: "kickoff-criteria",
    title: context.text("kickoff.criteria.title"),
    subtitle: context.text("kickoff.criteria.subtitle"),
    columns: [
      { header: context.text("scorecard.col.goal"), align: "left", width: 3.4 },
      { header: context.text("kickoff.col.metric"), align: "left", width: 2.6 },
      { header: context.text("scorecard.col.baseline"), align: "right", width: 1.6 },
      { header: context.text("scorecard.col.target"), align: "right", width: 1.8 },
      { header: context.text("kickoff.col.owner"), align: "left", width: 2 },
    ],
    rows,
    notes: context.text("kickoff.criteria.notes"),
    rowsPerSlide: 8,
  });
}

interface Milestone {
  date: IsoDate;
  text: string;
}

/** Plan points and targets as dated milestones, in 30/60/90-day windows from asOf, then later. */
export function milestonesSlide(context: DeckContext): Slide {
  const { asOf } = context.analysis;
  const milestones: Milestone[] = context.analysis.goals
    .flatMap((entry) => {
      const goal = context.goalText(entry);
      const unit = entry.goal.metric.unit;
      return [
        ...entry.goal.plan.map((point) => ({
          date: point.date,
          text: context.text("kickoff.milestone", { goal }) + ` ${formatValue(point.value, unit)}`,
        })),
        { date: entry.goal.target.date, text: context.text("kickoff.milestone.target", { goal }) },
      ];
    })
    .filter((milestone) => milestone.date > asOf)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.text.localeCompare(b.text)));
  const ends = WINDOWS.map((days) => addDays(asOf, days));
  const windows = [...ends, null].map((end, index) => {
    const start = index === 0 ? asOf : ends[index - 1]!;
    return milestones.filter((one) => one.date > start && (end === null || one.date <= end));
  });
  const boxes = columns(CONTENT_BOX, [1, 1, 1, 1], 0.25);
  const headings = [
    context.text("kickoff.window.30", { asOf: ends[0] }),
    context.text("kickoff.window.60", { asOf: ends[1] }),
    context.text("kickoff.window.90", { asOf: ends[2] }),
    context.text("kickoff.window.later"),
  ];
  return {
    id: "kickoff-milestones",
    layout: "content",
    title: context.text("kickoff.milestones.title"),
    subtitle: context.text("kickoff.milestones.subtitle"),
    blocks: windows.map((entries, index) => ({
      kind: "bullets" as const,
      box: boxes[index]!,
      heading: headings[index],
      items:
        entries.length === 0
          ? [{ text: context.text("kickoff.window.none"), tone: "muted" as const }]
          : limitItems(
              entries.map((one) => ({ text: `${formatDate(one.date)} · ${one.text}` })),
              MAX_PER_WINDOW,
              (count) => context.text("more", { count }),
            ),
    })),
    notes: context.text("kickoff.milestones.notes"),
  };
}

/**
 * Every open task with its goal, owner and due date, earliest first — so the tasks already past
 * due on the as-of date lead, each marked overdue as on the next-steps slide.
 */
export function workSlides(context: DeckContext): Slide[] {
  const { asOf } = context.analysis;
  const tasks = context.analysis.goals.flatMap(({ goal }) =>
    goal.tasks.filter((task) => !task.done).map((task) => ({ task, goal })),
  );
  tasks.sort((a, b) => (a.task.due ?? "9999").localeCompare(b.task.due ?? "9999"));
  const rows = tasks.map(({ task, goal }): TableCell[] => {
    const overdue = task.due !== undefined && task.due < asOf;
    return [
      { text: task.title, bold: true },
      { text: goal.title },
      {
        text: context.ownerShown(task.owner) ?? context.text("kickoff.owner.none"),
        tone: context.ownerShown(task.owner) ? undefined : "muted",
      },
      { text: task.due ? formatDate(task.due) : "—", ...(overdue ? { tone: "bad" as const } : {}) },
      overdue
        ? { text: context.text("next.state.overdue"), tone: "bad", bold: true }
        : { text: context.text("next.state.open"), tone: "neutral" },
    ];
  });
  if (rows.length === 0) {
    return [
      {
        id: "kickoff-work",
        layout: "content",
        title: context.text("kickoff.work.title"),
        subtitle: context.text("kickoff.work.subtitle"),
        blocks: [
          {
            kind: "text",
            box: { ...CONTENT_BOX, h: 1 },
            text: context.text("kickoff.work.none"),
            style: "lead",
          },
        ],
        notes: context.text("kickoff.work.notes"),
      },
    ];
  }
  return tablePages(context, {
    id: "kickoff-work",
    title: context.text("kickoff.work.title"),
    subtitle: context.text("kickoff.work.subtitle"),
    columns: [
      { header: context.text("next.col.task"), align: "left", width: 3.9 },
      { header: context.text("next.col.goal"), align: "left", width: 3.1 },
      { header: context.text("next.col.owner"), align: "left", width: 2.1 },
      { header: context.text("next.col.due"), align: "right", width: 1.4 },
      { header: context.text("next.col.state"), align: "center", width: 1.1 },
    ],
    rows,
    notes: context.text("kickoff.work.notes"),
    rowsPerSlide: 10,
  });
}

/** Who is who (the people still there, by role), how often we meet and when the first review is. */
export function teamSlide(context: DeckContext): Slide {
  const { account } = context.analysis;
  const order = Object.keys(ROLE_KEYS);
  const people = account.stakeholders
    .filter((person) => person.status !== "left")
    .sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role));
  const [peopleBox, rhythmBox] = columns(CONTENT_BOX, [1, 1]);
  const team: BulletItem[] = people.map((person) => ({
    text: `${person.name} — ${roleLabel(context, person)}`,
  }));
  if (account.account.csm) team.push({ text: context.text("kickoff.team.csm"), tone: "accent" });
  const firstReview = firstReviewDate(context);
  const rhythm: BulletItem[] = [
    {
      text: account.review.cadence
        ? `${context.text("kickoff.cadence.label")} ${account.review.cadence}`
        : context.text("kickoff.cadence.none"),
    },
    {
      text: context.text(account.review.firstReview ? "kickoff.review.first" : "kickoff.review.proposed", {
        asOf: firstReview,
      }),
      tone: "accent",
    },
  ];
  return {
    id: "kickoff-team",
    layout: "content",
    title: context.text("kickoff.team.title"),
    subtitle: context.text("kickoff.team.subtitle"),
    blocks: [
      {
        kind: "bullets",
        box: peopleBox!,
        heading: context.text("kickoff.team.heading"),
        items:
          team.length === 0
            ? [{ text: context.text("kickoff.team.none"), tone: "muted" }]
            : limitItems(team, 9, (count) => context.text("more", { count })),
      },
      { kind: "bullets", box: rhythmBox!, heading: context.text("kickoff.rhythm.heading"), items: rhythm },
    ],
    notes: context.text("kickoff.team.notes"),
  };
}

/** review.firstReview when set, else a proposal 90 days after asOf (the end of the 30/60/90 view). */
function firstReviewDate(context: DeckContext): IsoDate {
  return context.analysis.account.review.firstReview ?? addDays(context.analysis.asOf, WINDOWS[2]);
}

/** Internal only: what a CSM watches from day one — no sponsor, unmeasured baselines, goals with no tasks. */
export function watchSlide(context: DeckContext): Slide {
  const { account, asOf, goals } = context.analysis;
  const items: BulletItem[] = [];
  const sponsor = account.stakeholders.some(
    (person) => person.role === "executive-sponsor" && person.status !== "left",
  );
  if (!sponsor) items.push({ text: context.text("kickoff.watch.sponsor"), tone: "bad" });
  for (const entry of goals) {
    const goal = context.goalText(entry);
    if (entry.goal.baseline.date > asOf) {
      items.push({ text: context.text("kickoff.watch.baseline", { goal }), tone: "warn" });
    }
    if (entry.goal.tasks.length === 0) {
      items.push({ text: context.text("kickoff.watch.tasks", { goal }), tone: "warn" });
    }
    if (!entry.goal.value) {
      items.push({ text: context.text("kickoff.watch.value", { goal }), tone: "muted" });
    }
  }
  if (items.length === 0) items.push({ text: context.text("kickoff.watch.none"), tone: "good" });
  return {
    id: "kickoff-watch",
    layout: "content",
    title: context.text("kickoff.watch.title"),
    subtitle: context.text("kickoff.watch.subtitle", { count: daysBetween(asOf, account.contract.renewal) }),
    blocks: [
      {
        kind: "bullets",
        box: CONTENT_BOX,
        items: limitItems(items, 10, (count) => context.text("more", { count })),
      },
    ],
    notes: context.text("kickoff.watch.notes"),
  };
}
