import { describe, expect, it } from "vitest";
import {
  computeGoalFigures,
  goalStatus,
  leastSquaresLine,
  planValueAt,
  progress,
} from "../src/analysis/figures.js";
import { analyse, makeAccount, makeGoal, SPEC_GOAL, baseAccountData } from "./helpers/accounts.js";

describe("SPEC §2 worked example (backlog goal at 2025-09-30)", () => {
  const goal = makeGoal(SPEC_GOAL as never);
  const figures = computeGoalFigures(goal, "2025-09-30");

  it("computes attainment, expected progress and pace", () => {
    expect(figures.attainment).toBeCloseTo(380 / 900, 10); // 0.4222
    expect(figures.expectedProgress).toBeCloseTo(700 / 900, 10); // 0.7778
    expect(figures.pace).toBeCloseTo(380 / 700, 10); // 0.5429
    expect(figures.attainment!.toFixed(4)).toBe("0.4222");
    expect(figures.pace!.toFixed(4)).toBe("0.5429");
    expect(figures.status).toBe("off-track");
  });

  it("forecasts with the least-squares line through baseline and actuals", () => {
    expect(figures.forecast!.projected).toBeCloseTo(658.8, 1);
    expect(figures.projectedAttainment!.toFixed(4)).toBe("0.6013");
  });

  it("computes realized and planned value and tasks", () => {
    expect(figures.realizedValue).toBe(57000);
    expect(figures.plannedValue).toBe(135000);
    expect({ done: figures.tasks.done, total: figures.tasks.total, overdue: figures.tasks.overdue }).toEqual({
      done: 1,
      total: 2,
      overdue: 1,
    });
  });
});

describe("plan curve", () => {
  const goal = makeGoal(SPEC_GOAL as never);
  it("is b before the baseline, t after the target, and linear between points", () => {
    expect(planValueAt(goal, "2024-12-01")).toBe(1200);
    expect(planValueAt(goal, "2026-02-01")).toBe(300);
    expect(planValueAt(goal, "2025-06-30")).toBe(700);
    // 2025-08-15 is 46 of the 92 days from 06-30 (700) to 09-30 (500): 700 − 200 × 46/92 = 600
    expect(planValueAt(goal, "2025-08-15")).toBeCloseTo(600, 10);
  });

  it("sorts plan points given out of order", () => {
    const shuffled = makeGoal({ ...SPEC_GOAL, plan: [...SPEC_GOAL.plan].reverse() } as never);
    expect(planValueAt(shuffled, "2025-08-15")).toBeCloseTo(600, 10);
  });

  it("is a straight line from baseline to target without a plan", () => {
    const goal = makeGoal({ plan: [] } as never); // 0 on 2025-01-01 → 100 on 2025-12-31 (364 days)
    expect(planValueAt(goal, "2025-07-02")).toBeCloseTo((182 / 364) * 100, 10);
  });
});

describe("goal figures in both directions", () => {
  it("increase: attainment, pace and realized value", () => {
    // baseline 0 → target 100 over 364 days; actual 75 on 2025-09-15 (257 days in) → plan 70.6
    const goal = makeGoal({ value: { perUnit: 10 } } as never);
    const figures = computeGoalFigures(goal, "2025-09-30");
    expect(figures.attainment).toBe(0.75);
    expect(figures.expectedProgress).toBeCloseTo(257 / 364, 10);
    expect(figures.pace).toBeCloseTo(0.75 / (257 / 364), 10);
    expect(figures.status).toBe("on-track");
    expect(figures.realizedValue).toBe(750);
    expect(figures.plannedValue).toBe(1000);
  });

  it("decrease: a result that went the wrong way has negative attainment and no realized value", () => {
    const goal = makeGoal({
      baseline: { date: "2025-01-01", value: 50 },
      target: { date: "2025-12-31", value: 10 },
      actuals: [{ date: "2025-06-30", value: 60 }],
      value: { perUnit: 100 },
    } as never);
    const figures = computeGoalFigures(goal, "2025-09-30");
    expect(figures.attainment).toBe(-0.25);
    expect(figures.status).toBe("off-track");
    expect(figures.realizedValue).toBe(0);
    expect(figures.plannedValue).toBe(4000);
  });

  it("progress is 0 at the baseline and 1 at the target", () => {
    const goal = makeGoal(SPEC_GOAL as never);
    expect(progress(goal, 1200)).toBe(-0);
    expect(progress(goal, 300)).toBe(1);
  });
});

describe("latest actual, missing data and edge cases", () => {
  it("ignores actuals after asOf", () => {
    const goal = makeGoal({ ...SPEC_GOAL } as never);
    const figures = computeGoalFigures(goal, "2025-07-15");
    expect(figures.latestActual).toEqual({ date: "2025-06-30", value: 900 });
    expect(figures.actualsUsed).toHaveLength(2);
  });

  it("gives no-data and null figures without an actual on or before asOf", () => {
    const goal = makeGoal({ ...SPEC_GOAL, actuals: [{ date: "2025-10-31", value: 700 }] } as never);
    const figures = computeGoalFigures(goal, "2025-09-30");
    expect(figures.status).toBe("no-data");
    expect(figures.attainment).toBeNull();
    expect(figures.pace).toBeNull();
    expect(figures.forecast).toBeNull();
    expect(figures.projectedAttainment).toBeNull();
    expect(figures.realizedValue).toBeNull();
    expect(figures.plannedValue).toBe(135000);
  });

  it("has a null pace and counts as on track when nothing was expected yet", () => {
    const goal = makeGoal({ actuals: [{ date: "2025-01-01", value: 0 }] } as never);
    const figures = computeGoalFigures(goal, "2025-09-30");
    expect(figures.expectedProgress).toBe(0);
    expect(figures.pace).toBeNull();
    expect(figures.status).toBe("on-track");
  });

  it("uses attainment as projected attainment once the target date has passed", () => {
    const goal = makeGoal({ actuals: [{ date: "2025-12-31", value: 60 }] } as never);
    const figures = computeGoalFigures(goal, "2026-02-01");
    expect(figures.projectedAttainment).toBe(0.6);
  });

  it("counts days since the latest actual", () => {
    const figures = computeGoalFigures(makeGoal(), "2025-11-14");
    expect(figures.daysSinceLatestActual).toBe(60);
  });

  it("counts overdue tasks: not done and due before asOf", () => {
    const goal = makeGoal({
      tasks: [
        { title: "a", due: "2025-09-29", done: false },
        { title: "b", due: "2025-09-30", done: false },
        { title: "c", due: "2025-01-01", done: true },
        { title: "d", done: false },
      ],
    } as never);
    const { tasks } = computeGoalFigures(goal, "2025-09-30");
    expect([tasks.done, tasks.total, tasks.overdue]).toEqual([1, 4, 1]);
    expect(tasks.overdueTasks.map((task) => task.title)).toEqual(["a"]);
  });
});

describe("status thresholds", () => {
  it.each([
    [1, 0.1, "achieved"],
    [0.5, null, "on-track"],
    [0.5, 0.9, "on-track"],
    [0.5, 0.8999, "at-risk"],
    [0.5, 0.7, "at-risk"],
    [0.5, 0.6999, "off-track"],
    [null, null, "no-data"],
  ] as const)("attainment %s, pace %s → %s", (attainment, pace, status) => {
    expect(goalStatus(attainment, pace)).toBe(status);
  });

  it("treats 0.9 computed in floating point (0.8999999999) as 0.9", () => {
    expect(goalStatus(0.5, 0.63 / 0.7)).toBe("on-track");
  });
});

describe("least-squares forecast", () => {
  it("fits points on a line exactly", () => {
    const line = leastSquaresLine([
      { date: "2025-01-01", value: 10 },
      { date: "2025-01-11", value: 20 },
      { date: "2025-01-21", value: 30 },
    ]);
    expect(line.slopePerDay).toBeCloseTo(1, 12);
    expect(line.valueAt("2025-01-31")).toBeCloseTo(40, 10);
  });

  it("is flat at the mean when all points share a date", () => {
    const line = leastSquaresLine([
      { date: "2025-01-01", value: 10 },
      { date: "2025-01-01", value: 20 },
    ]);
    expect(line.valueAt("2025-06-01")).toBe(15);
  });
});

describe("account value realization", () => {
  it("sums value and ROI only over goals with a value; null when none has one", () => {
    const none = analyse(makeAccount());
    expect(none.valueRealization).toMatchObject({ realizedValue: null, plannedValue: null, roi: null });
    const data = baseAccountData();
    const withValue = analyse(makeAccount({ ...data, goals: [{ ...SPEC_GOAL }] }));
    expect(withValue.valueRealization).toMatchObject({
      realizedValue: 57000,
      plannedValue: 135000,
      roi: 0.57,
    });
  });
});
