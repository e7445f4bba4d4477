import { describe, expect, it } from "vitest";
import { classifyReason } from "../src/analysis/rules/proxy-reason.js";
import { analyse, baseAccountData, makeAccount, SPEC_GOAL, withThresholds } from "./helpers/accounts.js";

type Data = Record<string, unknown>;
const goalData = (overrides: Data = {}): Data => ({
  ...(baseAccountData().goals as Data[])[0],
  ...overrides,
});
const account = (overrides: Data = {}) => makeAccount({ ...baseAccountData(), ...overrides });
const rulesOf = (data: Data = {}, asOf?: string, thresholds?: ReturnType<typeof withThresholds>) =>
  analyse(account(data), asOf, thresholds).findings.map((finding) => `${finding.rule}:${finding.severity}`);

describe("the base account", () => {
  it("has no findings and risk level low", () => {
    const analysis = analyse(account());
    expect(analysis.findings).toEqual([]);
    expect(analysis.riskLevel).toBe("low");
  });
});

describe("goal-behind-plan", () => {
  // 0 → 100 over 2025-01-01..2025-12-31; on 2025-07-02 (182 days) the plan expects 50.
  const at = (value: number) =>
    rulesOf({ goals: [goalData({ actuals: [{ date: "2025-07-02", value }] })] }, "2025-07-15");
  it("is silent at pace 0.9, medium at risk, high off track", () => {
    expect(at(45)).not.toContain("goal-behind-plan:medium");
    expect(at(44)).toContain("goal-behind-plan:medium");
    expect(at(35)).toContain("goal-behind-plan:medium");
    expect(at(34)).toContain("goal-behind-plan:high");
  });
});

describe("goal-forecast-miss", () => {
  // Actual on a straight line from 0: projected attainment = value/plan share at the target date.
  const withActual = (value: number, asOf = "2025-07-15") =>
    rulesOf({ goals: [goalData({ actuals: [{ date: "2025-07-02", value }] })] }, asOf);
  it("fires medium below 0.9 and high below 0.6, not at 0.9", () => {
    // line through (Jan 1, 0) and (Jul 2, v): at Dec 31 (364 days) → v × 364/182 = 2v
    expect(withActual(45)).not.toContain("goal-forecast-miss:medium");
    expect(withActual(44.9)).toContain("goal-forecast-miss:medium");
    expect(withActual(30)).toContain("goal-forecast-miss:medium");
    expect(withActual(29.9)).toContain("goal-forecast-miss:high");
  });
  it("does not fire once the target date has passed or the goal is achieved", () => {
    expect(withActual(20, "2026-01-15").some((rule) => rule.startsWith("goal-forecast-miss"))).toBe(false);
    expect(rulesOf({ goals: [goalData({ actuals: [{ date: "2025-09-01", value: 100 }] })] })).toEqual([]);
  });
  it("uses thresholds from a rules file", () => {
    const strict = withThresholds({ rules: { "goal-forecast-miss": { mediumBelow: 0.95 } } });
    expect(
      rulesOf({ goals: [goalData({ actuals: [{ date: "2025-07-02", value: 46 }] })] }, "2025-07-15", strict),
    ).toContain("goal-forecast-miss:medium");
  });
});

describe("no-outcome-data and stale-outcome-data", () => {
  it("flags a goal without an actual on or before asOf", () => {
    expect(rulesOf({ goals: [goalData({ actuals: [] })] })).toContain("no-outcome-data:high");
    expect(rulesOf({ goals: [goalData({ actuals: [{ date: "2025-10-01", value: 80 }] })] })).toContain(
      "no-outcome-data:high",
    );
  });
  it("flags data more than 60 days old, not exactly 60", () => {
    // latest actual 2025-09-15
    expect(rulesOf({}, "2025-11-14")).not.toContain("stale-outcome-data:medium");
    expect(rulesOf({}, "2025-11-15")).toContain("stale-outcome-data:medium");
  });
});

describe("tasks-overdue", () => {
  const withTasks = (overdue: number, total: number) =>
    rulesOf({
      goals: [
        goalData({
          tasks: Array.from({ length: total }, (_, index) => ({
            title: `t${index}`,
            due: index < overdue ? "2025-09-01" : "2025-12-01",
            done: false,
          })),
        }),
      ],
    });
  it("is medium with one overdue, high above half, medium at exactly half", () => {
    expect(withTasks(0, 2)).toEqual([]);
    expect(withTasks(1, 3)).toContain("tasks-overdue:medium");
    expect(withTasks(2, 4)).toContain("tasks-overdue:medium");
    expect(withTasks(3, 4)).toContain("tasks-overdue:high");
  });
});

describe("watermelon", () => {
  const behind = { goals: [goalData({ actuals: [{ date: "2025-09-15", value: 30 }] })] };
  it.each([
    [{ healthScore: { value: 70, max: 100 } }, true],
    [{ healthScore: { value: 69, max: 100 } }, false],
    [{ healthScore: { value: 7, max: 10 } }, true],
    [{ nps: 9 }, true],
    [{ nps: 8 }, false],
    [{ csat: { value: 4, max: 5 } }, true],
    [{ csat: { value: 3.9, max: 5 } }, false],
  ])("signals %j → fires %s when a goal is behind", (signals, fires) => {
    expect(rulesOf({ ...behind, signals }).includes("watermelon:high")).toBe(fires);
  });
  it("does not fire when every goal is on track", () => {
    expect(rulesOf({ signals: { nps: 10 } })).toEqual([]);
  });
  it("fires for a goal without data", () => {
    expect(rulesOf({ signals: { nps: 10 }, goals: [goalData({ actuals: [] })] })).toContain(
      "watermelon:high",
    );
  });
});

describe("usage-without-value and low-adoption", () => {
  const goals = (behind: number, fine: number) => [
    ...Array.from({ length: behind }, (_, index) =>
      goalData({ id: `b${index}`, actuals: [{ date: "2025-09-15", value: 20 }] }),
    ),
    ...Array.from({ length: fine }, (_, index) => goalData({ id: `f${index}` })),
  ];
  it("fires at 70% active with half of the measured goals behind", () => {
    expect(rulesOf({ signals: { usage: { activeUsersPct: 70 } }, goals: goals(1, 1) })).toContain(
      "usage-without-value:high",
    );
    expect(rulesOf({ signals: { usage: { activeUsersPct: 69.9 } }, goals: goals(1, 1) })).not.toContain(
      "usage-without-value:high",
    );
    expect(rulesOf({ signals: { usage: { activeUsersPct: 90 } }, goals: goals(1, 2) })).not.toContain(
      "usage-without-value:high",
    );
  });
  it("ignores goals without data", () => {
    const data = { signals: { usage: { activeUsersPct: 90 } }, goals: [goalData({ id: "x", actuals: [] })] };
    expect(rulesOf(data)).not.toContain("usage-without-value:high");
  });
  it("low-adoption fires below 30% only", () => {
    expect(rulesOf({ signals: { usage: { activeUsersPct: 29 } } })).toContain("low-adoption:high");
    expect(rulesOf({ signals: { usage: { activeUsersPct: 30 } } })).toEqual([]);
  });
});

describe("sponsor-gap", () => {
  const sponsor = (extra: Data) => ({ name: "S", role: "executive-sponsor", ...extra });
  it.each([
    [[], true],
    [[sponsor({ status: "left" })], true],
    [[sponsor({ lastContact: "2025-07-02" })], false], // 90 days before 2025-09-30
    [[sponsor({ lastContact: "2025-07-01" })], true], // 91 days
    [[sponsor({})], false], // no lastContact counts as in contact
    [[sponsor({ lastContact: "2025-01-01" }), sponsor({ status: "new", lastContact: "2025-09-01" })], false],
    [[{ name: "C", role: "champion" }], true],
  ])("stakeholders %j → fires %s", (stakeholders, fires) => {
    expect(rulesOf({ stakeholders }).includes("sponsor-gap:high")).toBe(fires);
  });
});

describe("roi-below-cost and renewal-at-risk", () => {
  const valued = (perUnit: number) => ({ goals: [goalData({ value: { perUnit } })] }); // realized = 75 × perUnit
  it("roi-below-cost: medium far from renewal, high within 120 days, silent at roi 1", () => {
    expect(rulesOf(valued(1000))).toContain("roi-below-cost:medium"); // 75,000 / 100,000
    expect(rulesOf(valued(1000 / 0.75))).not.toContain("roi-below-cost:medium");
    const soon = { ...valued(1000), contract: { arr: 100000, renewal: "2026-01-28" } }; // 120 days
    expect(rulesOf(soon)).toContain("roi-below-cost:high");
    const later = { ...valued(1000), contract: { arr: 100000, renewal: "2026-01-29" } }; // 121 days
    expect(rulesOf(later)).toContain("roi-below-cost:medium");
  });
  it("renewal-at-risk needs the renewal within 120 days and another high finding", () => {
    const high = { signals: { usage: { activeUsersPct: 10 } } };
    expect(rulesOf({ ...high, contract: { arr: 1, renewal: "2026-01-28" } })).toContain(
      "renewal-at-risk:high",
    );
    expect(rulesOf({ ...high, contract: { arr: 1, renewal: "2026-01-29" } })).not.toContain(
      "renewal-at-risk:high",
    );
    expect(rulesOf({ contract: { arr: 1, renewal: "2025-12-01" } })).toEqual([]);
  });
});

describe("proxy-reason and external-risk", () => {
  it("classifies stated reasons into their likely root cause", () => {
    expect(classifyReason("Price is too high for what we use")).toBe("price");
    expect(classifyReason("Too expensive")).toBe("price");
    expect(classifyReason("Missing integration with Salesforce")).toBe("feature");
    expect(classifyReason("Feature X is missing")).toBe("feature");
    expect(classifyReason("Competitor Z is better")).toBe("competitor");
    expect(classifyReason("We are looking at alternatives")).toBe("competitor");
    expect(classifyReason("The team is busy")).toBe("unclassified");
  });
  it("emits one medium finding per reason with its root cause, and one low per external risk", () => {
    const analysis = analyse(
      account({
        statedReasons: ["Too expensive", "Missing API", "Rival tool is nicer", "Bad vibes"],
        externalRisks: ["Merger"],
      }),
    );
    const proxies = analysis.findings.filter((finding) => finding.rule === "proxy-reason");
    expect(proxies.map((finding) => finding.evidence.likelyRootCause)).toEqual([
      "value gap",
      "adoption gap",
      "value gap",
      "unknown",
    ]);
    expect(proxies.every((finding) => finding.severity === "medium")).toBe(true);
    expect(analysis.findings.filter((finding) => finding.rule === "external-risk")).toHaveLength(1);
    expect(analysis.riskLevel).toBe("medium");
  });
});

describe("ranking, wording and switching rules off", () => {
  const data = { goals: [{ ...SPEC_GOAL }], signals: { nps: 9 }, externalRisks: ["Merger"] };
  it("ranks findings high → medium → low and words them from the templates", () => {
    const analysis = analyse(account(data));
    const ranks = analysis.findings.map((finding) => finding.severity);
    expect(ranks).toEqual(
      [...ranks].sort((a, b) => ["high", "medium", "low"].indexOf(a) - ["high", "medium", "low"].indexOf(b)),
    );
    const behind = analysis.findings.find((finding) => finding.rule === "goal-behind-plan")!;
    expect(behind.prompts[0]).toBe(
      "This goal is 42% of the way to its target where 78% was planned. Which of the remaining tasks — Train the EU support team — is blocking it, and who owns it?",
    );
    expect(behind.customerPrompts.length).toBeGreaterThan(0);
    expect(analysis.riskLevel).toBe("high");
  });
  it("drops a rule switched off in the rules file", () => {
    const off = withThresholds({ rules: { watermelon: { enabled: false } } });
    expect(
      analyse(account(data), undefined, off).findings.some((finding) => finding.rule === "watermelon"),
    ).toBe(false);
  });
});

describe("wording", () => {
  it('"titles" words each finding with the same title as "full", and nothing else', async () => {
    const { loadTemplates } = await import("../src/io/resources.js");
    const { analyseAccount } = await import("../src/analysis/analyse-account.js");
    const { loadSample } = await import("./helpers/accounts.js");
    const sample = loadSample("northwind-logistics.yaml");
    const asOf = sample.review.asOf ?? "2025-09-30";
    const full = analyseAccount(sample, { asOf, templates: loadTemplates() });
    const titles = analyseAccount(sample, { asOf, templates: loadTemplates(), wording: "titles" });
    expect(full.findings.length).toBeGreaterThan(0);
    expect(titles.findings.map((finding) => finding.title)).toEqual(
      full.findings.map((finding) => finding.title),
    );
    expect(full.findings.some((finding) => finding.prompts.length > 0)).toBe(true);
    for (const finding of titles.findings) {
      expect([finding.summary, finding.prompts, finding.customerPrompts]).toEqual(["", [], []]);
    }
    expect(titles.riskLevel).toBe(full.riskLevel);
  });
});
