import { describe, expect, it } from "vitest";
import { findingPoints, rankFindings, riskScore } from "../src/analysis/risk-score.js";
import type { Severity } from "../src/analysis/rules/rule.js";
import { DEFAULT_THRESHOLDS, type RuleName } from "../src/analysis/thresholds.js";
import { loadRules } from "../src/input/load-rules.js";
import { analyse, loadSample, withThresholds } from "./helpers/accounts.js";

const weights = DEFAULT_THRESHOLDS.riskScore;
const f = (rule: RuleName, severity: Severity) => ({ rule, severity });

// Every expected figure below is worked out by hand from the defaults in thresholds.ts:
// weights high 40, medium 20, low 5; impact watermelon 1, sponsor-gap 0.95, tasks-overdue 0.55,
// no-outcome-data 0.5.
describe("risk score", () => {
  it("is 0 without findings", () => {
    expect(riskScore([], weights)).toBe(0);
  });

  it("is one finding's own points: severity weight × rule impact", () => {
    expect(findingPoints(f("watermelon", "high"), weights)).toBe(40);
    expect(riskScore([f("watermelon", "high")], weights)).toBe(40);
    // 20 × 0.55 = 11
    expect(riskScore([f("tasks-overdue", "medium")], weights)).toBe(11);
    // 5 × 0.5 = 2.5 → rounds to 3
    expect(riskScore([f("no-outcome-data", "low")], weights)).toBe(3);
  });

  it("compounds findings: 100 × (1 − Π(1 − pᵢ))", () => {
    // 1 − (1 − 0.40)(1 − 0.11) = 1 − 0.534 = 0.466 → 47
    expect(riskScore([f("watermelon", "high"), f("tasks-overdue", "medium")], weights)).toBe(47);
    // 1 − 0.6 × 0.62 = 0.628 → 63 (sponsor-gap high: 40 × 0.95 = 38)
    expect(riskScore([f("watermelon", "high"), f("sponsor-gap", "high")], weights)).toBe(63);
  });

  it("never passes 100, and more findings never lower it", () => {
    const many = Array.from({ length: 11 }, () => f("watermelon", "high"));
    // 1 − 0.6^11 = 0.99637 → 100
    expect(riskScore(many, weights)).toBe(100);
    expect(riskScore(many.slice(0, 5), weights)).toBe(92); // 1 − 0.6^5 = 0.92224
    expect(riskScore(many.slice(0, 6), weights)).toBe(95); // 1 − 0.6^6 = 0.953344
  });

  it("takes its weights from a --rules file", () => {
    const rules = loadRules(
      "rules.yaml",
      Buffer.from("riskScore:\n  weights: { high: 50 }\n  impact: { watermelon: 0.5 }\n"),
    );
    expect(rules.riskScore.weights).toEqual({ high: 50, medium: 20, low: 5 });
    expect(riskScore([f("watermelon", "high")], rules.riskScore)).toBe(25); // 50 × 0.5
    expect(riskScore([f("sponsor-gap", "high")], rules.riskScore)).toBe(48); // 50 × 0.95 = 47.5
  });

  it("ranks findings by severity, then by rule impact, then in rule order", () => {
    const ranked = rankFindings(
      [
        f("tasks-overdue", "high"),
        f("watermelon", "medium"),
        f("no-outcome-data", "high"),
        f("sponsor-gap", "high"),
        f("stale-outcome-data", "high"),
      ],
      weights,
    );
    expect(ranked.map(({ rule }) => rule)).toEqual([
      "sponsor-gap",
      "tasks-overdue",
      "no-outcome-data",
      "stale-outcome-data",
      "watermelon",
    ]);
  });

  it("keeps riskLevel the first finding's severity, and a rules file can reorder one severity", () => {
    const account = loadSample("northwind-logistics.yaml");
    const analysis = analyse(account);
    expect(analysis.riskLevel).toBe(analysis.findings[0]?.severity ?? "low");
    expect(analysis.riskScore).toBe(riskScore(analysis.findings, weights));
    const impact = Object.fromEntries(Object.keys(weights.impact).map((rule) => [rule, 0.5]));
    const flat = analyse(account, undefined, withThresholds({ riskScore: { impact } }));
    const severities = flat.findings.map(({ severity }) => severity);
    expect(flat.riskLevel).toBe(analysis.riskLevel);
    expect(new Set(flat.findings.map(({ rule }) => rule))).toEqual(
      new Set(analysis.findings.map(({ rule }) => rule)),
    );
    expect(severities).toEqual(analysis.findings.map(({ severity }) => severity));
  });
});
