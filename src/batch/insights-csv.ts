import { stringify } from "csv-stringify/sync";
import type { Insights } from "../insights/insights.js";

/**
 * `insights-internal.csv`: one row per rule (every rule, zeros where it never fired), the backtest
 * counts and ratios beside how often the rule fires now. Ratios are blank where there was nothing
 * to divide by; numbers stay numbers.
 */

export const INSIGHTS_CSV_COLUMNS = [
  "rule",
  "fired",
  "fired_lost",
  "fired_kept",
  "precision",
  "recall",
  "lift",
  "fires_now",
  "fire_rate_now",
  "lead_days",
  "with_outcome",
  "lost",
  "kept",
  "small_sample",
] as const;

const blank = (value: number | null) => (value === null ? "" : value);

export function insightsCsv(insights: Insights): string {
  const rows = insights.rules.map((rule) => {
    const now = insights.fireRates.find((rates) => rates.rule === rule.rule);
    return [
      rule.rule,
      rule.fired,
      rule.firedLost,
      rule.firedKept,
      blank(rule.precision),
      blank(rule.recall),
      blank(rule.lift),
      now?.fired ?? 0,
      now?.rate ?? 0,
      insights.leadDays,
      insights.withOutcome,
      insights.lost,
      insights.kept,
      String(insights.smallSample),
    ];
  });
  return stringify([[...INSIGHTS_CSV_COLUMNS], ...rows]);
}
