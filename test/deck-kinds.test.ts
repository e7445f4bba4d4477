import { readdirSync } from "node:fs";
import JSZip from "jszip";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it } from "vitest";
import type { Deck, TableBlock } from "../src/deck/deck-model.js";
import type { Account } from "../src/input/account-schema.js";
import { MIN_FONT_SIZE } from "../src/deck/geometry.js";
import { layoutTable } from "../src/render/pptx/blocks/table-layout.js";
import { pdfRenderer } from "../src/render/pdf/render-pdf.js";
import { pptxRenderer } from "../src/render/pptx/render-pptx.js";
import { analyse, baseAccountData, loadSample, makeAccount, SAMPLES_DIR } from "./helpers/accounts.js";
import { deckFor, deckText, sampleDeck } from "./helpers/decks.js";
import { expectSoundLayout } from "./helpers/layout.js";

/** Issue 14 §1–2: the kick-off deck and the ROI one-pager. */

const samples = readdirSync(SAMPLES_DIR).filter((name) => /\.ya?ml$/.test(name));
const audiences = ["internal", "customer"] as const;

/** A sample with its goals cloned to `count` and a long account name: the one-pager's stress case. */
function clonedSample(count: number): Account {
  const account = loadSample("northwind-logistics.yaml");
  const goals = Array.from({ length: count }, (_, index) => {
    const goal = account.goals[index % account.goals.length]!;
    return { ...goal, id: `${goal.id}-${index + 1}`, title: `${index + 1}. ${goal.title}` };
  });
  const name = "Northwind Logistics International Freight and Warehousing Holdings";
  return { ...account, account: { ...account.account, name }, goals };
}

function withoutActuals(account: Account): Account {
  return { ...account, goals: account.goals.map((goal) => ({ ...goal, actuals: [] })) };
}

function table(deck: Deck): TableBlock {
  const block = deck.slides[0]!.blocks.find((one) => one.kind === "table");
  if (block?.kind !== "table") throw new Error("the one-pager has no goal table");
  return block;
}

describe("--kind onepager", () => {
  it.each(samples.flatMap((name) => audiences.map((audience) => ({ name, audience }))))(
    "$name $audience is exactly one slide, even with the customer appendix",
    ({ name, audience }) => {
      const deck = sampleDeck(name, audience, "onepager", true);
      expect(deck.slides.map((slide) => slide.id)).toEqual(["onepager"]);
      expect(deck.meta.kind).toBe("onepager");
      expectSoundLayout(deck);
    },
  );

  it.each(audiences)(
    "15 goals and a long account name still fit one slide and one page (%s)",
    async (audience) => {
      const deck = deckFor(analyse(clonedSample(15)), audience, "onepager");
      expect(deck.slides).toHaveLength(1);
      expectSoundLayout(deck);
      const goals = table(deck);
      expect(goals.rows).toHaveLength(15);
      // Every goal gets its line at a size that still prints legibly.
      const layout = layoutTable(goals);
      expect(layout.shownRows).toBe(15);
      expect(layout.fontSizePt).toBeGreaterThanOrEqual(MIN_FONT_SIZE + 1);
      const chart = deck.slides[0]!.blocks.find((block) => block.kind === "chart");
      expect(
        chart?.kind === "chart" && chart.chart.type === "bar" && chart.chart.categories.length,
      ).toBeLessThanOrEqual(8);
      const pdf = await pdfRenderer.render(deck, {});
      expect((await getDocument({ data: new Uint8Array(pdf.bytes) }).promise).numPages).toBe(1);
      const pptx = await JSZip.loadAsync((await pptxRenderer.render(deck, {})).bytes);
      expect(Object.keys(pptx.files).filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name))).toEqual([
        "ppt/slides/slide1.xml",
      ]);
    },
  );

  it("shows customers value ÷ ARR only as a multiple of at least 1, else value against plan", () => {
    const low = (audience: "internal" | "customer") =>
      deckText(sampleDeck("northwind-logistics.yaml", audience, "onepager"));
    expect(low("internal")).toMatch(/0\.2\d×/);
    expect(low("customer")).not.toContain("×");
    expect(low("customer")).toContain("Value against plan");
    const data = baseAccountData();
    const goals = (data.goals as Record<string, unknown>[]).map((goal) => ({
      ...goal,
      value: { perUnit: 4000 },
    }));
    const high = deckText(deckFor(analyse(makeAccount({ ...data, goals })), "customer", "onepager"));
    // 75 things × 4,000 = 300,000 against 100,000 ARR.
    expect(high).toContain("3.0×");
  });

  it("adds the top risk line in the internal variant only", () => {
    const internal = deckText(sampleDeck("northwind-logistics.yaml", "internal", "onepager"));
    expect(internal).toContain("Top risk:");
    expect(deckText(sampleDeck("northwind-logistics.yaml", "customer", "onepager"))).not.toContain(
      "Top risk",
    );
  });

  it.each(audiences)("without any actual (%s): every goal reads as not measured yet", async (audience) => {
    const deck = deckFor(
      analyse(withoutActuals(loadSample("northwind-logistics.yaml"))),
      audience,
      "onepager",
    );
    expect(deck.slides).toHaveLength(1);
    await expect(JSON.stringify(deck, null, 2) + "\n").toMatchFileSnapshot(
      `golden/northwind-logistics-no-actuals-onepager-${audience}.json`,
    );
    expect(table(deck).rows.every((row) => row[2]!.text.startsWith("Not measured yet"))).toBe(true);
  });
});

describe("--kind kickoff", () => {
  it.each(audiences)("works with no actuals at all, and does not depend on them (%s)", async (audience) => {
    const account = loadSample("northwind-logistics.yaml");
    const deck = deckFor(analyse(withoutActuals(account)), audience, "kickoff");
    await expect(JSON.stringify(deck, null, 2) + "\n").toMatchFileSnapshot(
      `golden/northwind-logistics-no-actuals-kickoff-${audience}.json`,
    );
    expect(deck.slides).toEqual(deckFor(analyse(account), audience, "kickoff").slides);
    expectSoundLayout(deck);
  });

  it("holds why, success criteria, milestones, the work, the team and the first review", () => {
    const deck = sampleDeck("northwind-logistics.yaml", "customer", "kickoff");
    expect(deck.slides.map((slide) => slide.id)).toEqual([
      "cover",
      "agenda",
      "kickoff-why",
      "kickoff-criteria",
      "kickoff-milestones",
      "kickoff-work",
      "kickoff-team",
    ]);
    const text = deckText(deck);
    expect(text).toContain("Faster resolution keeps shippers from switching carriers");
    expect(text).toContain("First review proposed for 29 Dec 2025");
  });

  it("places plan points in 30/60/90-day windows from asOf and prints the cadence and first review", () => {
    const data = baseAccountData();
    const goal = {
      ...(data.goals as Record<string, unknown>[])[0],
      actuals: [],
      plan: [
        { date: "2025-10-15", value: 10 },
        { date: "2025-11-20", value: 20 },
        { date: "2025-12-20", value: 30 },
      ],
    };
    const account = makeAccount({
      ...data,
      review: {
        asOf: "2025-09-30",
        cadence: "Monthly check-in, quarterly business review",
        firstReview: "2026-01-15",
      },
      goals: [goal],
    });
    const deck = deckFor(analyse(account), "customer", "kickoff");
    const milestones = deck.slides.find((slide) => slide.id === "kickoff-milestones")!;
    const columns = milestones.blocks.map((block) =>
      block.kind === "bullets" ? block.items.map((item) => item.text.slice(0, 11)) : [],
    );
    expect(columns).toEqual([["15 Oct 2025"], ["20 Nov 2025"], ["20 Dec 2025"], ["31 Dec 2025"]]);
    const team = JSON.stringify(deck.slides.find((slide) => slide.id === "kickoff-team"));
    expect(team).toContain("Cadence: Monthly check-in, quarterly business review");
    expect(team).toContain("First review: 15 Jan 2026");
  });

  it("warns the CSM, internally only, of no sponsor, an unmeasured baseline and a goal without tasks", () => {
    const data = baseAccountData();
    const goal = {
      ...(data.goals as Record<string, unknown>[])[0],
      actuals: [],
      baseline: { date: "2025-10-15", value: 0 },
    };
    const account = makeAccount({ ...data, stakeholders: [], goals: [goal] });
    const internal = deckFor(analyse(account), "internal", "kickoff");
    const watch = JSON.stringify(internal.slides.find((slide) => slide.id === "kickoff-watch"));
    expect(watch).toContain("No executive sponsor named");
    expect(watch).toContain("the baseline is not measured yet (planned for 15 Oct 2025)");
    expect(watch).toContain("Grow the thing: no tasks planned");
    const customer = deckFor(analyse(account), "customer", "kickoff");
    expect(customer.slides.some((slide) => slide.id === "kickoff-watch")).toBe(false);
    expect(deckText(customer)).not.toContain("sponsor named");
  });
});
