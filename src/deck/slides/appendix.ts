import type { ValueBasis } from "../../analysis/figures.js";
import type { GoalAnalysis } from "../../analysis/rules/rule.js";
import type { Account, ValuePeriod } from "../../input/account-schema.js";
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

const FORMULAS = [
  "progress(v) = (v − baseline) / (target − baseline)",
  "Plan curve P(d): straight lines through baseline, plan points and target; baseline before, target after",
  "Latest actual A: the measurement with the latest date on or before the as-of date",
  "attainment = progress(A); expected = progress(P(A.date)); pace = attainment / expected (when expected > 0)",
  "Status: achieved if attainment ≥ 1; on track if pace is empty or ≥ {{onTrack}}; at risk if ≥ {{atRisk}}; else off track",
  "Forecast: least-squares line through the baseline and all actuals (x in days), read at the target date",
  "Realized value = max(0, (A − baseline) × sign(target − baseline)) × value per unit × periods a year; planned = |target − baseline| × value per unit × periods a year",
  "Periods a year: a one-off value (per: once, the default) counts once; a value earned per week, month, quarter or year counts 52, 12, 4 or 1 times, so that value and ARR both cover a year",
  "Value ÷ ARR = Σ realized value / ARR: a multiple of the annual contract (1× = the contract's worth)",
];

const number = (value: number | null | undefined) =>
  value === null || value === undefined ? "—" : formatExact(value);
const points = (list: { date: string; value: number }[]) =>
  list.length === 0 ? "—" : list.map((point) => `${point.date}: ${number(point.value)}`).join("\n");

const PERIOD_NAMES: Record<Exclude<ValuePeriod, "once">, string> = {
  week: "a week × 52",
  month: "a month × 12",
  quarter: "a quarter × 4",
  year: "a year × 1",
};

/** "150 per unit" for a one-off value; "25 per unit a week × 52" for a rate, so the factor is visible. */
function basisText(basis: ValueBasis | null): string {
  if (!basis) return "—";
  const perUnit = `${number(basis.perUnit)} per unit`;
  return basis.per === "once" ? perUnit : `${perUnit} ${PERIOD_NAMES[basis.per]}`;
}

function goalRow({ goal, figures }: GoalAnalysis): TableCell[] {
  const b = goal.baseline.value;
  const t = goal.target.value;
  const latest = figures.latestActual;
  const working = latest
    ? [
        `attainment = (${number(latest.value)} − ${number(b)}) / (${number(t)} − ${number(b)}) = ${number(figures.attainment)}`,
        `expected = (${number(figures.plannedValueAtLatest)} − ${number(b)}) / (${number(t)} − ${number(b)}) = ${number(figures.expectedProgress)}`,
        `pace = ${number(figures.pace)}; forecast ${number(figures.forecast?.projected)} → ${number(figures.projectedAttainment)}`,
        figures.plannedValue === null
          ? ""
          : `value = ${number(figures.realizedValue)} of ${number(figures.plannedValue)} (${basisText(figures.valueBasis)})`,
      ]
    : ["no actual on or before the as-of date: figures are empty"];
  return [
    { text: `${goal.title}\n(${goal.id})`, bold: true },
    { text: `baseline ${goal.baseline.date}: ${number(b)}\ntarget ${goal.target.date}: ${number(t)}` },
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

function thresholdLines(context: DeckContext): string[] {
  const { thresholds, account } = context.analysis;
  const lines = [
    `status: on track at pace ≥ ${thresholds.status.onTrackPace}, at risk at pace ≥ ${thresholds.status.atRiskPace}`,
  ];
  if (!context.isInternal) return lines;
  for (const [rule, settings] of Object.entries(thresholds.rules)) {
    const { enabled, ...values } = settings as { enabled: boolean } & Record<string, unknown>;
    const detail = Object.entries(values)
      .filter(([key]) => LISTED_WHEN[key]?.(account) ?? true)
      .map(([key, value]) => `${key} ${String(value)}`)
      .join(", ");
    lines.push(`${rule}: ${enabled ? detail || "on" : "off"}`);
  }
  return lines;
}

export function appendixSlides(context: DeckContext, provenance: Provenance): Slide[] {
  const { thresholds } = context.analysis;
  const [left, right] = columns(CONTENT_BOX, [1.25, 1]);
  const formulas = FORMULAS.map((text) =>
    text
      .replace("{{onTrack}}", String(thresholds.status.onTrackPace))
      .replace("{{atRisk}}", String(thresholds.status.atRiskPace)),
  );
  const facts = [
    `As of: ${context.analysis.asOf}`,
    `Input: ${provenance.sourceName}`,
    `sha256: ${provenance.sha256}`,
    `Tool: qbr-deck ${provenance.toolVersion}`,
  ];
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
        items: thresholdLines(context).map((text) => ({ text, tone: "muted" as const })),
      },
    ],
    notes: [...facts, ...formulas].join("\n"),
  };
  const data = tablePages(context, {
    id: "appendix",
    title: context.text("appendix.data.title"),
    subtitle: context.text("appendix.data.subtitle", { asOf: context.analysis.asOf }),
    columns: [
      { header: context.text("scorecard.col.goal"), align: "left", width: 2.6 },
      { header: context.text("appendix.col.ends"), align: "left", width: 2.0 },
      { header: context.text("appendix.col.plan"), align: "left", width: 1.9 },
      { header: context.text("appendix.col.actuals"), align: "left", width: 1.9 },
      { header: context.text("appendix.col.working"), align: "left", width: 4.4 },
    ],
    rows: context.analysis.goals.map(goalRow),
    notes: context.text("appendix.data.notes"),
    rowsPerSlide: 3,
  });
  return [overview, ...data];
}
