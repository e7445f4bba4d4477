import { describe, expect, it } from "vitest";
import { categoryLabels } from "../src/deck/charts.js";
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
