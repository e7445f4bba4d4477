import type { IsoDate } from "../dates.js";
import type { Account } from "../input/account-schema.js";
import { hasLeft, NOBODY_DEPARTED, type DepartedPeople } from "./departed.js";
import { findingGoals, type AccountTextContext, type GoalTextContext } from "./finding-context.js";
import type { GoalAnalysis, RuleFinding } from "./rules/rule.js";

/**
 * The only data a customer-voice text can print: customer-voice prompts and every text of a
 * customer deck are rendered with these contexts. Each is an allow-list built field by field —
 * account name and CSM, contract figures, goal figures, tasks and titles — never a spread of a
 * wider object, so a field added to the internal contexts, a rule's evidence, a signal, a
 * severity, a rule name, a stated reason or an internal note cannot reach a customer deck, even
 * through a `--templates` folder that asks for it (`{{evidence.healthScore}}` prints nothing).
 */

type Task = Account["goals"][number]["tasks"][number];

export interface CustomerTask {
  title: string;
  due: IsoDate | null;
  done: boolean;
  owner: string | null;
}

export interface CustomerGoalContext {
  id: string;
  title: string;
  why: string | null;
  owner: string | null;
  metric: string;
  unit: string;
  baseline: { date: IsoDate; value: number };
  target: { date: IsoDate; value: number };
  attainment: number | null;
  expectedProgress: number | null;
  pace: number | null;
  projectedAttainment: number | null;
  projected: number | null;
  latest: { date: IsoDate; value: number } | null;
  plannedAtLatest: number | null;
  realizedValue: number | null;
  plannedValue: number | null;
  daysSinceLatest: number | null;
  tasks: {
    done: number;
    total: number;
    overdue: CustomerTask[];
    open: CustomerTask[];
    openNotOverdue: CustomerTask[];
  };
}

export interface CustomerTextContext {
  account: { name: string; csm: string | null };
  currency: string;
  asOf: IsoDate;
  renewal: IsoDate;
  daysToRenewal: number;
  arr: number;
  roi: number | null;
  realizedValue: number | null;
  plannedValue: number | null;
}

/** A finding's customer-voice prompts see the goal it is about, never the finding itself. */
export interface CustomerFindingContext extends CustomerTextContext {
  goal: CustomerGoalContext | null;
  goalsBehind: CustomerGoalContext[];
  goalsCount: number;
}

export { departedPeople, hasLeft, NOBODY_DEPARTED, type DepartedPeople } from "./departed.js";

const presentOwner = (name: string | null | undefined, departed: DepartedPeople): string | null =>
  name === null || name === undefined || hasLeft(name, departed) ? null : name;

export function customerTask(task: Task, departed: DepartedPeople = NOBODY_DEPARTED): CustomerTask {
  return {
    title: task.title,
    due: task.due ?? null,
    done: task.done,
    owner: presentOwner(task.owner, departed),
  };
}

const point = (value: { date: IsoDate; value: number }) => ({ date: value.date, value: value.value });

export function customerGoalContext(
  goal: GoalTextContext,
  departed: DepartedPeople = NOBODY_DEPARTED,
): CustomerGoalContext {
  const task = (item: Task) => customerTask(item, departed);
  return {
    id: goal.id,
    title: goal.title,
    why: goal.why,
    owner: presentOwner(goal.owner, departed),
    metric: goal.metric,
    unit: goal.unit,
    baseline: point(goal.baseline),
    target: point(goal.target),
    attainment: goal.attainment,
    expectedProgress: goal.expectedProgress,
    pace: goal.pace,
    projectedAttainment: goal.projectedAttainment,
    projected: goal.projected,
    latest: goal.latest ? point(goal.latest) : null,
    plannedAtLatest: goal.plannedAtLatest,
    realizedValue: goal.realizedValue,
    plannedValue: goal.plannedValue,
    daysSinceLatest: goal.daysSinceLatest,
    tasks: {
      done: goal.tasks.done,
      total: goal.tasks.total,
      overdue: goal.tasks.overdue.map(task),
      open: goal.tasks.open.map(task),
      openNotOverdue: goal.tasks.openNotOverdue.map(task),
    },
  };
}

export function customerTextContext(base: AccountTextContext): CustomerTextContext {
  return {
    account: { name: base.account.name, csm: base.account.csm },
    currency: base.currency,
    asOf: base.asOf,
    renewal: base.renewal,
    daysToRenewal: base.daysToRenewal,
    arr: base.arr,
    roi: base.roi,
    realizedValue: base.realizedValue,
    plannedValue: base.plannedValue,
  };
}

export function customerFindingContext(
  finding: RuleFinding,
  base: AccountTextContext,
  goals: readonly GoalAnalysis[],
  departed: DepartedPeople = NOBODY_DEPARTED,
): CustomerFindingContext {
  const { goal, goalsBehind } = findingGoals(finding, goals);
  return {
    ...customerTextContext(base),
    goal: goal ? customerGoalContext(goal, departed) : null,
    goalsBehind: goalsBehind.map((entry) => customerGoalContext(entry, departed)),
    goalsCount: goals.length,
  };
}
