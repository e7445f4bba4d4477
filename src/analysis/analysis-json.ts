import type { Analysis } from "./analyse-account.js";

/** The object `qbr analyze --json` prints (SPEC §4): unrounded numbers, dates as YYYY-MM-DD. */
export function analysisToJson(analysis: Analysis) {
  const { account } = analysis;
  return {
    account: { name: account.account.name, id: account.account.id ?? null },
    asOf: analysis.asOf,
    renewal: account.contract.renewal,
    riskLevel: analysis.riskLevel,
    riskScore: analysis.riskScore,
    valueRealization: analysis.valueRealization,
    goals: analysis.goals.map(({ goal, figures }) => ({
      id: goal.id,
      title: goal.title,
      status: figures.status,
      attainment: figures.attainment,
      expectedProgress: figures.expectedProgress,
      pace: figures.pace,
      projectedAttainment: figures.projectedAttainment,
      realizedValue: figures.realizedValue,
      plannedValue: figures.plannedValue,
      valueBasis: figures.valueBasis,
      tasks: { done: figures.tasks.done, total: figures.tasks.total, overdue: figures.tasks.overdue },
    })),
    findings: analysis.findings.map((finding) => ({
      rule: finding.rule,
      severity: finding.severity,
      goal: finding.goal,
      title: finding.title,
      evidence: finding.evidence,
      prompts: finding.prompts,
      summary: finding.summary,
      play: finding.play,
      customerPrompts: finding.customerPrompts,
    })),
  };
}

export type AnalysisJson = ReturnType<typeof analysisToJson>;
