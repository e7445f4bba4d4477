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
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { writePortfolio } from "../src/batch/write-portfolio.js";
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
    riskScore: null,
    sponsor: null,
    csm: null,
    segment: null,
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

describe("the portfolio's one as-of date", () => {
  // Each account's own as-of differs; days to renewal must count from one date, so a later
  // renewal never shows fewer days than an earlier one (issue 12 §4).
  const mixed = newManifest("2025-12-01", settings, [
    entry("Early Review", { asOf: "2025-09-30", renewal: "2026-01-01", daysToRenewal: 93 }),
    entry("Late Review", { asOf: "2025-11-15", renewal: "2026-01-31", daysToRenewal: 77 }),
  ]);

  it("is the latest account as-of when the run has none, and days to renewal count from it", () => {
    const portfolio = buildPortfolio(mixed);
    expect(portfolio.asOf).toBe("2025-11-15");
    expect(portfolio.accounts.map((account) => [account.name, account.daysToRenewal])).toEqual([
      ["Early Review", 47],
      ["Late Review", 77],
    ]);
    // Each account keeps its own figures' date beside the portfolio's.
    expect(portfolio.accounts.map((account) => account.asOf)).toEqual(["2025-09-30", "2025-11-15"]);
  });

  it("is the run's --as-of when given", () => {
    const portfolio = buildPortfolio(mixed, "2025-12-01");
    expect(portfolio.asOf).toBe("2025-12-01");
    expect(portfolio.accounts.map((account) => account.daysToRenewal)).toEqual([31, 61]);
  });

  it("is passed from the run's settings when the portfolio is written", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "qbr-portfolio-"));
    try {
      const run = { ...mixed, settings: { ...settings, asOf: "2025-12-01" } as ManifestSettings };
      await writePortfolio(dir, run, { formats: [], ...portfolioDeckOptions(), render: {} });
      const rows = csvRecords(readFileSync(path.join(dir, "portfolio-internal.csv"), "utf8"));
      expect(rows.map((row) => row.days_to_renewal)).toEqual(["31", "61"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("ranks by days to renewal, the same order as the renewal dates", () => {
    const days = buildPortfolio(manifest).accounts.map((account) => account.daysToRenewal);
    expect(days).toEqual([...days].sort((a, b) => a - b));
  });
});

describe("the unedited qbr init starter", () => {
  const withStarter = newManifest("2025-10-31", settings, [
    entry("Real Customer", {}),
    entry("Example Customer Inc.", { starter: true, riskLevel: "high" }),
  ]);

  it("is reported on the overview and the last slide, never ranked", () => {
    const portfolio = buildPortfolio(withStarter);
    expect(portfolio.accounts.map((account) => account.name)).toEqual(["Real Customer"]);
    expect(portfolio.starters).toEqual(["accounts/example-customer-inc-.yaml"]);
    const deck = buildPortfolioDeck(portfolio, portfolioDeckOptions());
    const text = JSON.stringify(deck.slides);
    expect(text).toContain("1 unedited qbr init starter file left out (last slide)");
    const last = deck.slides.at(-1)!;
    expect(last.id).toBe("not-included");
    const table = last.blocks.find((block) => block.kind === "table");
    expect(table?.kind === "table" && table.rows[0]![0]!.text).toBe("accounts/example-customer-inc-.yaml");
    expect(csvRecords(portfolioCsv(portfolio)).map((row) => row.name)).toEqual(["Real Customer"]);
  });
});

describe("portfolioCsv", () => {
  it("adds CSM, segment, as-of, risk score, ARR at risk, sponsor status and the decks' paths", () => {
    const detailed = newManifest("2025-10-31", settings, [
      entry("Detailed", {
        riskLevel: "high",
        riskScore: 87,
        sponsor: "out-of-contact",
        csm: "Dana Reyes",
        segment: "Enterprise",
        asOf: "2025-10-15",
        topFinding: "Sponsor out of contact",
        files: [
          { path: "nw-qbr.pdf", format: "pdf", audience: "customer", kind: "qbr", bytes: 1, sha256: "" },
          {
            path: "nw-qbr-internal.pdf",
            format: "pdf",
            audience: "internal",
            kind: "qbr",
            bytes: 1,
            sha256: "",
          },
        ],
      }),
    ]);
    const [row] = csvRecords(portfolioCsv(buildPortfolio(detailed)));
    expect(row).toMatchObject({
      csm: "Dana Reyes",
      segment: "Enterprise",
      as_of: "2025-10-15",
      arr_at_risk: "100000",
      risk_score: "87",
      sponsor: "out-of-contact",
      top_finding: "Sponsor out of contact",
      decks: "nw-qbr.pdf; nw-qbr-internal.pdf",
    });
    const deck = buildPortfolioDeck(buildPortfolio(detailed), portfolioDeckOptions());
    const owners = deck.slides.find((slide) => slide.id === "owners")!;
    const table = owners.blocks.find((block) => block.kind === "table");
    expect(table?.kind === "table" && table.rows[0]!.map((cell) => cell.text)).toEqual([
      "1",
      "Detailed",
      "Dana Reyes",
      "Enterprise",
      "15 Oct 2025",
      "Out of contact",
      "$100,000",
      "nw-qbr* (2 files)",
    ]);
    const ranking = deck.slides.find((slide) => slide.id === "ranking")!;
    expect(JSON.stringify(ranking.blocks)).toContain("High · 87");
  });

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
      "owners",
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

describe("the portfolio's chart of accounts by risk", () => {
  // The PDF's axis takes its ticks from the same valueScale (test/chart-numbers.test.ts).
  it("is marked as counts and steps by whole accounts in the PPTX (major unit 1)", async () => {
    const { unzipSync, strFromU8 } = await import("fflate");
    const { loadRenderer } = await import("../src/render/renderer.js");
    const deck = buildPortfolioDeck(buildPortfolio(manifest), portfolioDeckOptions());
    const chart = deck.slides[1]!.blocks.find((block) => block.kind === "chart");
    expect(chart?.kind === "chart" && chart.chart.format).toMatchObject({ style: "number", counts: true });
    const pptx = await (await loadRenderer("pptx")).render(deck, {});
    const parts = unzipSync(pptx.bytes);
    const xml = Object.entries(parts)
      .filter(([name]) => name.startsWith("ppt/charts/chart"))
      .map(([, bytes]) => strFromU8(bytes))
      .join("");
    expect(xml).toContain('<c:majorUnit val="1"/>');
  });
});
