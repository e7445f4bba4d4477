import type { ValueBasis } from "../../analysis/figures.js";
import type { GoalAnalysis } from "../../analysis/rules/rule.js";
import type { Account } from "../../input/account-schema.js";
import { formatExact } from "../../text/format.js";
import type { DeckContext } from "../context.js";
import type { Slide, TableCell } from "../deck-model.js";
import { CONTENT_BOX } from "../geometry.js";
import { columns } from "../layout.js";
import { tablePages } from "./table-pages.js";

/**
 * Provenance: every figure in the deck can be recomputed by hand from what these slides state —
 * the data points used, the formulas of SPEC §2, the thresholds, the as-of date, the tool
 * version and the input file's sha256. Numbers are printed unrounded (to 4 decimals).
 */

export interface Provenance {
  sourceName: string;
  sha256: string;
  toolVersion: string;
}

/** deck.yaml's `appendix.formula.<n>`, in this order (the SPEC §2 formulas, worded for the reader). */
const FORMULA_COUNT = 9;

const number = (value: number | null | undefined) =>
  value === null || value === undefined ? "—" : formatExact(value);
const points = (list: { date: string; value: number }[]) =>
  list.length === 0 ? "—" : list.map((point) => `${point.date}: ${number(point.value)}`).join("\n");

/** "150 per unit" for a one-off value; "25 per unit a week × 52" for a rate, so the factor is visible. */
function basisText(context: DeckContext, basis: ValueBasis | null): string {
  if (!basis) return "—";
  // The factor is the one the calculation used (PERIODS_PER_YEAR), so the wording cannot drift from it.
  const facts = { perUnit: number(basis.perUnit), periodsPerYear: String(basis.periodsPerYear) };
  return context.text(`appendix.basis.${basis.per}`, { facts });
}

function goalRow(context: DeckContext, { goal, figures }: GoalAnalysis): TableCell[] {
  const b = goal.baseline.value;
  const t = goal.target.value;
  const latest = figures.latestActual;
  const ends = { baseline: number(b), target: number(t) };
  const working = latest
    ? [
        context.text("appendix.working.attainment", {
          facts: { ...ends, latest: number(latest.value), attainment: number(figures.attainment) },
        }),
        context.text("appendix.working.expected", {
          facts: {
            ...ends,
            planned: number(figures.plannedValueAtLatest),
            expected: number(figures.expectedProgress),
          },
        }),
        context.text("appendix.working.pace", {
          facts: {
            pace: number(figures.pace),
            projected: number(figures.forecast?.projected),
            projectedAttainment: number(figures.projectedAttainment),
          },
        }),
        figures.plannedValue === null
          ? ""
          : context.text("appendix.working.value", {
              facts: {
                realized: number(figures.realizedValue),
                planned: number(figures.plannedValue),
                basis: basisText(context, figures.valueBasis),
              },
            }),
      ]
    : [context.text("appendix.working.none")];
  return [
    { text: `${goal.title}\n(${goal.id})`, bold: true },
    {
      text: context.text("appendix.ends", {
        facts: {
          baselineDate: goal.baseline.date,
          baseline: number(b),
          targetDate: goal.target.date,
          target: number(t),
        },
      }),
    },
    { text: points(goal.plan) },
    { text: points(figures.actualsUsed) },
    { text: working.filter(Boolean).join("\n") },
  ];
}

/**
 * Thresholds listed only for the accounts they apply to. The NPS-score threshold came after the
 * NPS rating's; an account with a rating (or no NPS) keeps the appendix it always had.
 */
const LISTED_WHEN: Readonly<Record<string, (account: Account) => boolean>> = {
  npsScoreGreenAtLeast: (account) => typeof account.signals.nps === "object",
};

const paceFacts = (status: { onTrackPace: number; atRiskPace: number }) => ({
  onTrack: String(status.onTrackPace),
  atRisk: String(status.atRiskPace),
});

function statusThresholdLine(context: DeckContext): string {
  const { status } = context.analysis.thresholds;
  return context.text("appendix.thresholds.status", { facts: paceFacts(status) });
}

/** One line per rule: its settings as the --rules file names them (internal decks only). */
function ruleThresholdLines(context: DeckContext): string[] {
  const { thresholds, account } = context.analysis;
  const lines: string[] = [];
  for (const [rule, settings] of Object.entries(thresholds.rules)) {
    const { enabled, ...values } = settings as { enabled: boolean } & Record<string, unknown>;
    const detail = Object.entries(values)
      .filter(([key]) => LISTED_WHEN[key]?.(account) ?? true)
      .map(([key, value]) => `${key} ${String(value)}`)
      .join(", ");
    const state = enabled
      ? detail || context.text("appendix.thresholds.on")
      : context.text("appendix.thresholds.off");
    lines.push(`${rule}: ${state}`);
  }
  return lines;
}

/** The rule lines in two columns on a slide of their own, so they read at body size. */
function thresholdsSlide(context: DeckContext): Slide {
  const lines = [statusThresholdLine(context), ...ruleThresholdLines(context)];
  const half = Math.ceil(lines.length / 2);
  const [left, right] = columns(CONTENT_BOX, [1, 1]);
  const column = (box: typeof left, items: string[]) => ({
    kind: "bullets" as const,
    box: box!,
    items: items.map((text) => ({ text })),
  });
  return {
    // Its own id, so that it is not read as a page of the overview; hiding "appendix" hides it too.
    id: "appendix-thresholds",
    layout: "content",
    title: context.text("appendix.thresholds.title"),
    subtitle: context.text("appendix.thresholds.subtitle"),
    blocks: [column(left, lines.slice(0, half)), column(right, lines.slice(half))],
    notes: lines.join("\n"),
  };
}

export function appendixSlides(context: DeckContext, provenance: Provenance): Slide[] {
  const { thresholds, asOf } = context.analysis;
  const [left, right] = columns(CONTENT_BOX, [1.25, 1]);
  const formulas = Array.from({ length: FORMULA_COUNT }, (_, index) =>
    context.text(`appendix.formula.${index + 1}`, { facts: paceFacts(thresholds.status) }),
  );
  const facts = [
    context.text("appendix.fact.asof", { facts: { asOf } }),
    context.text("appendix.fact.input", { facts: { input: provenance.sourceName } }),
    `sha256: ${provenance.sha256}`,
    context.text("appendix.fact.tool", { facts: { version: provenance.toolVersion } }),
  ];
  // Customer decks state the one threshold their figures use; internal decks list every rule's
  // on a slide of their own (a dozen lines would not fit beside the formulas at a readable size).
  const thresholdLines = context.isInternal
    ? [context.text("appendix.thresholds.next")]
    : [statusThresholdLine(context)];
  const overview: Slide = {
    id: "appendix",
    layout: "content",
    title: context.text("appendix.title"),
    subtitle: context.text("appendix.subtitle"),
    blocks: [
      {
        kind: "bullets",
        box: left!,
        heading: context.text("appendix.formulas.heading"),
        items: formulas.map((text) => ({ text })),
      },
      {
        kind: "bullets",
        box: { ...right!, h: 1.9 },
        heading: context.text("appendix.run.heading"),
        items: facts.map((text) => ({ text })),
      },
      {
        kind: "bullets",
        box: { ...right!, y: right!.y + 2.1, h: right!.h - 2.1 },
        heading: context.text("appendix.thresholds.heading"),
        items: thresholdLines.map((text) => ({ text, tone: "muted" as const })),
      },
    ],
    notes: [...facts, ...formulas].join("\n"),
  };
  const data = tablePages(context, {
    id: "appendix",
    title: context.text("appendix.data.title"),
    subtitle: context.text("appendix.data.subtitle", { asOf }),
    columns: [
      { header: context.text("scorecard.col.goal"), align: "left", width: 2.6 },
      { header: context.text("appendix.col.ends"), align: "left", width: 2.0 },
      { header: context.text("appendix.col.plan"), align: "left", width: 1.9 },
      { header: context.text("appendix.col.actuals"), align: "left", width: 1.9 },
      { header: context.text("appendix.col.working"), align: "left", width: 4.4 },
    ],
    rows: context.analysis.goals.map((entry) => goalRow(context, entry)),
    notes: context.text("appendix.data.notes"),
    rowsPerSlide: 3,
  });
  return [overview, ...(context.isInternal ? [thresholdsSlide(context)] : []), ...data];
}
