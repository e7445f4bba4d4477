import { describe, expect, it } from "vitest";
import { DEFAULT_THRESHOLDS } from "../src/analysis/thresholds.js";
import { InvalidInputError, type ValidationIssue } from "../src/errors.js";
import { loadRules } from "../src/input/load-rules.js";

function issuesOf(text: string, file = "rules.yaml"): ValidationIssue[] {
  try {
    loadRules(file, Buffer.from(text));
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    return (error as InvalidInputError).issues;
  }
  throw new Error("expected the rules file to be refused");
}

describe("--rules files", () => {
  it("fill every threshold the file leaves out with its default", () => {
    const rules = loadRules("rules.yaml", Buffer.from("status:\n  onTrackPace: 0.95\n"));
    expect(rules.status).toEqual({ onTrackPace: 0.95, atRiskPace: DEFAULT_THRESHOLDS.status.atRiskPace });
    expect(rules.rules).toEqual(DEFAULT_THRESHOLDS.rules);
  });

  it("accept equal status thresholds (no at-risk band) and ordered forecast thresholds", () => {
    const text =
      "status: { onTrackPace: 0.8, atRiskPace: 0.8 }\nrules:\n  goal-forecast-miss: { mediumBelow: 0.8, highBelow: 0.5 }\n";
    expect(loadRules("rules.yaml", Buffer.from(text)).status.atRiskPace).toBe(0.8);
  });

  // Issue 10, item 9: inverted thresholds were accepted and gave statuses no one could explain.
  it("refuse an on-track pace below the at-risk pace, at the threshold the file sets", () => {
    const text = "status:\n  onTrackPace: 0.6\n  atRiskPace: 0.8\n";
    expect(issuesOf(text)).toEqual([
      {
        file: "rules.yaml",
        line: 2,
        column: 16,
        path: "status.onTrackPace",
        message:
          "expected onTrackPace (0.6) at or above atRiskPace (0.8): a goal on track keeps a faster pace than one at risk",
      },
    ]);
  });

  it("refuse an inversion made by overriding one side alone against the other's default", () => {
    const [issue] = issuesOf("status:\n  atRiskPace: 0.95\n");
    expect(issue).toMatchObject({ line: 2, path: "status.atRiskPace" });
    expect(issue!.message).toContain("expected onTrackPace (0.9) at or above atRiskPace (0.95)");
  });

  it("refuse a high forecast-miss threshold above the medium one", () => {
    const [issue] = issuesOf('{"rules": {"goal-forecast-miss": {"highBelow": 0.95}}}', "rules.json");
    expect(issue).toMatchObject({ file: "rules.json", line: 1, path: "rules.goal-forecast-miss.highBelow" });
    expect(issue!.message).toBe(
      "expected mediumBelow (0.9) at or above highBelow (0.95): a high forecast miss is a deeper miss than a medium one",
    );
  });

  it("refuse a risk-score weight for medium findings above the one for high findings", () => {
    const [issue] = issuesOf("riskScore:\n  weights:\n    medium: 60\n");
    expect(issue).toMatchObject({ line: 3, path: "riskScore.weights.medium" });
    expect(issue!.message).toBe(
      "expected high (40) at or above medium (60): a high finding weighs at least as much as a medium one",
    );
  });
});
