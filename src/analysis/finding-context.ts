import type { IsoDate } from "../dates.js";
import { hasLeft, NOBODY_DEPARTED, type DepartedPeople } from "./departed.js";
import type { Account } from "../input/account-schema.js";
import type { GoalAnalysis, RuleFinding } from "./rules/rule.js";

/**
 * The data a finding's templates can print. Everything a prompt may want to name — the goal, its
 * figures, its open and overdue tasks, the account's value — under stable, documented names
 * (see README "Writing templates").
 */
export interface AccountTextContext {
  account: { name: string; id: string | null; csm: string | null; segment: string | null };
  currency: string;
  asOf: IsoDate;
  renewal: IsoDate;
  daysToRenewal: number;
  arr: number;
  roi: number | null;
  realizedValue: number | null;
  plannedValue: number | null;
}

export function accountTextContext(
  account: Account,
  asOf: IsoDate,
  daysToRenewal: number,
  totals: { roi: number | null; realizedValue: number | null; plannedValue: number | null },
): AccountTextContext {
  return {
    account: {
      name: account.account.name,
      id: account.account.id ?? null,
      csm: account.account.csm ?? null,
      segment: account.account.segment ?? null,
    },
    currency: account.contract.currency,
    asOf,
    renewal: account.contract.renewal,
    daysToRenewal,
    arr: account.contract.arr,
    ...totals,
  };
}

/** `ownerLeft`: the goal's owner is a stakeholder who has left, so prompts ask who owns it now. */
export function goalTextContext({ goal, figures }: GoalAnalysis, departed: DepartedPeople = NOBODY_DEPARTED) {
  return {
    id: goal.id,
    title: goal.title,
    why: goal.why ?? null,
    owner: goal.owner ?? null,
    ownerLeft: hasLeft(goal.owner, departed),
    metric: goal.metric.name,
    unit: goal.metric.unit ?? "",
    baseline: goal.baseline,
    target: goal.target,
    status: figures.status,
    attainment: figures.attainment,
    expectedProgress: figures.expectedProgress,
    pace: figures.pace,
    projectedAttainment: figures.projectedAttainment,
    projected: figures.forecast?.projected ?? null,
    latest: figures.latestActual,
    plannedAtLatest: figures.plannedValueAtLatest,
    realizedValue: figures.realizedValue,
    plannedValue: figures.plannedValue,
    daysSinceLatest: figures.daysSinceLatestActual,
    tasks: {
      done: figures.tasks.done,
      total: figures.tasks.total,
      overdue: figures.tasks.overdueTasks,
      open: figures.tasks.openTasks,
      openNotOverdue: figures.tasks.openTasks.filter((task) => !figures.tasks.overdueTasks.includes(task)),
    },
  };
}

export type GoalTextContext = ReturnType<typeof goalTextContext>;

/** The goal a finding is about (if any) and the goals behind plan or unmeasured, as text contexts. */
export function findingGoals(
  finding: RuleFinding,
  goals: readonly GoalAnalysis[],
  departed: DepartedPeople = NOBODY_DEPARTED,
): { goal: GoalTextContext | null; goalsBehind: GoalTextContext[] } {
  const goalEntry = finding.goal ? goals.find((entry) => entry.goal.id === finding.goal) : undefined;
  const behind = goals.filter(({ figures }) => ["at-risk", "off-track", "no-data"].includes(figures.status));
  const context = (entry: GoalAnalysis) => goalTextContext(entry, departed);
  return { goal: goalEntry ? context(goalEntry) : null, goalsBehind: behind.map(context) };
}

/** What a finding's internal-voice templates (title, summary, internal prompts) can print. */
export function findingTextContext(
  finding: RuleFinding,
  base: AccountTextContext,
  goals: readonly GoalAnalysis[],
  departed: DepartedPeople = NOBODY_DEPARTED,
) {
  return {
    ...base,
    ...findingGoals(finding, goals, departed),
    evidence: finding.evidence,
    variant: finding.variant ?? null,
    goalsCount: goals.length,
  };
}
