import { copyFileSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { RULE_NAMES } from "../src/analysis/rules/index.js";
import { readPdfAudience } from "../src/send/pdf-audience.js";
import { ROOT } from "./helpers/accounts.js";
import { csvRecords, tempDir } from "./helpers/batch.js";
import { qbrIn } from "./helpers/cli.js";
import { ooxmlSummary, validateOoxml } from "./helpers/ooxml.js";
import { missingTools, skipReason } from "./helpers/tools.js";

/** `qbr insights` end to end over test/fixtures/insights (counted by hand in insights.test.ts). */

const FIXTURES = path.join(ROOT, "test/fixtures/insights");
const missing = missingTools("xmllint");

describe("qbr insights --json", () => {
  it("prints one object of the issue's shape, every rule listed, numbers to 3 places, and writes the CSV", async () => {
    const out = tempDir("qbr-insights-json-");
    const result = await qbrIn(["insights", FIXTURES, "--json", "-o", out]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const insights = JSON.parse(result.stdout);
    expect(insights).toMatchObject({
      leadDays: 120,
      accounts: 9,
      withOutcome: 8,
      lost: 4,
      kept: 4,
      smallSample: true,
      riskLevelHigh: { fired: 5, firedLost: 3, precision: 0.6, recall: 0.75 },
      riskScoreAuc: 0.688,
      rootCauses: { statedVsConcluded: { agree: 1, disagree: 2 }, bySegment: expect.any(Object) },
    });
    expect(insights.rules.map((rule: { rule: string }) => rule.rule)).toEqual([...RULE_NAMES]);
    expect(insights.rules[0]).toEqual({
      rule: "goal-behind-plan",
      fired: 3,
      firedLost: 2,
      firedKept: 1,
      precision: 0.667,
      recall: 0.5,
      lift: 1.333,
    });
    // --json prints the object instead of the deck; the CSV is still written.
    expect(readdirSync(out).sort()).toEqual(["insights-internal.csv"]);
    const rows = csvRecords(readFileSync(path.join(out, "insights-internal.csv"), "utf8"));
    expect(rows.map((row) => row.rule)).toEqual([...RULE_NAMES]);
    expect(rows[0]).toMatchObject({ fired: "3", fired_lost: "2", precision: "0.667", small_sample: "true" });
  });

  it("--lead-days and --rules change what is replayed", async () => {
    const out = tempDir("qbr-insights-lead-");
    const rules = path.join(out, "rules.yaml");
    writeFileSync(rules, "rules:\n  sponsor-gap: { enabled: false }\n");
    const result = await qbrIn([
      "insights",
      FIXTURES,
      "--json",
      "--lead-days",
      "121",
      "--rules",
      rules,
      "-o",
      out,
    ]);
    const insights = JSON.parse(result.stdout);
    expect(insights.leadDays).toBe(121);
    expect(insights.backtested.find((account: { id: string }) => account.id === "FX-G").fired).toContain(
      "no-outcome-data",
    );
    expect(insights.rules.find((rule: { rule: string }) => rule.rule === "sponsor-gap").fired).toBe(0);
    expect((await qbrIn(["insights", FIXTURES, "--lead-days", "soon"])).code).toBe(2);
  });

  it("reports a bad account at its location, counts the others, and exits 2", async () => {
    const dir = tempDir("qbr-insights-bad-");
    for (const name of readdirSync(FIXTURES)) copyFileSync(path.join(FIXTURES, name), path.join(dir, name));
    writeFileSync(
      path.join(dir, "z-broken.yaml"),
      readFileSync(path.join(FIXTURES, "a-behind-churned.yaml"), "utf8").replace(
        "result: churned",
        "result: lost",
      ),
    );
    const result = await qbrIn(["insights", dir, "--json", "-o", path.join(dir, "out")]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /z-broken\.yaml:7:\d+ contract\.outcome\.result — expected one of "renewed"/,
    );
    expect(JSON.parse(result.stdout)).toMatchObject({ accounts: 9, withOutcome: 8 });
  });
});

describe("qbr insights on a portfolio workbook", () => {
  it("reads the outcomes from the workbook's columns and counts as from the files", async () => {
    const out = tempDir("qbr-insights-xlsx-");
    const book = path.join(out, "plans.xlsx");
    expect((await qbrIn(["export", FIXTURES, "-o", book])).code).toBe(0);
    const fromBook = JSON.parse((await qbrIn(["insights", book, "--json", "-o", out])).stdout);
    const fromFiles = JSON.parse((await qbrIn(["insights", FIXTURES, "--json", "-o", out])).stdout);
    expect(fromBook.rules).toEqual(fromFiles.rules);
    expect(fromBook).toMatchObject({ withOutcome: 8, lost: 4, kept: 4, riskScoreAuc: 0.688 });
  });
});

describe.skipIf(missing.length > 0)(`qbr insights: the internal deck${skipReason(missing)}`, () => {
  let out: string;
  let stdout: string;

  beforeAll(async () => {
    out = tempDir("qbr-insights-deck-");
    const result = await qbrIn(["insights", FIXTURES, "-o", out]);
    expect(result.code).toBe(0);
    stdout = result.stdout;
  }, 120_000);

  it("writes the CSV, PDF and PPTX under internal names, and says the sample is small", () => {
    expect(readdirSync(out).sort()).toEqual([
      "insights-internal.csv",
      "insights-internal.pdf",
      "insights-internal.pptx",
    ]);
    expect(stdout).toContain("Small sample: fewer than 5 lost or 5 kept accounts");
  });

  it("is schema-valid, and marked internal on every slide, with a small-sample caveat slide", () => {
    const bytes = new Uint8Array(readFileSync(path.join(out, "insights-internal.pptx")));
    const report = validateOoxml([{ name: "insights-internal.pptx", bytes }]);
    expect(report.errors).toEqual([]);
    expect(ooxmlSummary(report)).toBe(`ooxml: ${report.parts}/${report.parts} parts valid in 1 files`);
    const files = unzipSync(bytes);
    const slides = Object.keys(files).filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name));
    expect(slides.length).toBeGreaterThanOrEqual(7);
    for (const slide of slides) expect(strFromU8(files[slide]!)).toContain("Internal — do not share");
    const all = slides.map((slide) => strFromU8(files[slide]!)).join("\n");
    expect(all).toContain("Small sample: these figures prove little");
    expect(Object.keys(files).some((name) => name.startsWith("ppt/charts/chart"))).toBe(true);
  });

  it("the PDF carries the internal audience marker qbr send refuses", () => {
    expect(readPdfAudience(new Uint8Array(readFileSync(path.join(out, "insights-internal.pdf"))))).toBe(
      "internal",
    );
  });
});
