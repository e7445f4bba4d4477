import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import {
  computeGoalFigures,
  DEFAULT_STATUS_THRESHOLDS,
  EPSILON,
  goalStatus,
  leastSquaresLine,
  planCurvePoints,
  planValueAt,
  progress,
  type GoalFigures,
  type GoalStatus,
  type StatusThresholds,
} from "../src/analysis/figures.js";
import { dayNumber, fromDayNumber, type IsoDate } from "../src/dates.js";
import {
  fractionArb,
  goalCaseArb,
  goalFromRaw,
  mirrorGoal,
  type GoalCase,
  type RawGoal,
  type RawPoint,
} from "./helpers/arbitraries.js";

/**
 * Property-based tests of SPEC §2 (the figures). Goals are random but valid (built through the
 * account schema): random dates and values, both directions, plan points strictly between
 * baseline and target, actuals before, during and after the goal's span. fast-check prints the
 * seed and the shrunk counterexample of any failure; rerun one with `{ seed, path }` in fc.assert.
 */

/** Runs per property; QBR_PROPERTY_RUNS=20000 for a deeper search (fast-check prints the seed of a failure). */
const RUNS = Number(process.env.QBR_PROPERTY_RUNS ?? 300);
// a deeper search takes longer than vitest's default timeout
vi.setConfig({ testTimeout: Math.max(60_000, RUNS * 10) });
/** Relative tolerance for figures that go through a few floating-point operations. */
const TOLERANCE = 1e-9;

function expectClose(
  actual: number | null | undefined,
  expected: number | null | undefined,
  tolerance = TOLERANCE,
) {
  if (expected === null || expected === undefined) {
    expect(actual ?? null).toBeNull();
    return;
  }
  expect(actual).toBeTypeOf("number");
  if (!Number.isFinite(expected)) {
    // e.g. a pace of Infinity when expectedProgress underflows to the smallest subnormal
    expect(actual).toBe(expected);
    return;
  }
  const scale = Math.max(1, Math.abs(expected), Math.abs(actual as number));
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(tolerance * scale);
}

const span = (gc: GoalCase) => gc.targetDay - gc.baselineDay;
const date = (day: number): IsoDate => fromDayNumber(day);
const withActuals = (raw: RawGoal, actuals: RawPoint[]) => goalFromRaw({ ...raw, actuals });

describe("attainment is 0 at the baseline and 1 at the target", () => {
  describe.each(["increase", "decrease"] as const)("%s goals", (direction) => {
    it("progress(b) = 0 and progress(t) = 1 exactly", () => {
      fc.assert(
        fc.property(goalCaseArb({ direction }), ({ goal }) => {
          expect(goal.target.value > goal.baseline.value).toBe(direction === "increase");
          expect(Math.abs(progress(goal, goal.baseline.value))).toBe(0);
          expect(progress(goal, goal.target.value)).toBe(1);
        }),
        { numRuns: RUNS },
      );
    });

    it("a latest actual at b gives attainment 0; at t attainment 1, achieved, all value realized", () => {
      fc.assert(
        fc.property(
          goalCaseArb({ direction, withValue: true }).chain((gc) =>
            fc.record({
              gc: fc.constant(gc),
              day: fc.integer({ min: gc.baselineDay, max: gc.targetDay + 30 }),
              delay: fc.nat({ max: 100 }),
            }),
          ),
          ({ gc, day, delay }) => {
            const asOf = date(day + delay);
            const atBaseline = computeGoalFigures(
              withActuals(gc.raw, [{ date: date(day), value: gc.raw.baseline.value }]),
              asOf,
            );
            expect(Math.abs(atBaseline.attainment!)).toBe(0);
            expect(atBaseline.status).not.toBe("achieved");
            expect(atBaseline.realizedValue).toBe(0);

            const atTarget = computeGoalFigures(
              withActuals(gc.raw, [{ date: date(day), value: gc.raw.target.value }]),
              asOf,
            );
            expect(atTarget.attainment).toBe(1);
            expect(atTarget.status).toBe("achieved");
            expect(atTarget.realizedValue).toBe(atTarget.plannedValue);
          },
        ),
        { numRuns: RUNS },
      );
    });
  });
});

describe("mirroring a goal (every value negated, increase ↔ decrease)", () => {
  it("leaves attainment, expectedProgress, pace, status, projectedAttainment and value unchanged", () => {
    fc.assert(
      fc.property(goalCaseArb(), ({ raw, goal, asOf }) => {
        const mirrored = goalFromRaw(mirrorGoal(raw));
        expect(mirrored.target.value > mirrored.baseline.value).toBe(goal.target.value < goal.baseline.value);
        const figures = computeGoalFigures(goal, asOf);
        const mirror = computeGoalFigures(mirrored, asOf);
        expect(mirror.status).toBe(figures.status);
        expect(mirror.latestActual?.date).toBe(figures.latestActual?.date);
        for (const key of [
          "attainment",
          "expectedProgress",
          "pace",
          "projectedAttainment",
          "realizedValue",
          "plannedValue",
        ] as const) {
          expectClose(mirror[key], figures[key]);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe("a latest actual on or ahead of the plan curve (in the goal's direction)", () => {
  it("is on track or achieved, with pace ≥ 1 when pace is defined", () => {
    fc.assert(
      fc.property(
        goalCaseArb({ maxActuals: 4 }).chain((gc) =>
          fc.record({
            gc: fc.constant(gc),
            day: fc.integer({ min: gc.baselineDay, max: gc.targetDay + 60 }),
            ahead: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 2, noNaN: true })),
            delay: fc.nat({ max: 200 }),
            later: fc.uniqueArray(fc.tuple(fc.integer({ min: 1, max: 400 }), fractionArb), {
              maxLength: 3,
              selector: ([after]) => after,
            }),
          }),
        ),
        ({ gc, day, ahead, delay, later }) => {
          const { raw, goal } = gc;
          const b = raw.baseline.value;
          const t = raw.target.value;
          const onPlan = planValueAt(goal, date(day));
          const asOfDay = day + delay;
          const actuals = [
            ...raw.actuals.filter((point) => dayNumber(point.date) < day),
            { date: date(day), value: onPlan + (t - b) * ahead },
            ...later.map(([after, fraction]) => ({
              date: date(asOfDay + after),
              value: b + (t - b) * fraction,
            })),
          ];
          const figures = computeGoalFigures(withActuals(raw, actuals), date(asOfDay));
          expect(figures.latestActual?.date).toBe(date(day));
          expect(["on-track", "achieved"]).toContain(figures.status);
          if (figures.pace !== null) expect(figures.pace).toBeGreaterThanOrEqual(1 - EPSILON);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe("forecast", () => {
  it("of actuals lying exactly on a line through the baseline hits that line at the target date", () => {
    fc.assert(
      fc.property(
        goalCaseArb({ maxActuals: 0 }).chain((gc) =>
          fc.record({
            gc: fc.constant(gc),
            /** where the line is at the target date, on the goal's scale (1 = exactly on target) */
            reach: fc.oneof(fc.constantFrom(0, 1, 0.5, -0.5, 2), fc.double({ min: -2, max: 3, noNaN: true })),
            offsets: fc
              .uniqueArray(fc.integer({ min: 0, max: span(gc) + 60 }), { minLength: 1, maxLength: 8 })
              .filter((offsets) => offsets.some((offset) => offset !== 0)),
            delay: fc.nat({ max: 400 }),
          }),
        ),
        ({ gc, reach, offsets, delay }) => {
          const { raw, baselineDay, targetDay } = gc;
          const b = raw.baseline.value;
          const t = raw.target.value;
          const slope = ((t - b) * reach) / span(gc);
          const line = (day: number) => b + slope * (day - baselineDay);
          const actuals = offsets.map((offset) => ({
            date: date(baselineDay + offset),
            value: line(baselineDay + offset),
          }));
          const asOfDay = baselineDay + Math.max(...offsets) + delay;
          const figures = computeGoalFigures(withActuals(raw, actuals), date(asOfDay));
          const forecast = figures.forecast!;
          const scale = Math.max(Math.abs(b), Math.abs(t - b) * (1 + Math.abs(reach)));
          expect(Math.abs(forecast.projected - line(targetDay))).toBeLessThanOrEqual(
            TOLERANCE * Math.max(1, scale),
          );
          expect(Math.abs(forecast.valueAtBaseline - b)).toBeLessThanOrEqual(TOLERANCE * Math.max(1, scale));
          expect(Math.abs(forecast.slopePerDay - slope)).toBeLessThanOrEqual(
            (TOLERANCE * Math.max(1, scale)) / span(gc),
          );
          if (targetDay > asOfDay) {
            expect(Math.abs(figures.projectedAttainment! - reach)).toBeLessThanOrEqual(
              (TOLERANCE * Math.max(1, scale)) / Math.abs(t - b),
            );
          } else {
            expect(figures.projectedAttainment).toBe(figures.attainment);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("leastSquaresLine reproduces any line through two or more distinct days", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: dayNumber("2015-01-01"), max: dayNumber("2035-12-31") }), {
          minLength: 2,
          maxLength: 12,
        }),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: -1e4, max: 1e4, noNaN: true }),
        fc.integer({ min: dayNumber("2015-01-01"), max: dayNumber("2035-12-31") }),
        (days, intercept, slope, probe) => {
          const origin = days[0]!;
          const line = (day: number) => intercept + slope * (day - origin);
          const fit = leastSquaresLine(days.map((day) => ({ date: date(day), value: line(day) })));
          const scale = Math.max(1, Math.abs(intercept), Math.abs(slope) * 8000);
          expect(Math.abs(fit.valueAt(date(probe)) - line(probe))).toBeLessThanOrEqual(TOLERANCE * scale);
          expect(Math.abs(fit.slopePerDay - slope)).toBeLessThanOrEqual(TOLERANCE * scale);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

const thresholdsArb: fc.Arbitrary<StatusThresholds> = fc.oneof(
  fc.constant(DEFAULT_STATUS_THRESHOLDS),
  fc
    .tuple(fc.double({ min: 0.01, max: 2, noNaN: true }), fc.double({ min: 0.01, max: 2, noNaN: true }))
    .filter(([x, y]) => Math.abs(x - y) > 1e-4)
    .map(([x, y]) => ({ onTrackPace: Math.max(x, y), atRiskPace: Math.min(x, y) })),
);

/** Far enough below a threshold to be below it, far closer than any real pace difference. */
const JUST_BELOW = 1e-6;

describe("status thresholds at their boundaries", () => {
  it("goalStatus: pace exactly at a threshold reaches it, just below does not", () => {
    fc.assert(
      fc.property(
        thresholdsArb,
        fc.double({ min: -1, max: 1 - 1e-6, noNaN: true }),
        fc.option(fc.double({ min: -5, max: 5, noNaN: true })),
        (thresholds, attainment, anyPace) => {
          const { onTrackPace, atRiskPace } = thresholds;
          expect(goalStatus(attainment, onTrackPace, thresholds)).toBe("on-track");
          expect(goalStatus(attainment, onTrackPace - JUST_BELOW, thresholds)).toBe("at-risk");
          expect(goalStatus(attainment, atRiskPace, thresholds)).toBe("at-risk");
          expect(goalStatus(attainment, atRiskPace - JUST_BELOW, thresholds)).toBe("off-track");
          // The documented tolerance: 0.8999999999 in floating point counts as 0.9.
          expect(goalStatus(attainment, onTrackPace - EPSILON / 2, thresholds)).toBe("on-track");
          expect(goalStatus(attainment, atRiskPace - EPSILON / 2, thresholds)).toBe("at-risk");
          expect(goalStatus(attainment, null, thresholds)).toBe("on-track");
          expect(goalStatus(null, anyPace, thresholds)).toBe("no-data");
          expect(goalStatus(1, anyPace, thresholds)).toBe("achieved");
          expect(goalStatus(1 - EPSILON / 2, anyPace, thresholds)).toBe("achieved");
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("computeGoalFigures: an actual whose pace is exactly a threshold (or just below) gets that status", () => {
    const boundaries = ["on-track", "just-below-on-track", "at-risk", "just-below-at-risk"] as const;
    const expected: Record<(typeof boundaries)[number], GoalStatus> = {
      "on-track": "on-track",
      "just-below-on-track": "at-risk",
      "at-risk": "at-risk",
      "just-below-at-risk": "off-track",
    };
    fc.assert(
      fc.property(
        goalCaseArb({ maxActuals: 0 }).chain((gc) =>
          fc.record({
            gc: fc.constant(gc),
            day: fc.integer({ min: gc.baselineDay + 1, max: gc.targetDay + 60 }),
            delay: fc.nat({ max: 100 }),
            thresholds: thresholdsArb,
            boundary: fc.constantFrom(...boundaries),
          }),
        ),
        ({ gc, day, delay, thresholds, boundary }) => {
          const { raw, goal } = gc;
          const b = raw.baseline.value;
          const t = raw.target.value;
          const expectedProgress = progress(goal, planValueAt(goal, date(day)));
          const pace = {
            "on-track": thresholds.onTrackPace,
            "just-below-on-track": thresholds.onTrackPace - JUST_BELOW,
            "at-risk": thresholds.atRiskPace,
            "just-below-at-risk": thresholds.atRiskPace - JUST_BELOW,
          }[boundary];
          fc.pre(expectedProgress >= 0.05 && expectedProgress * pace < 1 - 1e-6);
          const value = b + (t - b) * expectedProgress * pace;
          const figures = computeGoalFigures(
            withActuals(raw, [{ date: date(day), value }]),
            date(day + delay),
            thresholds,
          );
          expectClose(figures.pace, pace);
          expect(figures.status).toBe(expected[boundary]);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe("realized value", () => {
  it("is never negative, never exceeds planned value when attainment ≤ 1, and is max(0, attainment) × planned", () => {
    fc.assert(
      fc.property(goalCaseArb({ withValue: true }), ({ raw, goal, asOf }) => {
        const figures = computeGoalFigures(goal, asOf);
        const perUnit = raw.value!.perUnit;
        expectClose(figures.plannedValue, Math.abs(raw.target.value - raw.baseline.value) * perUnit);
        if (figures.attainment === null) {
          expect(figures.realizedValue).toBeNull();
          return;
        }
        const realized = figures.realizedValue!;
        const planned = figures.plannedValue!;
        expect(realized).toBeGreaterThanOrEqual(0);
        if (figures.attainment <= 1) expect(realized).toBeLessThanOrEqual(planned * (1 + 1e-12));
        expectClose(realized, Math.max(0, figures.attainment) * planned);
      }),
      { numRuns: RUNS },
    );
  });

  it("is null for a goal without value.perUnit", () => {
    fc.assert(
      fc.property(goalCaseArb({ withValue: false }), ({ goal, asOf }) => {
        const figures = computeGoalFigures(goal, asOf);
        expect(figures.realizedValue).toBeNull();
        expect(figures.plannedValue).toBeNull();
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  });
});

describe("actuals after asOf", () => {
  it("never change any figure, wherever they appear in the list", () => {
    fc.assert(
      fc.property(
        goalCaseArb().chain((gc) =>
          fc.record({
            gc: fc.constant(gc),
            later: fc.uniqueArray(
              fc.record({
                after: fc.integer({ min: 1, max: 800 }),
                fraction: fractionArb,
                position: fc.nat(),
              }),
              { minLength: 1, maxLength: 5, selector: ({ after }) => after },
            ),
          }),
        ),
        ({ gc, later }) => {
          const { raw, asOf } = gc;
          const actuals = [...raw.actuals];
          for (const { after, fraction, position } of later) {
            const value = raw.baseline.value + (raw.target.value - raw.baseline.value) * fraction;
            const laterDate = date(dayNumber(asOf) + after);
            // the loader refuses a second actual on one date and one before the baseline: skip those
            if (laterDate < raw.baseline.date || actuals.some((actual) => actual.date === laterDate))
              continue;
            actuals.splice(position % (actuals.length + 1), 0, { date: laterDate, value });
          }
          const withLater: GoalFigures = computeGoalFigures(withActuals(raw, actuals), asOf);
          expect(withLater).toEqual(computeGoalFigures(gc.goal, asOf));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("the order in which actuals with distinct dates are listed does not matter", () => {
    fc.assert(
      fc.property(
        goalCaseArb({ minActuals: 2 }).chain((gc) =>
          fc.record({
            gc: fc.constant(gc),
            order: fc.shuffledSubarray(gc.raw.actuals, { minLength: gc.raw.actuals.length }),
          }),
        ),
        ({ gc, order }) => {
          expect(computeGoalFigures(withActuals(gc.raw, order), gc.asOf)).toEqual(
            computeGoalFigures(gc.goal, gc.asOf),
          );
        },
      ),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  });
});

describe("plan curve", () => {
  it("passes through its points, is b before the baseline and t after the target, and is monotone between consecutive points", () => {
    fc.assert(
      fc.property(
        goalCaseArb({ maxActuals: 0 }).chain((gc) =>
          fc.record({
            gc: fc.constant(gc),
            probes: fc.uniqueArray(fc.integer({ min: -40, max: span(gc) + 40 }), {
              minLength: 1,
              maxLength: 40,
            }),
          }),
        ),
        ({ gc, probes }) => {
          const { goal, baselineDay } = gc;
          const curve = planCurvePoints(goal);
          expect(planValueAt(goal, goal.baseline.date)).toBe(goal.baseline.value);
          expect(planValueAt(goal, goal.target.date)).toBe(goal.target.value);
          // A plan point is reached as left + (right − left) × 1, which can be one ulp off (a + (b − a) ≠ b
          // for ~14% of random doubles), so "through its points" holds to the segment's rounding.
          curve.forEach((point, index) => {
            const neighbours = [curve[index - 1], point, curve[index + 1]].map((p) =>
              Math.abs(p?.value ?? 0),
            );
            const ulps = 4 * Number.EPSILON * Math.max(...neighbours);
            expect(Math.abs(planValueAt(goal, point.date) - point.value)).toBeLessThanOrEqual(ulps);
          });
          const days = probes.map((offset) => baselineDay + offset).sort((x, y) => x - y);
          let previous: { day: number; value: number; segment: number } | null = null;
          for (const day of days) {
            const value = planValueAt(goal, date(day));
            if (day <= baselineDay) expect(value).toBe(goal.baseline.value);
            if (day >= gc.targetDay) expect(value).toBe(goal.target.value);
            // the segment [curve[segment], curve[segment + 1]] holding the day
            const segment = curve.findIndex((point, index) => {
              const next = curve[index + 1];
              return next !== undefined && dayNumber(point.date) <= day && day <= dayNumber(next.date);
            });
            if (segment < 0) {
              previous = null;
              continue;
            }
            const left = curve[segment]!.value;
            const right = curve[segment + 1]!.value;
            expect(value).toBeGreaterThanOrEqual(
              Math.min(left, right) - 1e-9 * Math.max(1, Math.abs(left), Math.abs(right)),
            );
            expect(value).toBeLessThanOrEqual(
              Math.max(left, right) + 1e-9 * Math.max(1, Math.abs(left), Math.abs(right)),
            );
            if (previous && previous.segment === segment) {
              if (right >= left) expect(value).toBeGreaterThanOrEqual(previous.value);
              else expect(value).toBeLessThanOrEqual(previous.value);
            }
            previous = { day, value, segment };
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});

/**
 * An independent, literal reading of SPEC §2: the plan curve by searching its segments, the
 * forecast by the normal equations with x in days since the baseline.
 */
function referenceFigures(raw: RawGoal, asOf: IsoDate, thresholds = DEFAULT_STATUS_THRESHOLDS) {
  const b = raw.baseline.value;
  const t = raw.target.value;
  const progressOf = (value: number) => (value - b) / (t - b);
  const x0 = dayNumber(raw.baseline.date);
  const curve = [
    raw.baseline,
    ...[...raw.plan].sort((p, q) => dayNumber(p.date) - dayNumber(q.date)),
    raw.target,
  ].map((point) => ({ x: dayNumber(point.date) - x0, y: point.value }));
  const plan = (x: number): number => {
    if (x <= curve[0]!.x) return b;
    if (x >= curve[curve.length - 1]!.x) return t;
    for (let index = 0; index + 1 < curve.length; index++) {
      const left = curve[index]!;
      const right = curve[index + 1]!;
      if (left.x <= x && x <= right.x)
        return left.y + ((right.y - left.y) * (x - left.x)) / (right.x - left.x);
    }
    throw new Error("unreachable");
  };
  const used = raw.actuals.filter((point) => point.date <= asOf);
  if (used.length === 0) return null;
  const latest = used.reduce((best, point) => (point.date > best.date ? point : best));
  const attainment = progressOf(latest.value);
  const expectedProgress = progressOf(plan(dayNumber(latest.date) - x0));
  const pace = expectedProgress > 0 ? attainment / expectedProgress : null;
  const status: GoalStatus =
    attainment >= 1
      ? "achieved"
      : pace === null || pace >= thresholds.onTrackPace
        ? "on-track"
        : pace >= thresholds.atRiskPace
          ? "at-risk"
          : "off-track";
  const points = [
    { x: 0, y: b },
    ...used.map((point) => ({ x: dayNumber(point.date) - x0, y: point.value })),
  ];
  const n = points.length;
  const sx = points.reduce((sum, p) => sum + p.x, 0);
  const sy = points.reduce((sum, p) => sum + p.y, 0);
  const sxx = points.reduce((sum, p) => sum + p.x * p.x, 0);
  const sxy = points.reduce((sum, p) => sum + p.x * p.y, 0);
  const denominator = n * sxx - sx * sx;
  const slope = denominator === 0 ? 0 : (n * sxy - sx * sy) / denominator;
  const intercept = (sy - slope * sx) / n;
  const targetX = dayNumber(raw.target.date) - x0;
  const projected = intercept + slope * targetX;
  const projectedAttainment = raw.target.date <= asOf ? attainment : progressOf(projected);
  return { latest, attainment, expectedProgress, pace, status, projected, projectedAttainment };
}

describe("agreement with a literal reading of SPEC §2", () => {
  it("latest actual, attainment, expectedProgress, pace, status and forecast match the reference", () => {
    fc.assert(
      fc.property(goalCaseArb(), ({ raw, goal, asOf }) => {
        const figures = computeGoalFigures(goal, asOf);
        const reference = referenceFigures(raw, asOf);
        if (reference === null) {
          expect(figures.status).toBe("no-data");
          expect(figures.attainment).toBeNull();
          expect(figures.forecast).toBeNull();
          return;
        }
        expect(figures.latestActual).toEqual(reference.latest);
        expect(figures.daysSinceLatestActual).toBe(dayNumber(asOf) - dayNumber(reference.latest.date));
        expectClose(figures.attainment, reference.attainment);
        expectClose(figures.expectedProgress, reference.expectedProgress);
        expectClose(figures.pace, reference.pace, 1e-7);
        const nearBoundary =
          Math.abs(reference.attainment - 1) < 1e-7 ||
          (reference.pace !== null &&
            [DEFAULT_STATUS_THRESHOLDS.onTrackPace, DEFAULT_STATUS_THRESHOLDS.atRiskPace].some(
              (threshold) => Math.abs(reference.pace! - threshold) < 1e-7,
            ));
        if (!nearBoundary) expect(figures.status).toBe(reference.status);
        const scale = Math.max(1, Math.abs(reference.projected), Math.abs(raw.baseline.value));
        expect(Math.abs(figures.forecast!.projected - reference.projected)).toBeLessThanOrEqual(1e-8 * scale);
        expectClose(
          figures.projectedAttainment,
          reference.projectedAttainment,
          (1e-8 * scale) / Math.abs(raw.target.value - raw.baseline.value),
        );
      }),
      { numRuns: RUNS },
    );
  });
});
