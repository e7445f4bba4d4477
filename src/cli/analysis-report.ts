import type { Analysis } from "../analysis/analyse-account.js";
import type { GoalStatus } from "../analysis/figures.js";
import { percentGuards } from "../analysis/thresholds.js";
import {
  formatDate,
  formatMoney,
  formatMultiple,
  formatPercent,
  formatRelativeDays,
  formatValue,
} from "../text/format.js";

/** The readable summary `qbr analyze` prints for a person (without --json). */

const STATUS_MARK: Record<GoalStatus, string> = {
  achieved: "✓ achieved ",
  "on-track": "✓ on track ",
  "at-risk": "! at risk  ",
  "off-track": "✗ off track",
  "no-data": "? no data  ",
};

function goalLines(analysis: Analysis): string[] {
  const currency = analysis.account.contract.currency;
  const guards = percentGuards(analysis.thresholds);
  const percent = (fraction: number | null) => formatPercent(fraction, guards);
  return analysis.goals.flatMap(({ goal, figures }) => {
    const unit = goal.metric.unit;
    const details: string[] = [];
    if (figures.latestActual) {
      details.push(
        `${percent(figures.attainment)} of target vs ${percent(figures.expectedProgress)} planned` +
          (figures.pace === null ? "" : ` (pace ${percent(figures.pace)})`),
        `latest ${formatValue(figures.latestActual.value, unit)} on ${formatDate(figures.latestActual.date)}, target ${formatValue(goal.target.value, unit)} by ${formatDate(goal.target.date)}`,
      );
      if (figures.projectedAttainment !== null && goal.target.date > analysis.asOf) {
        details.push(
          `forecast ${formatValue(figures.forecast?.projected, unit)} by ${formatDate(goal.target.date)} = ${percent(figures.projectedAttainment)} of target`,
        );
      }
    } else {
      details.push(`no outcome measured since the baseline of ${formatValue(goal.baseline.value, unit)}`);
    }
    if (figures.plannedValue !== null) {
      details.push(
        `value ${formatMoney(figures.realizedValue ?? 0, currency)} of ${formatMoney(figures.plannedValue, currency)} planned`,
      );
    }
    if (figures.tasks.total > 0) {
      details.push(
        `tasks ${figures.tasks.done}/${figures.tasks.total} done` +
          (figures.tasks.overdue > 0 ? `, ${figures.tasks.overdue} overdue` : ""),
      );
    }
    return [
      `  ${STATUS_MARK[figures.status]}  ${goal.title}`,
      ...details.map((line) => `                ${line}`),
    ];
  });
}

export function formatAnalysisReport(analysis: Analysis): string {
  const { account, valueRealization: value } = analysis;
  const currency = account.contract.currency;
  const name = account.account.id ? `${account.account.name} (${account.account.id})` : account.account.name;
  const renewalWhen =
    analysis.daysToRenewal < 0
      ? `date passed, ${formatRelativeDays(analysis.daysToRenewal)}`
      : formatRelativeDays(analysis.daysToRenewal);
  const lines = [
    `${name} — ${analysis.periodLabel}, as of ${formatDate(analysis.asOf)}`,
    `Renewal ${formatDate(account.contract.renewal)} (${renewalWhen}) · ARR ${formatMoney(account.contract.arr, currency)} · risk level ${analysis.riskLevel.toUpperCase()}`,
    "",
    `Goals: ${value.goals} — ${value.achieved} achieved, ${value.onTrack} on track, ${value.atRisk} at risk, ${value.offTrack} off track, ${value.noData} without data`,
    ...goalLines(analysis),
    "",
    value.realizedValue === null
      ? "Value realized: no goal has a value per unit"
      : `Value realized: ${formatMoney(value.realizedValue, currency)} of ${formatMoney(value.plannedValue, currency)} planned · value = ${formatMultiple(value.roi, percentGuards(analysis.thresholds))} ARR`,
    "",
  ];
  if (analysis.findings.length === 0) {
    lines.push("Findings: none — outcomes are on plan.");
  } else {
    lines.push(`Findings (${analysis.findings.length}), most severe first:`);
    for (const finding of analysis.findings) {
      lines.push(`  ${finding.severity.toUpperCase().padEnd(6)} ${finding.title}  [${finding.rule}]`);
      if (finding.summary) lines.push(`         ${finding.summary}`);
      for (const prompt of finding.prompts) lines.push(`         → ${prompt}`);
    }
  }
  return lines.join("\n");
}
