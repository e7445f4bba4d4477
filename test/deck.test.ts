import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { RULES } from "../src/analysis/rules/index.js";
import { isSlideId } from "../src/deck/slide-ids.js";
import { DECK_KIND_NAMES } from "../src/deck/kinds/index.js";
import { analyse, fifteenGoalAccountData, loadSample, makeAccount, SAMPLES_DIR } from "./helpers/accounts.js";
import { deckFor, deckText, sampleDeck } from "./helpers/decks.js";
import { expectSoundLayout } from "./helpers/layout.js";

const samples = readdirSync(SAMPLES_DIR).filter(
  (name) => /\.(ya?ml|json)$/.test(name) && !name.endsWith(".schema.json"),
);
const combos = samples.flatMap((name) =>
  (["internal", "customer"] as const).flatMap((audience) =>
    DECK_KIND_NAMES.map((kind) => ({ name, audience, kind })),
  ),
);

describe("golden deck models", () => {
  it.each(combos)("$name $kind $audience", async ({ name, audience, kind }) => {
    const deck = sampleDeck(name, audience, kind);
    const logo = deck.logo ? { ...deck.logo, base64: `<${deck.logo.base64.length} base64 chars>` } : null;
    await expect(JSON.stringify({ ...deck, logo }, null, 2) + "\n").toMatchFileSnapshot(
      `golden/${name.replace(/\.\w+$/, "")}-${kind}-${audience}.json`,
    );
  });
});

describe("deck structure", () => {
  it.each(combos)("$name $kind $audience: every slide has a documented id", ({ name, audience, kind }) => {
    const deck = sampleDeck(name, audience, kind);
    for (const slide of deck.slides) expect(isSlideId(slide.id), slide.id).toBe(true);
  });

  it.each(combos)("$name $kind $audience keeps a sound layout", ({ name, audience, kind }) => {
    expectSoundLayout(sampleDeck(name, audience, kind));
  });

  it("a QBR deck holds title, summary, scorecard, one slide per goal with a chart, value, discussion and next steps", () => {
    const deck = sampleDeck("northwind-logistics.yaml", "customer", "qbr");
    const ids = deck.slides.map((slide) => slide.id);
    // Issue 12 §1: the storyline a good QBR has, in order.
    expect([...new Set(ids)]).toEqual([
      "cover",
      "agenda",
      "summary",
      "objectives",
      "wins",
      "scorecard",
      "changes",
      "goal-backlog",
      "goal-first-contact",
      "goal-carrier-onboarding",
      "value",
      "roadmap",
      "discussion",
      "actions",
      "next-steps",
    ]);
    for (const goal of ["backlog", "first-contact", "carrier-onboarding"]) {
      const slide = deck.slides.find((one) => one.id === `goal-${goal}`)!;
      const chart = slide.blocks.find((block) => block.kind === "chart");
      expect(
        chart?.kind === "chart" && chart.chart.type === "timeline" && chart.chart.series.map((s) => s.role),
      ).toEqual(["plan", "actual", "forecast"]);
    }
    expect(ids).toEqual(expect.arrayContaining(["value", "discussion", "next-steps"]));
    expect(deck.slides.every((slide) => slide.notes.length > 0)).toBe(true);
  });

  it("a renewal deck shows value over the term, outcomes achieved, what is open and the next term", () => {
    const ids = sampleDeck("alpine-health-clinics.yaml", "customer", "renewal").slides.map(
      (slide) => slide.id,
    );
    expect(ids).toEqual(expect.arrayContaining(["value", "outcomes", "still-open", "next-term"]));
  });

  it("an internal deck adds risks, the watermelon call-out, stated reasons and the signals/renewal outlook", () => {
    const northwind = sampleDeck("northwind-logistics.yaml", "internal", "qbr");
    const ids = northwind.slides.map((slide) => slide.id);
    expect(ids).toEqual(expect.arrayContaining(["hidden-risks", "risks", "reasons", "outlook"]));
    expect(deckText(northwind)).toContain("QBR-INTERNAL-MARKER-7f3a");
    const goalNotes = northwind.slides.find((slide) => slide.id === "goal-backlog")!.notes;
    expect(goalNotes).toContain("[HIGH] Behind plan: Cut the support ticket backlog (goal-behind-plan)");
    expect(goalNotes).toContain("Evidence — status: off-track · attainment: 0.4222");
  });
});

describe("customer audience never holds internal content", () => {
  const internalWords = [
    ...RULES.map((rule) => rule.name),
    "severity",
    "Severity",
    "HIGH",
    "MEDIUM",
    "Risk level",
    "risk level",
    "Health score",
    "health score",
    "NPS",
    "CSAT",
    "Active users",
    "signals",
    "Watermelon",
    "watermelon",
    "proxy",
    "Proxy",
    "root cause",
    "Internal",
    "internal",
  ];
  it.each(samples)("%s: slides, notes and metadata of every kind", (name) => {
    const account = loadSample(name);
    for (const kind of DECK_KIND_NAMES) {
      const text = deckText(sampleDeck(name, "customer", kind));
      for (const word of internalWords) expect(text, `${kind} deck contains "${word}"`).not.toContain(word);
      if (account.internalNotes) expect(text).not.toContain(account.internalNotes.slice(0, 30));
      for (const reason of account.statedReasons) expect(text).not.toContain(reason);
      for (const risk of account.externalRisks) expect(text).not.toContain(risk);
    }
  });
});

describe("large accounts stay readable", () => {
  const analysis = analyse(makeAccount(fifteenGoalAccountData()));

  it.each(["internal", "customer"] as const)("15 goals with 40-character titles (%s)", (audience) => {
    const deck = deckFor(analysis, audience, "qbr");
    expectSoundLayout(deck);
    expect(deck.slides.filter((slide) => slide.id.startsWith("goal-"))).toHaveLength(15);
    const scorecards = deck.slides.filter((slide) => slide.id.startsWith("scorecard"));
    expect(scorecards.length).toBe(2);
    expect(scorecards[1]!.title).toContain("(continued)");
    for (const slide of deck.slides) {
      for (const block of slide.blocks)
        if (block.kind === "table") expect(block.rows.length).toBeLessThanOrEqual(9);
    }
    expect(deck.slides.filter((slide) => slide.id.startsWith("discussion")).length).toBeGreaterThan(1);
  });
});

describe("what changed since the last review", () => {
  it("compares attainment and status per goal at both dates, with new and resolved findings internally", () => {
    const deck = sampleDeck("northwind-logistics.yaml", "internal", "qbr");
    const slide = deck.slides.find((one) => one.id === "changes")!;
    expect(slide.title).toBe("What changed since 30 Jun 2025");
    const table = slide.blocks.find((block) => block.kind === "table")!;
    // backlog: 300/900 = 33% on 2025-06-30 → 42% now, +8.9 points
    expect(table.kind === "table" && table.rows[0]!.map((cell) => cell.text)).toEqual([
      "Cut the support ticket backlog",
      "33%",
      "42%",
      "+8.9 pts",
      "Off track",
      "Off track",
    ]);
    expect(JSON.stringify(slide.blocks)).toContain("New findings since 30 Jun 2025");
  });
  it("shows customers the tasks that slipped, not findings", () => {
    const slide = sampleDeck("northwind-logistics.yaml", "customer", "qbr").slides.find(
      (one) => one.id === "changes",
    )!;
    const text = JSON.stringify(slide);
    expect(text).toContain("Tasks that slipped since 30 Jun 2025");
    expect(text).toContain("Overdue since 31 Aug 2025: Train the EU support team");
    expect(text).not.toContain("findings");
  });
});

describe("provenance appendix", () => {
  it("states data points, formulas, thresholds, as-of, tool version and the input sha256 (internal)", () => {
    const deck = sampleDeck("northwind-logistics.yaml", "internal", "qbr");
    const text = deckText({
      ...deck,
      slides: deck.slides.filter((slide) => slide.id.startsWith("appendix")),
    });
    expect(text).toMatch(/sha256: [0-9a-f]{64}/);
    expect(text).toContain("As of: 2025-09-30");
    expect(text).toContain("attainment = (820 − 1200) / (300 − 1200) = 0.4222");
    expect(text).toContain("2025-06-30: 700");
    expect(text).toContain("goal-forecast-miss: mediumBelow 0.9, highBelow 0.6");
  });
  it("is optional for customers and then leaves the rule thresholds out", () => {
    expect(
      sampleDeck("northwind-logistics.yaml", "customer", "qbr").slides.some(
        (slide) => slide.id === "appendix",
      ),
    ).toBe(false);
    const deck = sampleDeck("northwind-logistics.yaml", "customer", "qbr", true);
    const text = deckText(deck);
    expect(text).toContain("Appendix: how the figures are computed");
    expect(text).not.toContain("goal-forecast-miss");
  });
});
