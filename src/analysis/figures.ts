import type { DataPoint, Goal, Task, ValuePeriod } from "../input/account-schema.js";
import { dayNumber, daysBetween, type IsoDate } from "../dates.js";

/**
 * The figures of SPEC §2, per goal, computed at `asOf`. Pure functions of their arguments.
 * Comparisons against thresholds allow a tiny tolerance so that a pace of exactly 0.9 in real
 * arithmetic (0.8999999999 in floating point) counts as 0.9.
 */

export type GoalStatus = "achieved" | "on-track" | "at-risk" | "off-track" | "no-data";

export const EPSILON = 1e-9;

export interface StatusThresholds {
  /** pace at or above which a goal is on track */
  onTrackPace: number;
  /** pace at or above which a goal is at risk (below: off track) */
  atRiskPace: number;
}

export const DEFAULT_STATUS_THRESHOLDS: StatusThresholds = { onTrackPace: 0.9, atRiskPace: 0.7 };

export interface Forecast {
  /** value per day of the least-squares line */
  slopePerDay: number;
  /** the line's value on the baseline date */
  valueAtBaseline: number;
  projected: number;
  projectedAttainment: number;
}

export interface TaskFigures {
  done: number;
  total: number;
  overdue: number;
  openTasks: Task[];
  overdueTasks: Task[];
}

/** How many of each `value.per` period make a year: a rate goal's value is annualised (issue 12 §2). */
export const PERIODS_PER_YEAR: Readonly<Record<ValuePeriod, number>> = {
  once: 1,
  week: 52,
  month: 12,
  quarter: 4,
  year: 1,
};

/** The money basis of a goal's value, as `analyze --json` reports it. */
export interface ValueBasis {
  perUnit: number;
  per: ValuePeriod;
  /** The factor realized and planned value carry: PERIODS_PER_YEAR[per]. */
  periodsPerYear: number;
}

export function valueBasis(goal: Goal): ValueBasis | null {
  if (!goal.value) return null;
  const per = goal.value.per ?? "once";
  return { perUnit: goal.value.perUnit, per, periodsPerYear: PERIODS_PER_YEAR[per] };
}

export interface GoalFigures {
  latestActual: DataPoint | null;
  /** Actuals on or before asOf, in date order (the data the figures use). */
  actualsUsed: DataPoint[];
  attainment: number | null;
  expectedProgress: number | null;
  /** P(A.date): the value the plan expected on the latest actual's date. */
  plannedValueAtLatest: number | null;
  pace: number | null;
  status: GoalStatus;
  forecast: Forecast | null;
  projectedAttainment: number | null;
  /** max(0, (A − b) × sign(t − b)) × perUnit × periodsPerYear: a year's worth for a rate goal. */
  realizedValue: number | null;
  /** |t − b| × perUnit × periodsPerYear. */
  plannedValue: number | null;
  valueBasis: ValueBasis | null;
  /** asOf − latest actual date, in days. */
  daysSinceLatestActual: number | null;
  tasks: TaskFigures;
}

/** Fraction of the way from baseline to target; works for both directions. */
export function progress(goal: Goal, value: number): number {
  const b = goal.baseline.value;
  const t = goal.target.value;
  return (value - b) / (t - b);
}

/** The plan's points in date order, from (baseline) through the plan to (target). */
export function planCurvePoints(goal: Goal): DataPoint[] {
  const plan = [...goal.plan].sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
  return [goal.baseline, ...plan, goal.target];
}

/** P(d): piecewise-linear through the plan curve; b before the baseline, t after the target. */
export function planValueAt(goal: Goal, date: IsoDate): number {
  const points = planCurvePoints(goal);
  const first = points[0]!;
  const last = points[points.length - 1]!;
  if (date <= first.date) return first.value;
  if (date >= last.date) return last.value;
  for (let index = 1; index < points.length; index++) {
    const right = points[index]!;
    if (date > right.date) continue;
    const left = points[index - 1]!;
    const span = daysBetween(left.date, right.date);
    if (span === 0) return right.value;
    const fraction = daysBetween(left.date, date) / span;
    return left.value + (right.value - left.value) * fraction;
  }
  return last.value;
}

/** Actuals dated on or before asOf, sorted by date (stable for equal dates). */
export function actualsUpTo(goal: Goal, asOf: IsoDate): DataPoint[] {
  return goal.actuals
    .map((point, order) => ({ point, order }))
    .filter(({ point }) => point.date <= asOf)
    .sort((x, y) => (x.point.date < y.point.date ? -1 : x.point.date > y.point.date ? 1 : x.order - y.order))
    .map(({ point }) => point);
}

export function goalStatus(
  attainment: number | null,
  pace: number | null,
  thresholds: StatusThresholds = DEFAULT_STATUS_THRESHOLDS,
): GoalStatus {
  if (attainment === null) return "no-data";
  if (attainment >= 1 - EPSILON) return "achieved";
  if (pace === null || pace >= thresholds.onTrackPace - EPSILON) return "on-track";
  if (pace >= thresholds.atRiskPace - EPSILON) return "at-risk";
  return "off-track";
}

/**
 * Least-squares line through (baseline.date, b) and every actual ≤ asOf, x in days. When all
 * points share one date the slope is undefined; the line is then flat at their mean.
 */
export function leastSquaresLine(points: DataPoint[]): {
  slopePerDay: number;
  valueAt: (date: IsoDate) => number;
} {
  const xs = points.map((point) => dayNumber(point.date));
  const ys = points.map((point) => point.value);
  const meanX = xs.reduce((sum, x) => sum + x, 0) / xs.length;
  const meanY = ys.reduce((sum, y) => sum + y, 0) / ys.length;
  let covariance = 0;
  let variance = 0;
  for (let index = 0; index < xs.length; index++) {
    covariance += (xs[index]! - meanX) * (ys[index]! - meanY);
    variance += (xs[index]! - meanX) ** 2;
  }
  const slopePerDay = variance === 0 ? 0 : covariance / variance;
  return { slopePerDay, valueAt: (date) => meanY + slopePerDay * (dayNumber(date) - meanX) };
}

export function goalForecast(
  goal: Goal,
  actualsUsed: DataPoint[],
  asOf: IsoDate,
  attainment: number | null,
): Forecast | null {
  if (actualsUsed.length === 0 || attainment === null) return null;
  const line = leastSquaresLine([goal.baseline, ...actualsUsed]);
  const projected = line.valueAt(goal.target.date);
  const projectedAttainment = goal.target.date <= asOf ? attainment : progress(goal, projected);
  return {
    slopePerDay: line.slopePerDay,
    valueAtBaseline: line.valueAt(goal.baseline.date),
    projected,
    projectedAttainment,
  };
}

export function taskFigures(tasks: Task[], asOf: IsoDate): TaskFigures {
  const openTasks = tasks.filter((task) => !task.done);
  const overdueTasks = openTasks.filter((task) => task.due !== undefined && task.due < asOf);
  return {
    done: tasks.length - openTasks.length,
    total: tasks.length,
    overdue: overdueTasks.length,
    openTasks,
    overdueTasks,
  };
}

export function computeGoalFigures(
  goal: Goal,
  asOf: IsoDate,
  thresholds: StatusThresholds = DEFAULT_STATUS_THRESHOLDS,
): GoalFigures {
  const actualsUsed = actualsUpTo(goal, asOf);
  const latestActual = actualsUsed[actualsUsed.length - 1] ?? null;
  const b = goal.baseline.value;
  const t = goal.target.value;
  const basis = valueBasis(goal);
  // perUnit × periodsPerYear, multiplied last so that a `once` goal's figures are bit-for-bit
  // what they were before the basis existed.
  const moneyOf = (units: number) => (basis === null ? null : units * basis.perUnit * basis.periodsPerYear);
  const plannedValue = moneyOf(Math.abs(t - b));

  if (!latestActual) {
    return {
      latestActual: null,
      actualsUsed,
      attainment: null,
      expectedProgress: null,
      plannedValueAtLatest: null,
      pace: null,
      status: "no-data",
      forecast: null,
      projectedAttainment: null,
      realizedValue: null,
      plannedValue,
      valueBasis: basis,
      daysSinceLatestActual: null,
      tasks: taskFigures(goal.tasks, asOf),
    };
  }

  const attainment = progress(goal, latestActual.value);
  const plannedValueAtLatest = planValueAt(goal, latestActual.date);
  const expectedProgress = progress(goal, plannedValueAtLatest);
  const pace = expectedProgress > 0 ? attainment / expectedProgress : null;
  const forecast = goalForecast(goal, actualsUsed, asOf, attainment);
  const realizedValue = moneyOf(Math.max(0, (latestActual.value - b) * Math.sign(t - b)));
  return {
    latestActual,
    actualsUsed,
    attainment,
    expectedProgress,
    plannedValueAtLatest,
    pace,
    status: goalStatus(attainment, pace, thresholds),
    forecast,
    projectedAttainment: forecast?.projectedAttainment ?? null,
    realizedValue,
    plannedValue,
    valueBasis: basis,
    daysSinceLatestActual: daysBetween(latestActual.date, asOf),
    tasks: taskFigures(goal.tasks, asOf),
  };
}
