import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { RULES } from "../src/analysis/rules/index.js";
import { analyse, loadSample, SAMPLES_DIR } from "./helpers/accounts.js";

const samples = readdirSync(SAMPLES_DIR).filter(
  (name) => /\.(ya?ml|json)$/.test(name) && !name.endsWith(".schema.json"),
);

describe("samples", () => {
  const analyses = Object.fromEntries(samples.map((name) => [name, analyse(loadSample(name))]));

  it("has at least four accounts in different currencies", () => {
    expect(samples.length).toBeGreaterThanOrEqual(4);
    const currencies = new Set(Object.values(analyses).map((analysis) => analysis.account.contract.currency));
    expect(currencies.size).toBeGreaterThanOrEqual(4);
  });

  it("together fire every rule of SPEC §3", () => {
    const fired = new Set(
      Object.values(analyses).flatMap((analysis) => analysis.findings.map((finding) => finding.rule)),
    );
    expect([...fired].sort()).toEqual(RULES.map((rule) => rule.name).sort());
  });

  it("include a healthy account without findings, a watermelon, power users without value and a renewal at risk", () => {
    const rules = (name: string) => analyses[name]!.findings.map((finding) => finding.rule);
    expect(analyses["alpine-health-clinics.yaml"]!.findings).toEqual([]);
    expect(rules("northwind-logistics.yaml")).toContain("watermelon");
    expect(rules("kestrel-analytik.yaml")).toContain("usage-without-value");
    expect(rules("kestrel-analytik.yaml")).not.toContain("watermelon");
    expect(rules("maple-and-finch.yaml")).toEqual(
      expect.arrayContaining(["renewal-at-risk", "proxy-reason", "external-risk"]),
    );
    const maple = analyses["maple-and-finch.yaml"]!.findings.filter(
      (finding) => finding.rule === "proxy-reason",
    );
    expect(maple.map((finding) => finding.variant)).toEqual(["price", "feature", "competitor"]);
  });

  it("word every finding: a title, a summary and prompts in both voices, with no template left unfilled", () => {
    for (const analysis of Object.values(analyses)) {
      for (const finding of analysis.findings) {
        expect(finding.title.length).toBeGreaterThan(5);
        expect(finding.summary.length).toBeGreaterThan(5);
        expect(finding.prompts.length).toBeGreaterThan(0);
        expect(finding.customerPrompts.length).toBeGreaterThan(0);
        for (const text of [finding.title, finding.summary, ...finding.prompts, ...finding.customerPrompts]) {
          expect(text).not.toMatch(/\{\{|\}\}|undefined|NaN|null|\[object/);
          expect(text).not.toMatch(/\s{2,}/);
        }
      }
    }
  });
});
