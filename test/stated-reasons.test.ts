import { describe, expect, it } from "vitest";
import { findingsOf } from "../src/analysis/rules/index.js";
import { relatedItem, significantWords } from "../src/analysis/reason-match.js";
import { classifyReason } from "../src/analysis/rules/proxy-reason.js";
import { InvalidInputError, type ValidationIssue } from "../src/errors.js";
import { loadAccount } from "../src/input/load-account.js";
import { analyse, baseAccountData, makeAccount } from "./helpers/accounts.js";

function accountWith(extra: Record<string, unknown>, account: Record<string, unknown> = {}) {
  const data = baseAccountData();
  const [goal] = data.goals as Record<string, unknown>[];
  return makeAccount({
    ...data,
    account: { ...(data.account as object), ...account },
    goals: [
      {
        ...goal,
        title: "Keep the shelves stocked",
        tasks: [
          { title: "Train store managers on the dashboard", due: "2025-12-01" },
          { title: "Connect store replenishment to the POS feed", due: "2025-08-31" },
        ],
      },
    ],
    ...extra,
  });
}

const proxyFindings = (extra: Record<string, unknown>, account: Record<string, unknown> = {}) =>
  findingsOf(analyse(accountWith(extra, account)).findings, "proxy-reason");

describe("stated reasons", () => {
  // Issue 12 §3, the example as given.
  it("point at the overdue task a reason names: “missing integration with our POS”", () => {
    const [finding] = proxyFindings({ statedReasons: ["missing integration with our POS"] });
    expect(finding!.evidence.related).toMatchObject({
      kind: "task",
      title: "Connect store replenishment to the POS feed",
      goal: "Keep the shelves stocked",
      due: "2025-08-31",
      overdue: true,
      sharedWords: ["pos"],
    });
    expect(finding!.prompts[0]).toBe(
      "The account file already holds the overdue task “Connect store replenishment to the POS feed” " +
        "(Keep the shelves stocked, due 31 Aug 2025): is that what “missing integration with our POS” is about? Start from it.",
    );
  });

  it("match on significant words only: stop words and complaint words do not count", () => {
    expect([...significantWords("missing integration with our POS")]).toEqual(["integration", "pos"]);
    const [finding] = proxyFindings({ statedReasons: ["We are missing something with the things"] });
    // "things" is the goal's metric: a goal match, never the tasks (no shared word).
    expect(finding!.evidence.related).toMatchObject({ kind: "goal", title: "Keep the shelves stocked" });
    const [none] = proxyFindings({ statedReasons: ["Too expensive for what it does"] });
    expect(none!.evidence.related).toBeNull();
    expect(none!.prompts.join("\n")).not.toContain("already holds");
  });

  it("ignore done tasks", () => {
    const account = accountWith({});
    const goals = analyse(account).goals.map((entry) => ({
      ...entry,
      goal: { ...entry.goal, tasks: entry.goal.tasks.map((task) => ({ ...task, done: true })) },
    }));
    expect(relatedItem("missing integration with our POS", goals, "2025-09-30")).toBeNull();
  });

  it("keep the CSM's classification over the keywords", () => {
    const [adoption, value, external] = proxyFindings({
      statedReasons: [
        { text: "Too expensive", category: "adoption-gap" },
        { text: "Too expensive", category: "value-gap" },
        { text: "Their budget was frozen by the new owner", category: "external" },
      ],
    });
    expect(adoption!.evidence).toMatchObject({ category: "adoption-gap", classifiedBy: "account file" });
    expect(adoption!.evidence.likelyRootCause).toBe("adoption gap");
    expect(adoption!.title).toBe("Stated reason (adoption gap, as classified): “Too expensive”");
    // Keywords agree (price → value gap): the more specific price wording stays.
    expect(value!.evidence).toMatchObject({ category: "price", likelyRootCause: "value gap" });
    expect(external!.evidence).toMatchObject({ category: "external", likelyRootCause: "external" });
  });

  it("make a named competitor a competitor mention", () => {
    const reason = "Guidewire is bundling something similar";
    expect(classifyReason(reason)).toBe("unclassified");
    expect(classifyReason(reason, ["Guidewire"])).toBe("competitor");
    expect(classifyReason("guidewire's suite", ["Guidewire"])).toBe("competitor");
    expect(classifyReason("Guidewires are cables", ["Guidewire"])).toBe("unclassified");
    const [finding] = proxyFindings({ statedReasons: [reason] }, { competitors: ["Guidewire"] });
    expect(finding!.evidence).toMatchObject({ category: "competitor", likelyRootCause: "value gap" });
  });

  it("refuse an unknown category with a located error", () => {
    const yaml = [
      "schemaVersion: 1",
      "account: { name: Test Co }",
      "contract: { arr: 1000, renewal: 2026-12-31 }",
      "goals:",
      "  - id: g1",
      "    title: Grow",
      "    metric: { name: Things }",
      "    baseline: { date: 2025-01-01, value: 0 }",
      "    target: { date: 2025-12-31, value: 100 }",
      "statedReasons:",
      "  - Too expensive",
      "  - { text: Budget frozen, category: budget }",
      "",
    ].join("\n");
    let issues: ValidationIssue[] = [];
    try {
      loadAccount("acme.yaml", Buffer.from(yaml));
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidInputError);
      issues = (error as InvalidInputError).issues;
    }
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: "acme.yaml", line: 12 });
    expect(issues[0]!.path).toMatch(/^statedReasons\[1\]/);
    expect(issues[0]!.message).toContain("value-gap, adoption-gap, external");
  });
});
