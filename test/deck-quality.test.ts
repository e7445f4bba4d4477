import { describe, expect, it } from "vitest";
import { RULE_NAMES } from "../src/analysis/rules/index.js";
import { categoryLabels } from "../src/deck/charts.js";
import { RISK_CHECKS } from "../src/deck/slides/risks-clean.js";
import type { Slide } from "../src/deck/deck-model.js";
import { analyse, loadSample } from "./helpers/accounts.js";
import { deckFor } from "./helpers/decks.js";

/** Issue 12's follow-ups: kick-off tasks past due, bar labels kept apart, the thresholds slide. */

const tableRows = (slide: Slide) =>
  slide.blocks.flatMap((block) => (block.kind === "table" ? block.rows : []));

describe("the kick-off work slide", () => {
  it("marks the tasks already past due on the as-of date, and lists them first", () => {
    const analysis = analyse(loadSample("northwind-logistics.yaml"));
    for (const audience of ["internal", "customer"] as const) {
      const work = deckFor(analysis, audience, "kickoff").slides.filter(
        (slide) => slide.id === "kickoff-work",
      );
      const rows = work.flatMap(tableRows);
      const states = rows.map((row) => row[4]!.text);
      expect(states).toContain("Overdue");
      // Overdue rows first, and only tasks due before the as-of date are overdue.
      expect(states.indexOf("Open")).toBeGreaterThan(states.lastIndexOf("Overdue"));
      const train = rows.find((row) => row[0]!.text === "Train the EU support team")!;
      expect(train[3]).toMatchObject({ text: "31 Aug 2025", tone: "bad" });
      expect(train[4]).toMatchObject({ text: "Overdue", tone: "bad" });
    }
  });
});

describe("bar chart categories", () => {
  it("stay apart when two titles shorten to the same label", () => {
    const labels = categoryLabels(
      [
        "Reduce the time to close the month in Germany",
        "Reduce the time to close the month in Austria",
        "Short",
      ],
      30,
    );
    expect(new Set(labels).size).toBe(3);
    expect(labels[0]).toBe("Reduce the time to close the…");
    expect(labels[1]).toMatch(/ \(2\)$/);
    expect(labels[1]!.length).toBeLessThanOrEqual(30);
    expect(labels[2]).toBe("Short");
  });
});

describe("the internal appendix", () => {
  it("lists the thresholds on a slide of their own, in two columns, and the customer appendix keeps its one line", () => {
    const analysis = analyse(loadSample("northwind-logistics.yaml"));
    const provenance = { sourceName: "n.yaml", sha256: "0".repeat(64), toolVersion: "t" };
    const internal = deckFor(analysis, "internal", "qbr", { provenance }).slides;
    const thresholds = internal.find((slide) => slide.title === "Appendix: thresholds in force")!;
    const columns = thresholds.blocks.filter((block) => block.kind === "bullets");
    expect(columns).toHaveLength(2);
    const lines = columns.flatMap((block) => (block.kind === "bullets" ? block.items : []));
    expect(lines.length).toBe(Object.keys(analysis.thresholds.rules).length + 1);
    // At most 8 short lines a column of 5.45 in: they render at body size, not squeezed to 6 pt.
    for (const block of columns)
      expect(block.kind === "bullets" && block.items.length).toBeLessThanOrEqual(8);
    const customer = deckFor(analysis, "customer", "qbr", { provenance, customerAppendix: true }).slides;
    expect(customer.some((slide) => slide.title === "Appendix: thresholds in force")).toBe(false);
    expect(JSON.stringify(customer)).toContain("status: on track at pace ≥ 0.9, at risk at pace ≥ 0.7");
  });
});

describe("a healthy account's risks slide (no high or medium finding)", () => {
  const alpine = loadSample("alpine-health-clinics.yaml");
  const risksOf = (account: typeof alpine) =>
    deckFor(analyse(account), "internal", "qbr").slides.filter((slide) => slide.id === "risks");

  it("says what was checked and what each check found, outcomes first, not one line on an empty page", () => {
    const [slide, ...more] = risksOf(alpine);
    expect(more).toHaveLength(0);
    expect(slide!.subtitle).toBe("Nothing to escalate — what we checked, and what we found");
    // Money is written with no-break spaces ("CHF 128,200"); compared here as plain spaces.
    const rows = tableRows(slide!).map((row) =>
      row.map((cell) => cell.text.replace(/\s/gu, " ")).join(" | "),
    );
    expect(rows).toEqual([
      "Outcomes against plan | 3 of 3 goals on track or achieved; none forecast to miss its target",
      "Value against the contract | CHF 128,200 realized — 1.4× the CHF 90,000 annual contract",
      "Executive sponsor | Dr. Anna Keller is engaged, last contact 20 Oct 2025",
      "Outcome data | Every goal measured in the last 46 days",
      "Tasks on the way to the goals | None overdue",
      "Scores and usage | Read against the outcomes: no green health score, NPS or usage figure hides a goal behind plan",
      "Stated reasons and outside risks | None on record",
      "Renewal | 31 Jan 2026 (in 77 days): not at risk on outcomes, value or sponsor",
    ]);
    // The table fills the page below the headline, not one line at the top of it.
    const table = slide!.blocks.find((block) => block.kind === "table")!;
    expect(table.box.y + table.box.h).toBeCloseTo(6.9, 5);
    expect(slide!.notes).toContain("agree the next outcome");
  });

  it("keeps a low finding on its check's row, and lists every rule under exactly one check", () => {
    const [slide] = risksOf({ ...alpine, externalRisks: ["The clinic group is being sold"] });
    const blocks = slide!.blocks;
    expect(blocks[0]).toMatchObject({ text: "No high or medium findings; 1 low finding to keep an eye on." });
    const row = tableRows(slide!).find((cells) => cells[0]!.text === "Stated reasons and outside risks")!;
    expect(row[1]).toMatchObject({ tone: "warn" });
    expect(row[1]!.text).toMatch(/^Low: /);
    expect(slide!.notes).toContain("The clinic group is being sold");
    const placed = RISK_CHECKS.flatMap((check) => check.rules);
    expect([...placed].sort()).toEqual([...RULE_NAMES].sort());
  });

  it("is never in a customer deck", () => {
    for (const kind of ["qbr", "renewal"] as const) {
      const deck = deckFor(analyse(alpine), "customer", kind);
      expect(deck.slides.some((slide) => slide.id === "risks")).toBe(false);
      expect(JSON.stringify(deck)).not.toContain("Nothing to escalate");
    }
  });
});

describe("slides that use their space", () => {
  const alpine = loadSample("alpine-health-clinics.yaml");
  const slideOf = (account: typeof alpine, id: string, kind: "qbr" | "renewal" = "qbr") =>
    deckFor(analyse(account), "customer", kind).slides.find((slide) => slide.id === id)!;
  const texts = (slide: Slide) => slide.blocks.flatMap((block) => (block.kind === "text" ? [block] : []));

  it("sets a short agenda in display type, spread down the page", () => {
    const agenda = slideOf(
      {
        ...alpine,
        review: {
          ...alpine.review,
          agenda: ["Where we stand", "Online booking", "Pilot clinics", "Next steps"],
        },
      },
      "agenda",
    );
    const lines = texts(agenda);
    expect(lines.map((line) => [line.text, line.style])).toEqual([
      ["1. Where we stand", "display"],
      ["2. Online booking", "display"],
      ["3. Pilot clinics", "display"],
      ["4. Next steps", "display"],
    ]);
    // 24 pt lines 0.433 in high with 1.2 lines of air between them: 0.953 in apart, from the top.
    expect(lines.map((line) => line.box.y)).toEqual([1.45, 2.403, 3.357, 4.31]);
    expect(lines.every((line) => line.box.h === 0.433)).toBe(true);
  });

  it("spreads the generated agenda's lines over the content area, in lead type", () => {
    const lines = texts(slideOf(alpine, "agenda"));
    expect(lines).toHaveLength(10);
    expect(lines.every((line) => line.style === "lead" && line.box.h === 0.325)).toBe(true);
    // 18 pt lines with the free height shared out below each: the last ends one gap above the foot
    // of the content area (1.45 + 5.45 in), not half-way down the page.
    const gap = (5.45 - 10 * 0.325) / 10;
    const last = lines.at(-1)!;
    expect(last.box.y + last.box.h).toBeCloseTo(6.9 - gap, 2);
  });

  it("sizes a one-goal value chart to its bars and puts how the value is counted under it", () => {
    const single = { ...alpine, goals: alpine.goals.slice(0, 1), roadmap: [] };
    const value = slideOf(single, "value");
    const chart = value.blocks.find((block) => block.kind === "chart")!;
    expect(chart.box).toMatchObject({ y: 1.45, h: 2.1 });
    const working = value.blocks.find((block) => block.kind === "table")!;
    expect(working.box.y).toBeCloseTo(1.45 + 2.1 + 0.35 + 0.35 + 0.05, 5);
    expect(working.rows.map((row) => row.map((cell) => cell.text.replace(/\s/gu, " ")))).toEqual([
      ["Cut the patient no-show rate", "18% → 10.2%", "CHF 9,000", "CHF 70,200"],
    ]);
    expect(texts(value).find((block) => block.style === "heading")!.text).toBe("How the value is counted");
    // The tiles beside it are as tall as the chart.
    expect(value.blocks.find((block) => block.kind === "kpis")!.box.h).toBe(2.1);
  });

  it("keeps the full-height chart for more goals than fit a compact one", () => {
    const many = {
      ...alpine,
      goals: [0, 1, 2, 3].map((index) => ({ ...alpine.goals[0]!, id: `g${index}`, title: `Goal ${index}` })),
      roadmap: [],
    };
    const value = slideOf(many, "value");
    expect(value.blocks.find((block) => block.kind === "chart")!.box.h).toBeCloseTo(5.45, 5);
    expect(value.blocks.some((block) => block.kind === "table")).toBe(false);
  });
});
