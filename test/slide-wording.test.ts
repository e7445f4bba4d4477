import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Portfolio } from "../src/batch/portfolio.js";
import type { Slide } from "../src/deck/deck-model.js";
import { buildPortfolioDeck } from "../src/deck/kinds/portfolio.js";
import { loadTemplates } from "../src/io/resources.js";
import { loadTheme } from "../src/io/theme-file.js";
import type { Account } from "../src/input/account-schema.js";
import { analyse, loadSample } from "./helpers/accounts.js";
import { deckFor, deckText, type DeckExtras } from "./helpers/decks.js";

/**
 * Slide texts that were English in code or a wording shared by accident (review 2026-12-02 items
 * 5, 6, 7, 11): now deck.yaml keys, the same words by default and changed by a --templates folder.
 */

const alpine = loadSample("alpine-health-clinics.yaml");
const plain = (text: string) => text.replace(/\s/gu, " ");
const slideOf = (
  account: Account,
  id: string,
  audience: "internal" | "customer",
  kind: "qbr" | "kickoff" = "qbr",
  extras: DeckExtras = {},
): Slide => deckFor(analyse(account), audience, kind, extras).slides.find((slide) => slide.id === id)!;
const workingRows = (slide: Slide) =>
  slide.blocks
    .flatMap((block) => (block.kind === "table" ? block.rows : []))
    .map((row) => row.map((cell) => plain(cell.text)));
const bulletTexts = (slide: Slide) =>
  slide.blocks.flatMap((block) => (block.kind === "bullets" ? block.items.map((item) => item.text) : []));

/** The first goal alone, valued per week, and never measured since its baseline. */
const unmeasuredWeekly: Account = {
  ...alpine,
  goals: [{ ...alpine.goals[0]!, actuals: [], value: { perUnit: 9000, per: "week" } }],
  roadmap: [],
};

function templatesDir(deckYaml: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "qbr-wording-"));
  writeFileSync(path.join(dir, "deck.yaml"), deckYaml);
  return dir;
}

describe("how the value is counted (customer value slide)", () => {
  it("words an unmeasured valued goal from the templates, never 'n/a', and × 52 from the calculation", () => {
    const value = slideOf(unmeasuredWeekly, "value", "customer");
    expect(workingRows(value)).toEqual([
      ["Cut the patient no-show rate", "18% → not measured yet", "CHF 9,000 a week, × 52", "not counted yet"],
    ]);
    expect(deckText(deckFor(analyse(unmeasuredWeekly), "customer", "qbr"))).not.toContain("n/a");
  });

  it("takes the periods a year of every basis from PERIODS_PER_YEAR", () => {
    for (const [per, words] of [
      ["month", "a month, × 12"],
      ["quarter", "a quarter, × 4"],
      ["year", "a year"],
    ] as const) {
      const account = {
        ...alpine,
        goals: [{ ...alpine.goals[0]!, value: { perUnit: 9000, per } }],
        roadmap: [],
      };
      expect(workingRows(slideOf(account, "value", "customer"))[0]![2]).toBe(`CHF 9,000 ${words}`);
    }
  });

  it("follows a --templates folder's value.working.* keys", () => {
    const templates = loadTemplates(
      templatesDir(
        [
          'value.working.measured: "from {{facts.baseline}} to {{facts.latest}}"',
          'value.working.unrealized: "to come"',
          'value.working.basis.week: "{{facts.perUnit}} weekly (× {{facts.periodsPerYear}} a year)"',
        ].join("\n"),
      ),
    );
    const value = slideOf(unmeasuredWeekly, "value", "customer", "qbr", { templates });
    expect(workingRows(value)[0]).toEqual([
      "Cut the patient no-show rate",
      "from 18% to not measured yet",
      "CHF 9,000 weekly (× 52 a year)",
      "to come",
    ]);
  });
});

describe("stakeholders in words (kick-off team, internal outlook)", () => {
  const people: Account = {
    ...alpine,
    stakeholders: [
      { ...alpine.stakeholders[0]! },
      { ...alpine.stakeholders[1]!, status: "new" },
      { ...alpine.stakeholders[2]!, status: "left" },
    ],
  };

  it("words roles and statuses as before by default", () => {
    const outlook = bulletTexts(slideOf(people, "outlook", "internal"));
    expect(outlook).toContain("Dr. Anna Keller — Executive sponsor, last contact 20 Oct 2025");
    expect(outlook).toContain("Matthias Roth — Economic buyer (new), last contact 5 Sep 2025");
    expect(outlook).toContain("Sofia Marti — Champion (left), last contact 10 Nov 2025");
    const team = bulletTexts(slideOf(people, "kickoff-team", "customer", "kickoff"));
    expect(team).toContain("Dr. Anna Keller — Executive sponsor");
    expect(team).toContain("Matthias Roth — Economic buyer");
  });

  it("says 'None recorded' from the templates when there are none", () => {
    const outlook = slideOf({ ...alpine, stakeholders: [] }, "outlook", "internal");
    expect(bulletTexts(outlook)).toContain("None recorded");
  });

  it("follows a --templates folder's stakeholder.* and outlook.stakeholders.none keys on both slides", () => {
    const templates = loadTemplates(
      templatesDir(
        [
          'stakeholder.role.economic-buyer: "Budget owner"',
          'stakeholder.status.new: "joined recently"',
          'stakeholder.status.left: "gone"',
          'outlook.stakeholders.none: "Nobody on file"',
        ].join("\n"),
      ),
    );
    const outlook = bulletTexts(slideOf(people, "outlook", "internal", "qbr", { templates }));
    expect(outlook).toContain("Matthias Roth — Budget owner (joined recently), last contact 5 Sep 2025");
    expect(outlook).toContain("Sofia Marti — Champion (gone), last contact 10 Nov 2025");
    const team = bulletTexts(slideOf(people, "kickoff-team", "customer", "kickoff", { templates }));
    expect(team).toContain("Matthias Roth — Budget owner");
    const none = slideOf({ ...alpine, stakeholders: [] }, "outlook", "internal", "qbr", { templates });
    expect(bulletTexts(none)).toContain("Nobody on file");
  });
});

describe("the portfolio's watermelon slide without watermelons", () => {
  it("carries the table's title, subtitle and notes, as the slide with rows does", () => {
    const portfolio: Portfolio = {
      asOf: "2025-09-30",
      accounts: [],
      totals: [],
      failed: [],
      filtered: 0,
      starters: [],
    };
    const deck = buildPortfolioDeck(portfolio, {
      theme: loadTheme(),
      templates: loadTemplates(),
      producer: "qbr-deck test",
    });
    const slide = deck.slides.find((candidate) => candidate.id === "watermelons")!;
    expect(Object.keys(slide)).toEqual(["id", "title", "subtitle", "notes", "layout", "blocks"]);
    expect(slide).toMatchObject({
      title: "Watermelon accounts: green outside, red inside",
      subtitle: "Health score, NPS or CSAT look good while goals are behind plan or unmeasured",
      layout: "content",
      blocks: [{ kind: "text", text: "No account shows green signals while its goals are behind plan." }],
    });
    expect(slide.notes).not.toBe("");
  });
});
