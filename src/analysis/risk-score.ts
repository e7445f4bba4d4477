import type { RuleName, Thresholds } from "./thresholds.js";
import { SEVERITY_RANK, type Severity } from "./rules/rule.js";

/** What the score reads of a finding: its severity and its rule. */
interface Scored {
  rule: RuleName;
  severity: Severity;
}

type RiskWeights = Thresholds["riskScore"];

/** The points (0–100) one finding scores on its own: its severity's weight × its rule's impact. */
export function findingPoints(finding: Scored, weights: RiskWeights): number {
  return weights.weights[finding.severity] * weights.impact[finding.rule];
}

/**
 * The account's risk score, 0–100: 100 × (1 − Π(1 − pointsᵢ/100)). Each finding takes its share
 * of the risk the others left, so the score grows with every finding, one finding alone scores
 * its own points, and no number of findings passes 100 — eleven high findings still rank above
 * ten. Rounded to a whole number: it is read as a rank, not measured.
 */
export function riskScore(findings: readonly Scored[], weights: RiskWeights): number {
  const untouched = findings.reduce(
    (remaining, finding) => remaining * (1 - findingPoints(finding, weights) / 100),
    1,
  );
  return Math.round(100 * (1 - untouched));
}

/**
 * Findings ranked: most severe first (so the first finding's severity is SPEC §3's riskLevel), then
 * by their rule's impact, then in the order the rules ran (RULE_NAMES) — a stable, total order.
 */
export function rankFindings<F extends Scored>(findings: readonly F[], weights: RiskWeights): F[] {
  return findings
    .map((finding, order) => ({ finding, order }))
    .sort(
      (a, b) =>
        SEVERITY_RANK[b.finding.severity] - SEVERITY_RANK[a.finding.severity] ||
        weights.impact[b.finding.rule] - weights.impact[a.finding.rule] ||
        a.order - b.order,
    )
    .map(({ finding }) => finding);
}
