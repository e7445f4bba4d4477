import { describe, expect, it } from "vitest";
import type { Block, Deck, Slide } from "../src/deck/deck-model.js";
import type { Account } from "../src/input/account-schema.js";
import { loadTemplates } from "../src/io/resources.js";
import { loadTheme } from "../src/io/theme-file.js";
import { accountToDecks } from "../src/pipeline.js";
import { loadSample } from "./helpers/accounts.js";

/** Issue 12 §1: the slides of the storyline, from the account's review keys and roadmap. */

function deckOf(account: Account, audience: "customer" | "internal", kind: "qbr" | "renewal" = "qbr"): Deck {
  return accountToDecks(account, {
    today: "2025-09-30",
    templates: loadTemplates(),
    kinds: [kind],
    audiences: [audience],
    theme: loadTheme(),
    logo: null,
    producer: "test",
    provenance: null,
  }).decks[0]!;
}

const slide = (deck: Deck, id: string): Slide | undefined => deck.slides.find((one) => one.id === id);
const texts = (block: Block): string[] =>
  block.kind === "text"
    ? [block.text]
    : block.kind === "bullets"
      ? block.items.map((item) => item.text)
      : block.kind === "table"
        ? block.rows.map((row) => row.map((cell) => cell.text).join(" | "))
        : [];
const slideTexts = (one: Slide | undefined) => (one ? one.blocks.flatMap(texts) : []);

const northwind = loadSample("northwind-logistics.yaml");
const bare: Account = {
  ...northwind,
  review: { ...northwind.review, summary: undefined, highlights: [], asks: [], commitments: [] },
  roadmap: [],
};

describe("the storyline slides", () => {
  it.each(["customer", "internal"] as const)(
    "the %s summary leads with review.summary, verbatim",
    (audience) => {
      const summary = slide(deckOf(northwind, audience), "summary")!;
      expect(summary.blocks[0]).toMatchObject({ kind: "text", text: northwind.review.summary });
    },
  );

  it("the agenda lists the parts that follow, once each, or the account's own agenda", () => {
    const agenda = slideTexts(slide(deckOf(northwind, "customer"), "agenda"))
      .join("\n")
      .split("\n");
    expect(agenda).toEqual([
      "1. Executive summary",
      "2. Business objectives",
      "3. Wins since the last review",
      "4. Goals scorecard",
      "5. What changed since the last review",
      "6. Progress on each goal",
      "7. Value realized",
      "8. Roadmap for your goals",
      "9. Discussion",
      "10. Mutual action plan",
      "11. Next steps",
    ]);
    const own = { ...northwind, review: { ...northwind.review, agenda: ["Where we stand", "Plan for Q4"] } };
    expect(slideTexts(slide(deckOf(own, "customer"), "agenda"))).toEqual([
      "1. Where we stand",
      "2. Plan for Q4",
    ]);
  });

  it("objectives restate each goal's why, owner and baseline → target by date", () => {
    const rows = slideTexts(slide(deckOf(northwind, "customer", "renewal"), "objectives"));
    expect(rows[0]).toBe(
      "Cut the support ticket backlog | Faster resolution keeps shippers from switching carriers | Priya Shah | 1,200 tickets → 300 tickets | 31 Dec 2025",
    );
  });

  it("a customer deck never names a goal owner who has left", () => {
    const left = {
      ...northwind,
      stakeholders: northwind.stakeholders.map((person) =>
        person.name === "Priya Shah" ? { ...person, status: "left" as const } : person,
      ),
    };
    expect(slideTexts(slide(deckOf(left, "customer"), "objectives")).join()).not.toContain("Priya Shah");
    expect(slideTexts(slide(deckOf(left, "internal"), "objectives")).join()).toContain("Priya Shah");
  });

  it("wins show results and quotes with their author, and only when there are any", () => {
    const wins = slideTexts(slide(deckOf(northwind, "customer"), "wins")).join("\n");
    expect(wins).toContain("31 May 2025 — Tier-1 tickets now routed through automation");
    expect(wins).toContain(
      "“Our agents find the answer in the knowledge base instead of escalating” — Marcus Webb",
    );
    expect(slide(deckOf(bare, "customer"), "wins")).toBeUndefined();
  });

  it("the mutual action plan puts asks and commitments in one table, with each side named for the audience", () => {
    expect(slideTexts(slide(deckOf(northwind, "customer"), "actions"))).toEqual([
      "Your team | Free two days for the EU team training | Marcus Webb | 24 Oct 2025 | Open",
      "Your team | Name a carrier onboarding lead in the Northwind team | Priya Shah | 31 Oct 2025 | Open",
      "Our team | Run the EU support team training | Dana Reyes | 7 Nov 2025 | In progress",
      "Our team | Deliver the bulk carrier import | Dana Reyes | 15 Dec 2025 | Open",
    ]);
    expect(slideTexts(slide(deckOf(northwind, "internal"), "actions"))[0]).toMatch(/^Customer \| /);
    const late = {
      ...northwind,
      review: {
        ...northwind.review,
        asks: [{ title: "Sign off", owner: "Priya Shah", due: "2025-09-01", status: "open" as const }],
      },
    };
    expect(slideTexts(slide(deckOf(late, "customer"), "actions"))[0]).toContain("| Overdue");
    expect(slide(deckOf(bare, "customer"), "actions")).toBeUndefined();
  });

  it("roadmap items show on their own slide and on the slides of the goals they serve", () => {
    const deck = deckOf(northwind, "customer");
    expect(slideTexts(slide(deck, "roadmap"))).toEqual([
      "Bulk carrier import | Q4 2025 | Onboard new carriers faster",
      "Shipment tracking inside the ticket view | Q1 2026 | Resolve more tickets at first contact and Cut the support ticket backlog",
    ]);
    expect(slideTexts(slide(deck, "goal-carrier-onboarding"))).toContain(
      "On the roadmap: Bulk carrier import (Q4 2025)",
    );
    const bareDeck = deckOf(bare, "customer");
    expect(slide(bareDeck, "roadmap")).toBeUndefined();
    expect(JSON.stringify(bareDeck)).not.toContain("On the roadmap");
  });
});
