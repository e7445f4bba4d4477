import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, expectTypeOf, it } from "vitest";
import type { Finding } from "../src/analysis/analyse-account.js";
import { analysisToJson } from "../src/analysis/analysis-json.js";
import {
  findingOf,
  findingsOf,
  RULE_NAMES,
  RULES,
  type EvidenceOf,
  type RuleFinding,
} from "../src/analysis/rules/index.js";
import type { ProxyReasonEvidence, ReasonCategory } from "../src/analysis/rules/proxy-reason.js";
import type { UsageWithoutValueEvidence } from "../src/analysis/rules/usage-without-value.js";
import type { WatermelonEvidence } from "../src/analysis/rules/watermelon.js";
import { DEFAULT_THRESHOLDS, type RuleName } from "../src/analysis/thresholds.js";
import { addMonths } from "../src/dates.js";
import { analyse, loadSample, ROOT, SAMPLES_DIR } from "./helpers/accounts.js";

/**
 * Findings are a union keyed by `rule` (issue 11 §1). The type-level checks (expectTypeOf) are
 * enforced by `tsc --noEmit`, which covers test/; the runtime checks hold each rule's findings
 * over the samples to the evidence keys its type declares, so type and data cannot drift apart.
 */

/** Every evidence key of every rule; the mapped type makes a missing or an extra key a type error. */
const EVIDENCE_KEYS: { [R in RuleName]: { [K in keyof EvidenceOf<R>]-?: true } } = {
  "goal-behind-plan": {
    status: true,
    attainment: true,
    expectedProgress: true,
    pace: true,
    latestActual: true,
    plannedValueAtLatest: true,
  },
  "goal-forecast-miss": {
    projectedAttainment: true,
    projected: true,
    targetDate: true,
    targetValue: true,
    attainment: true,
    slopePerDay: true,
  },
  "no-outcome-data": { baselineDate: true, targetDate: true, actualsAfterAsOf: true },
  "stale-outcome-data": { latestActualDate: true, daysSinceLatestActual: true, maxAgeDays: true },
  "tasks-overdue": { overdue: true, total: true, done: true, overdueShare: true, overdueTasks: true },
  watermelon: { greenSignals: true, goalsBehind: true },
  "usage-without-value": { activeUsersPct: true, goalsWithData: true, goalsBehind: true, behindGoals: true },
  "low-adoption": { activeUsersPct: true, activeUsersPctBelow: true },
  "sponsor-gap": { activeSponsors: true, departedSponsors: true, maxDaysSinceContact: true },
  "roi-below-cost": { roi: true, realizedValue: true, plannedValue: true, arr: true, daysToRenewal: true },
  "proxy-reason": { reason: true, category: true, likelyRootCause: true, classifiedBy: true, related: true },
  "external-risk": { risk: true },
  "renewal-at-risk": { renewal: true, daysToRenewal: true, arr: true, highFindings: true },
};

const samples = readdirSync(SAMPLES_DIR).filter((name) => /\.ya?ml$/.test(name));

/** The samples at their own as-of date and around it: every rule fires somewhere in these. */
function sampleFindings(): Finding[] {
  return samples.flatMap((name) => {
    const account = loadSample(name);
    const asOf = account.review.asOf!;
    return [-6, 0, 3].flatMap((months) => analyse(account, addMonths(asOf, months)).findings);
  });
}

describe("the Finding union", () => {
  it("is keyed by every rule name, and RULE_NAMES lists them in the order RULES runs", () => {
    expectTypeOf<RuleFinding["rule"]>().toEqualTypeOf<RuleName>();
    expectTypeOf<Finding["rule"]>().toEqualTypeOf<RuleName>();
    expectTypeOf<(typeof RULE_NAMES)[number]>().toEqualTypeOf<RuleName>();
    expect(RULES.map((rule) => rule.name)).toEqual([...RULE_NAMES]);
    expect(new Set(RULE_NAMES).size).toBe(RULE_NAMES.length);
  });

  it("narrows the evidence by rule: a switch, findingOf, findingsOf, Finding<R>", () => {
    expectTypeOf<Finding<"watermelon">["evidence"]>().toEqualTypeOf<WatermelonEvidence>();
    expectTypeOf<EvidenceOf<"proxy-reason">>().toEqualTypeOf<ProxyReasonEvidence>();
    expectTypeOf<Finding<"proxy-reason">["variant"]>().toEqualTypeOf<ReasonCategory | undefined>();
    expectTypeOf<Finding<"low-adoption">["variant"]>().toEqualTypeOf<undefined>();
    expectTypeOf(findingOf<Finding, "usage-without-value">).returns.toEqualTypeOf<
      Finding<"usage-without-value"> | undefined
    >();
    expectTypeOf(findingsOf<Finding, "watermelon">).returns.toEqualTypeOf<Finding<"watermelon">[]>();
    const evidenceOf = (finding: Finding) => {
      switch (finding.rule) {
        case "usage-without-value":
          expectTypeOf(finding.evidence).toEqualTypeOf<UsageWithoutValueEvidence>();
          return finding.evidence.behindGoals;
        case "watermelon":
          expectTypeOf(finding.evidence.greenSignals[0]!.signal).toEqualTypeOf<
            "healthScore" | "nps" | "csat" | "npsScore"
          >();
          return finding.evidence.goalsBehind.map((goal) => goal.goal);
        default:
          // @ts-expect-error — evidence of an unnarrowed finding has no rule's fields
          return finding.evidence.behindGoals;
      }
    };
    const findings = sampleFindings();
    const usage = findingOf(findings, "usage-without-value");
    expect(usage?.rule).toBe("usage-without-value");
    expect(evidenceOf(usage!)).toEqual(usage!.evidence.behindGoals);
    expect(findingsOf(findings, "proxy-reason").every((finding) => finding.rule === "proxy-reason")).toBe(
      true,
    );
  });

  it("every rule's findings over the samples have exactly the evidence keys its type declares", () => {
    const findings = sampleFindings();
    for (const rule of RULE_NAMES) {
      const ofRule = findings.filter((finding) => finding.rule === rule);
      expect(ofRule.length, `${rule} fires over the samples`).toBeGreaterThan(0);
      for (const finding of ofRule) {
        expect(Object.keys(finding.evidence).sort(), rule).toEqual(Object.keys(EVIDENCE_KEYS[rule]).sort());
      }
    }
  });
});

describe("qbr analyze --json", () => {
  // SPEC §4's contract: the typed findings print exactly what the untyped ones did.
  it.each(samples)("%s prints the object it printed before findings were typed", async (name) => {
    const json = JSON.stringify(analysisToJson(analyse(loadSample(name))), null, 2);
    await expect(json + "\n").toMatchFileSnapshot(`golden/${name.replace(/\.\w+$/, "")}-analysis.json`);
  });
});

describe("docs/findings.md", () => {
  const doc = readFileSync(path.join(ROOT, "docs/findings.md"), "utf8");
  const sections = new Map(
    doc
      .split(/^## /m)
      .slice(1)
      .map((section) => [/^`([^`]+)`/.exec(section)?.[1] ?? section.split("\n")[0]!, section]),
  );

  it("has one section per rule, in RULE_NAMES order, and none for a rule that does not exist", () => {
    expect([...sections.keys()]).toEqual([...RULE_NAMES]);
  });

  it.each([...RULE_NAMES])("%s: names every evidence field and every threshold of the rule", (rule) => {
    const section = sections.get(rule) ?? "";
    for (const key of Object.keys(EVIDENCE_KEYS[rule]))
      expect(section, `${rule} evidence`).toContain(`\`${key}\``);
    const { enabled: _enabled, ...settings } = DEFAULT_THRESHOLDS.rules[rule];
    for (const [key, value] of Object.entries(settings)) {
      expect(section, `${rule} threshold`).toContain(`\`${key}\``);
      expect(section, `${rule} default`).toContain(`(${String(value)}`);
    }
    expect(section).toMatch(/\*\*Fires\*\*/);
    expect(section).toMatch(/\*\*Audience:\*\*/);
    expect(section).toMatch(/\*\*Leads to:\*\*/);
  });
});
