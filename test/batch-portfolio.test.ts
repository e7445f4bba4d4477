import { describe, expect, it } from "vitest";
import {
  failedEntry,
  newManifest,
  type ManifestAccount,
  type ManifestSettings,
} from "../src/batch/manifest.js";
import { buildPortfolio } from "../src/batch/portfolio.js";
import { portfolioCsv } from "../src/batch/portfolio-csv.js";
import { buildPortfolioDeck } from "../src/deck/kinds/portfolio.js";
import { loadTemplates } from "../src/io/resources.js";
import { loadTheme } from "../src/io/theme-file.js";
import { csvRecords } from "./helpers/batch.js";

const portfolioDeckOptions = () => ({
  theme: loadTheme(),
  templates: loadTemplates(),
  producer: "qbr-deck test",
});

/** The portfolio summary from manifest entries: ranking, per-currency totals, CSV and deck. */

const settings = { formats: ["pdf"], audiences: ["internal"], kinds: ["qbr"] } as unknown as ManifestSettings;

function entry(name: string, fields: Partial<ManifestAccount>): ManifestAccount {
  return {
    source: `accounts/${name.toLowerCase().replace(/\W+/g, "-")}.yaml`,
    account: { id: null, name },
    slug: name.toLowerCase(),
    status: "written",
    riskLevel: "low",
    asOf: "2025-10-31",
    renewal: "2026-03-31",
    daysToRenewal: 151,
    arr: 100_000,
    currency: "USD",
    goals: { total: 3, achieved: 1, onTrack: 1, atRisk: 1, offTrack: 0, noData: 0 },
    valueRealized: 50_000,
    roi: 0.5,
    topFinding: null,
    watermelon: false,
    files: [],
    inputHash: "0".repeat(64),
    ...fields,
  };
}

const manifest = newManifest("2025-10-31", settings, [
  entry("Later Low", { renewal: "2026-06-30", daysToRenewal: 242 }),
  entry("Soon High Small", { renewal: "2025-12-31", riskLevel: "high", arr: 50_000 }),
  entry("Soon High Big", { renewal: "2025-12-31", riskLevel: "high", arr: 300_000, watermelon: true }),
  entry("Euro High", { renewal: "2026-01-15", riskLevel: "high", arr: 200_000, currency: "EUR" }),
  entry('=HYPERLINK("http://x")', { renewal: "2026-02-01", topFinding: "+1 formula" }),
  entry("Outside Window", { status: "filtered", renewal: "2027-01-01" }),
  failedEntry("accounts/broken.yaml", "accounts/broken.yaml:3:5 contract.arr — expected a number\nmore"),
]);

describe("buildPortfolio", () => {
  const portfolio = buildPortfolio(manifest);

  it("ranks by renewal date, then ARR at risk, and leaves out filtered and failed accounts", () => {
    expect(portfolio.accounts.map((account) => account.name)).toEqual([
      "Soon High Big",
      "Soon High Small",
      "Euro High",
      '=HYPERLINK("http://x")',
      "Later Low",
    ]);
    expect(portfolio.accounts.map((account) => account.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(portfolio.filtered).toBe(1);
    expect(portfolio.failed).toEqual([
      { source: "accounts/broken.yaml", reason: "accounts/broken.yaml:3:5 contract.arr — expected a number" },
    ]);
  });

  it("totals ARR and ARR at risk per currency, never adding EUR to USD", () => {
    expect(portfolio.totals).toEqual([
      { currency: "USD", accounts: 4, arr: 550_000, arrAtRisk: 350_000, highRisk: 2 },
      { currency: "EUR", accounts: 1, arr: 200_000, arrAtRisk: 200_000, highRisk: 1 },
    ]);
  });
});

describe("portfolioCsv", () => {
  it("writes numbers as numbers and defuses text a spreadsheet would run as a formula", () => {
    const rows = csvRecords(portfolioCsv(buildPortfolio(manifest)));
    expect(rows[0]).toMatchObject({
      rank: "1",
      arr: "300000",
      currency: "USD",
      risk_level: "high",
      roi: "0.5",
    });
    expect(rows[0]!.watermelon).toBe("yes");
    const formula = rows.find((row) => row.name!.includes("HYPERLINK"))!;
    expect(formula.name).toBe('\'=HYPERLINK("http://x")');
    expect(formula.top_finding).toBe("'+1 formula");
  });
});

describe("buildPortfolioDeck", () => {
  it("has the overview, the watermelons, the ranking and the failures, with amounts per currency", () => {
    const deck = buildPortfolioDeck(buildPortfolio(manifest), portfolioDeckOptions());
    expect(deck.slides.map((slide) => slide.id)).toEqual([
      "cover",
      "overview",
      "watermelons",
      "ranking",
      "not-included",
    ]);
    expect(deck.meta.audience).toBe("internal");
    // The tile shows the largest currency's ARR at risk; the others follow, never added to it.
    const tile = deck.slides[1]!.blocks.find((block) => block.kind === "kpis");
    expect(tile?.kind === "kpis" && tile.items.find((item) => item.label === "ARR at risk")).toMatchObject({
      value: "$350,000",
      detail: "+ €200,000",
    });
    const watermelons = deck.slides[2]!.blocks.find((block) => block.kind === "table");
    expect(watermelons?.kind === "table" && watermelons.rows.map((row) => row[0]!.text)).toEqual([
      "Soon High Big",
    ]);
  });

  it("continues the ranking on more slides when there are many accounts", () => {
    const many = newManifest(
      "2025-10-31",
      settings,
      Array.from({ length: 40 }, (_, index) => entry(`Account ${String(index).padStart(2, "0")}`, {})),
    );
    const ranking = buildPortfolioDeck(buildPortfolio(many), portfolioDeckOptions()).slides.filter((slide) =>
      slide.id.startsWith("ranking"),
    );
    expect(ranking.length).toBeGreaterThan(1);
    expect(ranking[1]!.title).toContain("(continued)");
    const rows = ranking.flatMap((slide) =>
      slide.blocks.flatMap((block) => (block.kind === "table" ? block.rows : [])),
    );
    expect(rows).toHaveLength(40);
  });
});
