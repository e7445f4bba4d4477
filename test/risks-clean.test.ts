import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadTemplates } from "../src/io/resources.js";
import { RULE_NAMES } from "../src/analysis/rules/index.js";
import type { Slide, TableCell } from "../src/deck/deck-model.js";
import { RISK_CHECKS } from "../src/deck/slides/risks-clean.js";
import { analyse, baseAccountData, loadSample, makeAccount, withThresholds } from "./helpers/accounts.js";
import { deckFor } from "./helpers/decks.js";

/**
 * A healthy account's risks slide (review 2026-12-02 item 1): a rule switched off with --rules
 * found nothing because it did not look, so its check's row must not read as a pass.
 */

const CHECK_LABELS: Record<string, string> = {
  outcomes: "Outcomes against plan",
  value: "Value against the contract",
  sponsor: "Executive sponsor",
  data: "Outcome data",
  tasks: "Tasks on the way to the goals",
  signals: "Scores and usage",
  reasons: "Stated reasons and outside risks",
  renewal: "Renewal",
};

const risksSlide = (analysis: ReturnType<typeof analyse>): Slide => {
  const slides = deckFor(analysis, "internal", "qbr").slides.filter((slide) => slide.id === "risks");
  expect(slides).toHaveLength(1);
  return slides[0]!;
};
const rowsOf = (slide: Slide): TableCell[][] =>
  slide.blocks.flatMap((block) => (block.kind === "table" ? block.rows : []));
const headline = (slide: Slide) => (slide.blocks[0]!.kind === "text" ? slide.blocks[0]!.text : "");
const plain = (text: string) => text.replace(/\s/gu, " ");
const off = (...rules: string[]) =>
  withThresholds({ rules: Object.fromEntries(rules.map((rule) => [rule, { enabled: false }])) });

describe("a healthy account's risks slide with rules switched off", () => {
  const alpine = loadSample("alpine-health-clinics.yaml");
  const clean = rowsOf(risksSlide(analyse(alpine)));

  it("is the clean slide of the sample, with every check passed, as a baseline", () => {
    expect(clean.map((row) => row[1]!.tone)).toEqual(RISK_CHECKS.map(() => "good"));
    expect(headline(risksSlide(analyse(alpine)))).toBe(
      "No risk findings: outcomes are on plan, data is current and the sponsor is engaged.",
    );
  });

  it.each(RULE_NAMES)(
    "%s off: its check's row says it was not (fully) checked, the others are unchanged",
    (rule) => {
      const slide = risksSlide(analyse(alpine, undefined, off(rule)));
      const rows = rowsOf(slide);
      const index = RISK_CHECKS.findIndex((check) => check.rules.includes(rule));
      const check = RISK_CHECKS[index]!;
      expect(rows[index]![0]!.text).toBe(CHECK_LABELS[check.id]);
      expect(rows[index]![1]).toEqual({
        text:
          check.rules.length === 1
            ? `Not checked: ${rule} switched off with --rules`
            : `Partly checked, nothing found: ${rule} switched off with --rules`,
        tone: "muted",
      });
      expect(rows.filter((_, other) => other !== index)).toEqual(clean.filter((_, other) => other !== index));
      expect(headline(slide)).toBe(
        "No risk findings from the checks that ran — not everything was checked: see below.",
      );
    },
  );

  it("says 'Not checked' and lists every rule when all of a check's rules are off", () => {
    const rows = rowsOf(risksSlide(analyse(alpine, undefined, off("no-outcome-data", "stale-outcome-data"))));
    const data = rows.find((row) => row[0]!.text === "Outcome data")!;
    expect(data[1]!.text).toBe(
      "Not checked: no-outcome-data and stale-outcome-data switched off with --rules",
    );
  });

  it("keeps a low finding on its row and names the rule beside it that did not run", () => {
    const account = { ...alpine, externalRisks: ["The clinic group is being sold"] };
    const rows = rowsOf(risksSlide(analyse(account, undefined, off("proxy-reason"))));
    const reasons = rows.find((row) => row[0]!.text === "Stated reasons and outside risks")!;
    expect(reasons[1]!.tone).toBe("warn");
    expect(reasons[1]!.text).toMatch(/^Low: .+; not checked: proxy-reason switched off with --rules$/);
  });

  it("a goal with no actuals and no-outcome-data off: never 'Every goal is measured'", () => {
    const data = baseAccountData();
    const goal = { ...(data.goals as Record<string, unknown>[])[0], actuals: [] };
    const analysis = analyse(makeAccount({ ...data, goals: [goal] }), undefined, off("no-outcome-data"));
    expect(analysis.findings.filter((finding) => finding.severity !== "low")).toEqual([]);
    const slide = risksSlide(analysis);
    const text = JSON.stringify(slide);
    expect(text).not.toContain("Every goal is measured");
    expect(text).not.toContain("Every goal measured");
    const row = rowsOf(slide).find((cells) => cells[0]!.text === "Outcome data")!;
    expect(row[1]).toEqual({
      text: "Partly checked, nothing found: no-outcome-data switched off with --rules",
      tone: "muted",
    });
  });

  it("a valued goal still at its baseline counts 0 realized, not 'no goal has a value per unit'", () => {
    const data = baseAccountData();
    const goal = {
      ...(data.goals as Record<string, unknown>[])[0],
      baseline: { date: "2025-09-15", value: 0 },
      actuals: [{ date: "2025-09-15", value: 0 }],
      value: { perUnit: 100 },
    };
    const analysis = analyse(
      makeAccount({ ...data, goals: [goal] }),
      undefined,
      // A goal at its baseline forecasts a miss: that rule is off so that the slide is the clean one.
      withThresholds({
        rules: { "roi-below-cost": { roiBelow: 0 }, "goal-forecast-miss": { enabled: false } },
      }),
    );
    expect(analysis.valueRealization.realizedValue).toBe(0);
    expect(analysis.findings.filter((finding) => finding.severity !== "low")).toEqual([]);
    const row = rowsOf(risksSlide(analysis)).find(
      (cells) => cells[0]!.text === "Value against the contract",
    )!;
    expect(plain(row[1]!.text)).toBe("$0 realized");
    expect(row[1]!.tone).toBe("good");
  });

  it("takes the not-checked wording and its headline from a --templates folder", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "qbr-risks-"));
    writeFileSync(
      path.join(dir, "deck.yaml"),
      [
        'risks.check.off: "Skipped ({{list health.offRules}}); ran: {{list health.checkedRules}}"',
        'risks.none.partly: "Some checks skipped"',
      ].join("\n"),
    );
    const analysis = analyse(alpine, undefined, off("stale-outcome-data"));
    const deck = deckFor(analysis, "internal", "qbr", { templates: loadTemplates(dir) });
    const slide = deck.slides.find((candidate) => candidate.id === "risks")!;
    expect(headline(slide)).toBe("Some checks skipped");
    const data = rowsOf(slide).find((row) => row[0]!.text === "Outcome data")!;
    expect(data[1]!.text).toBe("Skipped (stale-outcome-data); ran: no-outcome-data");
  });
});
