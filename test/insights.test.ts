import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { RULE_NAMES } from "../src/analysis/rules/index.js";
import { DEFAULT_THRESHOLDS } from "../src/analysis/thresholds.js";
import { backtestAccount, scoreBacktest } from "../src/insights/backtest.js";
import { buildInsights, type InsightsAccount } from "../src/insights/insights.js";
import { rocAuc, scoreWarning } from "../src/insights/metrics.js";
import { loadAccount } from "../src/input/load-account.js";
import { loadTemplates } from "../src/io/resources.js";
import { ROOT, withThresholds } from "./helpers/accounts.js";

/**
 * The backtest over test/fixtures/insights, counted by hand. Every outcome is on 2025-10-29, so
 * at the default 120 lead days the rules are replayed on 2025-07-01, renewing on the outcome date
 * (120 days ahead: renewal-at-risk fires with any high finding). Goal g1 runs 0 → 100 over 2025,
 * so the plan on 30 June is ≈ 49.3:
 *   a  actual 20 → behind (pace 0.41), forecast 40 %  → goal-behind-plan, goal-forecast-miss, renewal-at-risk   churned
 *   b  as a, with NPS 10 (green)                      → the same + watermelon                                 churned
 *   c  actual 50 → on track                           → nothing                                               churned
 *   d  as a                                           → goal-behind-plan, goal-forecast-miss, renewal-at-risk renewed
 *   e  as c                                           → nothing                                               renewed
 *   f  on track, sponsor last heard from 15 Jan       → sponsor-gap, renewal-at-risk                          expanded
 *   g  50 on 1 July (on track), 10 on 2 July (after)  → nothing: the 2 July actual is after the replay date  renewed
 *   h  as f                                           → sponsor-gap, renewal-at-risk                          downsized
 *   i  no outcome: in the patterns only
 * Lost: a b c h (4); kept: d e f g (4); base rate 0.5.
 */

const DIR = path.join(ROOT, "test/fixtures/insights");

function fixtures(): InsightsAccount[] {
  return readdirSync(DIR)
    .filter((name) => name.endsWith(".yaml"))
    .sort()
    .map((name) => ({ source: name, account: loadAccount(name, readFileSync(path.join(DIR, name))) }));
}

const options = (leadDays = 120, thresholds = DEFAULT_THRESHOLDS) => ({
  leadDays,
  thresholds,
  templates: loadTemplates(),
  today: "2025-12-01",
});

describe("the backtest, counted by hand", () => {
  const insights = buildInsights(fixtures(), options());

  it("replays each account 120 days before its outcome and lists what fired", () => {
    expect(
      insights.backtested.map((account) => [account.id, account.asOf, account.lost, account.fired]),
    ).toEqual([
      ["FX-A", "2025-07-01", true, ["goal-behind-plan", "goal-forecast-miss", "renewal-at-risk"]],
      [
        "FX-B",
        "2025-07-01",
        true,
        ["goal-behind-plan", "goal-forecast-miss", "watermelon", "renewal-at-risk"],
      ],
      ["FX-C", "2025-07-01", true, []],
      ["FX-D", "2025-07-01", false, ["goal-behind-plan", "goal-forecast-miss", "renewal-at-risk"]],
      ["FX-E", "2025-07-01", false, []],
      ["FX-F", "2025-07-01", false, ["sponsor-gap", "renewal-at-risk"]],
      ["FX-G", "2025-07-01", false, []],
      ["FX-H", "2025-07-01", true, ["sponsor-gap", "renewal-at-risk"]],
    ]);
  });

  it("counts precision, recall and lift per rule, every rule listed, zeros where none fired", () => {
    expect(insights).toMatchObject({ leadDays: 120, accounts: 9, withOutcome: 8, lost: 4, kept: 4 });
    expect(insights.rules.map((rule) => rule.rule)).toEqual([...RULE_NAMES]);
    const byRule = Object.fromEntries(insights.rules.map(({ rule, ...score }) => [rule, score]));
    // 3 fired (a b d), 2 lost: precision 2/3, recall 2/4, lift (2/3) / 0.5.
    expect(byRule["goal-behind-plan"]).toEqual({
      fired: 3,
      firedLost: 2,
      firedKept: 1,
      precision: 0.667,
      recall: 0.5,
      lift: 1.333,
    });
    expect(byRule["watermelon"]).toEqual({
      fired: 1,
      firedLost: 1,
      firedKept: 0,
      precision: 1,
      recall: 0.25,
      lift: 2,
    });
    expect(byRule["sponsor-gap"]).toEqual({
      fired: 2,
      firedLost: 1,
      firedKept: 1,
      precision: 0.5,
      recall: 0.25,
      lift: 1,
    });
    // a b d f h fired; a b h lost.
    expect(byRule["renewal-at-risk"]).toEqual({
      fired: 5,
      firedLost: 3,
      firedKept: 2,
      precision: 0.6,
      recall: 0.75,
      lift: 1.2,
    });
    expect(byRule["low-adoption"]).toEqual({
      fired: 0,
      firedLost: 0,
      firedKept: 0,
      precision: null,
      recall: 0,
      lift: null,
    });
    expect(insights.riskLevelHigh).toEqual(byRule["renewal-at-risk"]);
  });

  it("ranks by risk score with ROC AUC, ties counting half", () => {
    // Scores: a 71, b 82, c 0, h 63 (lost); d 71, e 0, f 63, g 0 (kept).
    // a: ½+1+1+1, b: 4, c: 0+½+0+½, h: 0+1+½+1 → 11 of 16 pairs.
    expect(insights.backtested.map((account) => account.riskScore)).toEqual([71, 82, 0, 71, 0, 63, 0, 63]);
    expect(insights.riskScoreAuc).toBe(0.688);
  });

  it("says plainly when the sample is small: fewer than 5 lost or 5 kept", () => {
    expect(insights.smallSample).toBe(true);
    const account = insights.backtested[0]!;
    const many = (lost: number, kept: number) => [
      ...Array.from({ length: lost }, () => ({ ...account, lost: true })),
      ...Array.from({ length: kept }, () => ({ ...account, lost: false })),
    ];
    expect(scoreBacktest(many(5, 5), 120).smallSample).toBe(false);
    expect(scoreBacktest(many(5, 4), 120).smallSample).toBe(true);
    expect(scoreBacktest(many(4, 40), 120).smallSample).toBe(true);
  });

  it("compares the stated reason's likely root cause with the one the team concluded", () => {
    // a: "Missing features" → adoption gap, concluded value gap; c: "Too expensive" → value gap, agrees;
    // h: "Budget cuts" reads as price → value gap, concluded external; b: concluded unknown, not compared.
    expect(insights.rootCauses.statedVsConcluded).toMatchObject({ agree: 1, disagree: 2, unclassified: 0 });
    expect(insights.rootCauses.concludedLost).toEqual({
      "value-gap": 2,
      "adoption-gap": 0,
      external: 1,
      unknown: 1,
    });
    expect(insights.rootCauses.stated["value-gap"]).toBe(1);
    expect(insights.rootCauses.bySegment["SMB"]).toEqual({
      "value-gap": 1,
      "adoption-gap": 0,
      external: 0,
      unknown: 0,
    });
  });

  it("reports fire rates now by segment and CSM, and the watermelon accounts with their ARR", () => {
    const behind = insights.fireRates.find((rule) => rule.rule === "goal-behind-plan")!;
    expect(behind.bySegment["Enterprise"]).toEqual({ accounts: 3, fired: 2, rate: 0.667 });
    expect(Object.keys(behind.byCsm)).toEqual(["Dana", "Lee"]);
    expect(insights.watermelons).toEqual({
      accounts: 1,
      share: 0.111,
      arr: [{ currency: "USD", arr: 100000 }],
      names: ["B Watermelon Churned"],
    });
  });
});

describe("the lead-days boundary", () => {
  const boundary = fixtures().find((entry) => entry.account.account.id === "FX-G")!;

  it("counts an actual measured on the replay date and none measured after it", () => {
    // 120 days: 1 July, the on-track 50 counts and the fall to 10 on 2 July does not.
    expect(backtestAccount(boundary, options(120))!.fired).toEqual([]);
    // 119 days: 2 July, the fall counts.
    expect(backtestAccount(boundary, options(119))!.fired).toContain("goal-behind-plan");
    // 121 days: 30 June, neither is measured yet.
    expect(backtestAccount(boundary, options(121))!.fired).toContain("no-outcome-data");
  });
});

describe("--rules applies to the backtest", () => {
  it("a rule switched off is still listed, with zeros; a threshold change moves its counts", () => {
    const off = buildInsights(
      fixtures(),
      options(120, withThresholds({ rules: { "sponsor-gap": { enabled: false } } })),
    );
    expect(off.rules.find((rule) => rule.rule === "sponsor-gap")).toMatchObject({
      fired: 0,
      precision: null,
    });
    const looser = buildInsights(
      fixtures(),
      options(120, withThresholds({ rules: { "sponsor-gap": { maxDaysSinceContact: 10 } } })),
    );
    // Everyone's sponsor was last heard from on 15 June at the latest: 16 days before 1 July.
    expect(looser.rules.find((rule) => rule.rule === "sponsor-gap")!.fired).toBe(8);
  });
});

describe("the arithmetic", () => {
  it("scores a warning and ranks scores", () => {
    expect(scoreWarning({ fired: 0, firedLost: 0, firedKept: 0 }, { lost: 0, kept: 3 })).toEqual({
      fired: 0,
      firedLost: 0,
      firedKept: 0,
      precision: null,
      recall: null,
      lift: null,
    });
    expect(rocAuc([3, 2], [1, 0])).toBe(1);
    expect(rocAuc([1], [1])).toBe(0.5);
    expect(rocAuc([], [1])).toBeNull();
  });
});
