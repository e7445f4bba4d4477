import { describe, expect, it } from "vitest";
import { analysisToJson } from "../src/analysis/analysis-json.js";
import { computeGoalFigures, PERIODS_PER_YEAR } from "../src/analysis/figures.js";
import { accountFileSchema } from "../src/input/account-schema.js";
import { analyse, baseAccountData, makeAccount, makeGoal, SPEC_GOAL } from "./helpers/accounts.js";
import { deckFor, deckText } from "./helpers/decks.js";

/**
 * Issue 12 §2: `value: { perUnit, per }`. A rate goal's value is annualised so that value ÷ ARR
 * compares a year with a year. Every figure below is worked out by hand in its comment.
 */
describe("value basis", () => {
  // The base goal: 0 → 100 things, latest actual 75 on 2025-09-15.
  it("a weekly goal earns 52 × the once figure", () => {
    const figures = computeGoalFigures(makeGoal({ value: { perUnit: 25, per: "week" } }), "2025-09-30");
    // realized = max(0, (75 − 0) × 1) × 25 × 52 = 75 × 1300 = 97,500
    expect(figures.realizedValue).toBe(97500);
    // planned = |100 − 0| × 25 × 52 = 130,000
    expect(figures.plannedValue).toBe(130000);
    expect(figures.valueBasis).toEqual({ perUnit: 25, per: "week", periodsPerYear: 52 });
  });

  it("months, quarters and years carry 12, 4 and 1", () => {
    const at = (per: string) =>
      computeGoalFigures(makeGoal({ value: { perUnit: 10, per } as never }), "2025-09-30");
    // 75 × 10 × 12 = 9,000 and 100 × 10 × 12 = 12,000
    expect([at("month").realizedValue, at("month").plannedValue]).toEqual([9000, 12000]);
    // 75 × 10 × 4 = 3,000 and 100 × 10 × 4 = 4,000
    expect([at("quarter").realizedValue, at("quarter").plannedValue]).toEqual([3000, 4000]);
    // 75 × 10 × 1 = 750 and 100 × 10 × 1 = 1,000
    expect([at("year").realizedValue, at("year").plannedValue]).toEqual([750, 1000]);
    expect(PERIODS_PER_YEAR).toEqual({ once: 1, week: 52, month: 12, quarter: 4, year: 1 });
  });

  it("defaults to once, leaving SPEC §2's worked example unchanged", () => {
    const goal = makeGoal(SPEC_GOAL as never);
    expect(goal.value).toEqual({ perUnit: 150, per: "once" });
    const figures = computeGoalFigures(goal, "2025-09-30");
    // (1200 − 820) × 150 = 57,000 of |300 − 1200| × 150 = 135,000
    expect([figures.realizedValue, figures.plannedValue]).toEqual([57000, 135000]);
    expect(figures.valueBasis).toEqual({ perUnit: 150, per: "once", periodsPerYear: 1 });
  });

  it("annualises a decreasing rate goal and clamps a worsening one at 0", () => {
    // Backlog falls 1200 → 820 against a target of 300, at 150 a month:
    // realized = 380 × 150 × 12 = 684,000; planned = 900 × 150 × 12 = 1,620,000
    const monthly = makeGoal({ ...SPEC_GOAL, value: { perUnit: 150, per: "month" } } as never);
    const figures = computeGoalFigures(monthly, "2025-09-30");
    expect([figures.realizedValue, figures.plannedValue]).toEqual([684000, 1620000]);
    // An actual above the baseline (1300) is worse than the start: realized is 0, not negative.
    const worse = makeGoal({
      ...SPEC_GOAL,
      actuals: [{ date: "2025-09-30", value: 1300 }],
      value: { perUnit: 150, per: "month" },
    } as never);
    expect(computeGoalFigures(worse, "2025-09-30").realizedValue).toBe(0);
  });

  it("annualised value feeds value ÷ ARR and analyze --json reports the basis", () => {
    const data = baseAccountData(); // ARR 100,000
    const goal = { ...(data.goals as object[])[0], value: { perUnit: 25, per: "week" } };
    const analysis = analyse(makeAccount({ ...data, goals: [goal] }));
    // 97,500 ÷ 100,000 = 0.975
    expect(analysis.valueRealization.roi).toBeCloseTo(0.975, 12);
    const json = analysisToJson(analysis);
    expect(json.goals[0]!.valueBasis).toEqual({ perUnit: 25, per: "week", periodsPerYear: 52 });
    const without = analysisToJson(analyse(makeAccount()));
    expect(without.goals[0]!.valueBasis).toBeNull();
  });

  it("rejects an unknown period with its path", () => {
    const data = baseAccountData();
    const goal = { ...(data.goals as object[])[0], value: { perUnit: 25, per: "fortnight" } };
    const result = accountFileSchema.safeParse({ ...data, goals: [goal] });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toEqual(["goals", 0, "value", "per"]);
  });

  it("the appendix states the basis and its factor", () => {
    const data = baseAccountData();
    const goal = { ...(data.goals as object[])[0], value: { perUnit: 25, per: "week" } };
    const analysis = analyse(makeAccount({ ...data, goals: [goal] }));
    const provenance = { sourceName: "t.yaml", sha256: "0".repeat(64), toolVersion: "test" };
    const text = deckText(deckFor(analysis, "internal", "qbr", { provenance }));
    expect(text).toContain("value = 97500 of 130000 (25 per unit a week × 52)");
    expect(text).toContain("counts 52, 12, 4 or 1 times");
  });
});
