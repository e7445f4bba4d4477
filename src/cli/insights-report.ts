import type { Insights } from "../insights/insights.js";
import { SMALL_SAMPLE_BELOW } from "../insights/metrics.js";

/** What `qbr insights` prints without --json: the backtest in a few lines, the files written. */

const percent = (value: number | null) => (value === null ? "—" : `${Math.round(value * 100)}%`);

export function formatInsightsReport(insights: Insights, files: readonly string[]): string {
  const lines = [
    `${insights.accounts} accounts, ${insights.withOutcome} with an outcome: ${insights.lost} lost (churned or downsized), ${insights.kept} kept.`,
    `Rules replayed ${insights.leadDays} days before each outcome.`,
  ];
  if (insights.withOutcome === 0) {
    lines.push(
      "No account records contract.outcome, so there is nothing to backtest (docs/insights.md); try qbr insights samples/history.",
    );
  } else if (insights.smallSample) {
    lines.push(
      `Small sample: fewer than ${SMALL_SAMPLE_BELOW} lost or ${SMALL_SAMPLE_BELOW} kept accounts — these figures prove little; read the counts, not the ratios.`,
    );
  }
  lines.push("", "rule                   flagged  lost  kept  precision  recall  lift");
  const row = (name: string, score: Insights["riskLevelHigh"]) =>
    `${name.padEnd(22)} ${String(score.fired).padStart(7)} ${String(score.firedLost).padStart(5)} ${String(score.firedKept).padStart(5)} ${percent(score.precision).padStart(10)} ${percent(score.recall).padStart(7)} ${(score.lift === null ? "—" : score.lift.toFixed(2)).padStart(5)}`;
  for (const rule of insights.rules) lines.push(row(rule.rule, rule));
  lines.push(row("risk level high", insights.riskLevelHigh));
  lines.push(
    "",
    insights.riskScoreAuc === null
      ? "Risk score ranking (ROC AUC): — it needs both lost and kept accounts."
      : `Risk score ranking (ROC AUC): ${insights.riskScoreAuc.toFixed(2)} (0.5 = chance, 1 = perfect).`,
  );
  const { agree, disagree } = insights.rootCauses.statedVsConcluded;
  if (agree + disagree > 0) {
    lines.push(`Stated reason matched the concluded root cause in ${agree} of ${agree + disagree} outcomes.`);
  }
  lines.push(
    `Watermelon accounts now: ${insights.watermelons.accounts} (${percent(insights.watermelons.share)} of all accounts).`,
  );
  lines.push("", ...files.map((file) => `wrote ${file}`));
  return lines.join("\n");
}
