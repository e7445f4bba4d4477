import type { RuleName } from "../thresholds.js";
import type { ExternalRiskFinding } from "./external-risk.js";
import type { GoalBehindPlanFinding } from "./goal-behind-plan.js";
import type { GoalForecastMissFinding } from "./goal-forecast-miss.js";
import type { LowAdoptionFinding } from "./low-adoption.js";
import type { NoOutcomeDataFinding } from "./no-outcome-data.js";
import type { ProxyReasonFinding } from "./proxy-reason.js";
import type { RenewalAtRiskFinding } from "./renewal-at-risk.js";
import type { RoiBelowCostFinding } from "./roi-below-cost.js";
import type { SponsorGapFinding } from "./sponsor-gap.js";
import type { StaleOutcomeDataFinding } from "./stale-outcome-data.js";
import type { TasksOverdueFinding } from "./tasks-overdue.js";
import type { UsageWithoutValueFinding } from "./usage-without-value.js";
import type { WatermelonFinding } from "./watermelon.js";

/**
 * Every rule's finding, keyed by `rule`: narrowing on `finding.rule` (a switch, or findingOf below)
 * gives the evidence its rule's type, so no reader casts it. Each member is declared next to its
 * rule, with its evidence; docs/findings.md describes them.
 */
export type RuleFinding =
  | GoalBehindPlanFinding
  | GoalForecastMissFinding
  | NoOutcomeDataFinding
  | StaleOutcomeDataFinding
  | TasksOverdueFinding
  | WatermelonFinding
  | UsageWithoutValueFinding
  | LowAdoptionFinding
  | SponsorGapFinding
  | RoiBelowCostFinding
  | ProxyReasonFinding
  | ExternalRiskFinding
  | RenewalAtRiskFinding;

/** Every rule name, in the order the rules run (SPEC §3's table; renewal-at-risk reads the others). */
export const RULE_NAMES = [
  "goal-behind-plan",
  "goal-forecast-miss",
  "no-outcome-data",
  "stale-outcome-data",
  "tasks-overdue",
  "watermelon",
  "usage-without-value",
  "low-adoption",
  "sponsor-gap",
  "roi-below-cost",
  "proxy-reason",
  "external-risk",
  "renewal-at-risk",
] as const satisfies readonly RuleName[];

/** The evidence of one rule's findings. */
export type EvidenceOf<R extends RuleName> = Extract<RuleFinding, { rule: R }>["evidence"];

type WithRule<F, R> = Extract<F, { rule: R }>;

/** The first finding of `rule` (findings are most severe first), narrowed to its type. */
export function findingOf<F extends { rule: RuleName }, R extends F["rule"]>(
  findings: readonly F[],
  rule: R,
): WithRule<F, R> | undefined {
  return findings.find((finding): finding is WithRule<F, R> => finding.rule === rule);
}

/** Every finding of `rule`, narrowed to its type. */
export function findingsOf<F extends { rule: RuleName }, R extends F["rule"]>(
  findings: readonly F[],
  rule: R,
): WithRule<F, R>[] {
  return findings.filter((finding): finding is WithRule<F, R> => finding.rule === rule);
}
