import { describe, expect, it } from "vitest";
import { loadTheme } from "../src/io/theme-file.js";
import { buildPortfolioDeck } from "../src/deck/kinds/portfolio.js";
import { loadTemplates } from "../src/io/resources.js";
import type { Portfolio, PortfolioAccount } from "../src/batch/portfolio.js";
import { formatAnalysisReport } from "../src/cli/analysis-report.js";
import type { Deck } from "../src/deck/deck-model.js";
import { analyse, baseAccountData, loadSample, makeAccount } from "./helpers/accounts.js";
import { deckFor, deckText } from "./helpers/decks.js";

const portfolioDeckOptions = () => ({
  theme: loadTheme(),
  templates: loadTemplates(),
  producer: "qbr-deck test",
});

/**
 * What the decks say next to their figures: no negative day counts, no figure that contradicts
 * its verdict because of rounding, no "-0" (issue 10, item 9). Every kind and audience, the CLI
 * report and the portfolio deck.
 */
const negativeDays = /[-−]\s?[\d,]+\s*days?\b/;
const negativeZero = /[-−]0(?:[.,]0+)?(?![\d.,])/;

function allDecks(data: Record<string, unknown>): { decks: Deck[]; report: string } {
  const analysis = analyse(makeAccount(data));
  const previous = analyse(makeAccount(data), "2025-06-30");
  const decks = (["internal", "customer"] as const).flatMap((audience) =>
    (["qbr", "renewal"] as const).map((kind) =>
      deckFor(analysis, audience, kind, {
        previous,
        provenance: { sourceName: "test.yaml", sha256: "0".repeat(64), toolVersion: "test" },
        customerAppendix: true,
      }),
    ),
  );
  return { decks, report: formatAnalysisReport(analysis) };
}

describe("a renewal date in the past", () => {
  const data = baseAccountData();
  // Renewal 273 days before the as-of date, and a goal without data (a high finding), so that
  // renewal-at-risk fires and every renewal wording is used.
  const goals = [
    ...(data.goals as object[]),
    {
      id: "g2",
      title: "Measure the other thing",
      metric: { name: "Others" },
      baseline: { date: "2025-01-01", value: 0 },
      target: { date: "2025-12-31", value: 10 },
    },
  ];
  const { decks, report } = allDecks({
    ...data,
    goals,
    contract: { arr: 100000, currency: "USD", renewal: "2024-12-31" },
  });

  it("reads as passed, never as a negative count of days, on every slide and in the CLI report", () => {
    for (const deck of decks) {
      const text = deckText(deck);
      expect(text, `${deck.meta.kind} ${deck.meta.audience}`).not.toMatch(negativeDays);
      expect(text).toContain("date passed 273 days ago");
    }
    const internal = deckText(decks[0]!);
    expect(internal).toContain("Renewal at risk: renewal date passed (31 Dec 2024) with high risks open");
    expect(internal).toContain("Renewal date passed (31 Dec 2024, 273 days ago) — $100,000 a year");
    expect(internal).toContain("The renewal on 31 Dec 2024 was 273 days ago");
    expect(report).toContain("Renewal 31 Dec 2024 (date passed, 273 days ago)");
    expect(report).not.toMatch(negativeDays);
  });

  it("is not counted as renewing soon in the portfolio, and reads as days ago there", () => {
    const account: PortfolioAccount = {
      rank: 1,
      name: "Test Co",
      id: "T-1",
      source: "test.yaml",
      renewal: "2024-12-31",
      daysToRenewal: -273,
      arr: 100000,
      currency: "USD",
      riskLevel: "high",
      arrAtRisk: 100000,
      goals: { total: 2, achieved: 0, onTrack: 1, atRisk: 0, offTrack: 0, noData: 1 },
      valueRealized: null,
      roi: null,
      topFinding: "No outcome measured",
      watermelon: false,
      riskScore: 80,
      sponsor: "engaged",
      csm: null,
      segment: null,
      asOf: "2025-09-30",
      decks: [],
    };
    const portfolio: Portfolio = {
      asOf: "2025-09-30",
      accounts: [account],
      totals: [{ currency: "USD", accounts: 1, arr: 100000, arrAtRisk: 100000, highRisk: 1 }],
      failed: [],
      filtered: 0,
      starters: [],
    };
    const deck = buildPortfolioDeck(portfolio, portfolioDeckOptions());
    const text = deckText(deck);
    expect(text).not.toMatch(negativeDays);
    expect(text).toContain("273 days ago");
    const soon = deck.slides
      .flatMap((slide) => slide.blocks)
      .flatMap((block) => (block.kind === "kpis" ? block.items : []))
      .find((item) => item.label.startsWith("Renewing within"));
    expect(soon?.value).toBe("0");
  });
});

describe("figures beside their verdicts", () => {
  it("prints value ÷ ARR of 0.996 as 0.996×, not 1.00×, next to 'below the contract value'", () => {
    const data = baseAccountData();
    const goal = { ...(data.goals as Record<string, unknown>[])[0], value: { perUnit: 1328 } };
    // 75 things × 1,328 = 99,600 realized of a 100,000 contract.
    const { decks, report } = allDecks({ ...data, goals: [goal] });
    for (const deck of decks) {
      const kpi = deck.slides
        .flatMap((slide) => slide.blocks)
        .flatMap((block) => (block.kind === "kpis" ? block.items : []))
        .find((item) => item.label === "Value vs contract");
      // Customer decks show the ratio only at 1× or more (customerRatioMin): value vs plan instead.
      const expected = deck.meta.audience === "internal" ? "0.996× ARR" : undefined;
      expect(kpi?.value, `${deck.meta.kind} ${deck.meta.audience}`).toBe(expected);
      expect(deckText(deck)).not.toContain("100%");
      expect(deckText(deck)).not.toContain("1.00×");
    }
    expect(deckText(decks[0]!)).toContain("Value realized ($99,600) is below the contract value ($100,000)");
    expect(report).toContain("value = 0.996× ARR");
  });

  it("prints an attainment of 99.6 % as 99.6 % on a goal that is not achieved", () => {
    const data = baseAccountData();
    const goal = {
      ...(data.goals as Record<string, unknown>[])[0],
      actuals: [{ date: "2025-09-15", value: 99.6 }],
    };
    const { decks, report } = allDecks({ ...data, goals: [goal] });
    for (const deck of decks) {
      const text = deckText(deck);
      expect(text).toContain("99.6% of the way to the target");
      expect(text).not.toContain("100% of the way");
    }
    expect(report).toContain("99.6% of target");
  });
});

describe('"-0" never appears', () => {
  it("in decks of a goal a hair below its baseline, with and without a value per unit", () => {
    const data = baseAccountData();
    const base = (data.goals as Record<string, unknown>[])[0]!;
    for (const extra of [{}, { value: { perUnit: 10 } }]) {
      const goal = {
        ...base,
        ...extra,
        metric: { name: "Share", unit: "%" },
        actuals: [
          { date: "2025-06-30", value: -0.0004 },
          { date: "2025-09-15", value: -0.0004 },
        ],
      };
      const { decks, report } = allDecks({ ...data, goals: [goal] });
      for (const deck of decks) {
        const text = JSON.stringify(
          deck.slides.map((slide) => ({ ...slide, blocks: slide.blocks.map(drawn) })),
        );
        expect(text, `${deck.meta.kind} ${deck.meta.audience}`).not.toMatch(negativeZero);
        for (const block of deck.slides.flatMap((slide) => slide.blocks)) {
          if (block.kind === "chart" && block.chart.type === "bar") {
            for (const series of block.chart.series) {
              for (const value of series.values) expect(Object.is(value, -0) || value < 0).toBe(false);
            }
          }
        }
      }
      expect(report).not.toMatch(negativeZero);
    }
  });
});

/** A block's printed text (chart data and alt text aside: numbers there are data, not wording). */
function drawn(block: Deck["slides"][number]["blocks"][number]): unknown {
  if (block.kind !== "chart") return block;
  return { title: block.chart.title };
}

describe("prompts about a goal's owner and an achieved goal (issue 12)", () => {
  it("asks who owns a goal now when its owner has left, never whether they have the time and mandate", () => {
    const analysis = analyse(loadSample("maple-and-finch.yaml"));
    const prompts = analysis.findings.flatMap((finding) => finding.prompts).join("\n");
    expect(prompts).toContain("who owns the goal now that Harriet Cole has left");
    expect(prompts).not.toMatch(/whether Harriet Cole still has the time and mandate/);
  });

  it("still asks a goal's present owner about their time and mandate", () => {
    const analysis = analyse(loadSample("northwind-logistics.yaml"));
    const prompts = analysis.findings.flatMap((finding) => finding.prompts).join("\n");
    expect(prompts).toMatch(/whether \w+ \w+ still has the time and mandate/);
  });

  it("says an achieved goal plainly, in both audiences", () => {
    const analysis = analyse(loadSample("alpine-health-clinics.yaml"));
    for (const audience of ["internal", "customer"] as const) {
      const text = deckText(deckFor(analysis, audience, "qbr"));
      expect(text).toContain("Bill insurers within a week — Achieved: 104% of the planned improvement");
      expect(text).not.toMatch(/Achieved \(\d+% of the way to target\)/);
    }
  });
});

describe("questions about a goal that is on plan today (issue 12)", () => {
  const gapQuestion = /close that gap/;

  it("asks a forward-looking question, not how to close a gap, when only the trend falls short", () => {
    const analysis = analyse(loadSample("kestrel-analytik.yaml"));
    const finding = analysis.findings.find(
      (candidate) => candidate.rule === "goal-forecast-miss" && candidate.goal === "forecast-accuracy",
    );
    expect(finding?.variant).toBe("on-track");
    const slide = deckFor(analysis, "customer", "qbr").slides.find(
      (candidate) => candidate.id === "goal-forecast-accuracy",
    );
    const text = JSON.stringify(slide);
    expect(text).not.toMatch(gapQuestion);
    expect(text).toContain("What would help keep up the pace, or pick it up, through to the target date?");
  });

  it("still asks how to close the gap when a goal is behind plan and the trend misses its target", () => {
    const account = makeAccount({
      ...baseAccountData(),
      goals: [
        {
          id: "g1",
          title: "Cut the backlog",
          metric: { name: "Backlog items" },
          direction: "decrease",
          baseline: { date: "2025-01-01", value: 100 },
          target: { date: "2026-06-30", value: 20 },
          plan: [{ date: "2025-09-30", value: 50 }],
          actuals: [
            { date: "2025-06-30", value: 95 },
            { date: "2025-09-30", value: 92 },
          ],
        },
      ],
    });
    const analysis = analyse(account);
    const finding = analysis.findings.find((candidate) => candidate.rule === "goal-forecast-miss");
    expect(finding).toBeDefined();
    expect(finding?.variant).toBeUndefined();
    expect(finding?.customerPrompts.join("\n")).toMatch(gapQuestion);
  });
});

describe("metric names inside a sentence (issue 12)", () => {
  it("prints a metric name in lower case mid-sentence, as written in tables and titles", () => {
    const analysis = analyse(loadSample("alpine-health-clinics.yaml"));
    const deck = deckFor(analysis, "customer", "qbr");
    const text = deckText(deck);
    expect(text).not.toMatch(/(?:on|of|in|for) Patient no-show rate/);
    expect(text).toContain("the progress on patient no-show rate");
    // Labels keep their capital: the chart title and the goal slide's subtitle.
    expect(text).toContain("Patient no-show rate: plan vs actual vs forecast");
  });

  it("lower-cases a Title Case name throughout and keeps acronyms", () => {
    const sample = loadSample("alpine-health-clinics.yaml");
    const renamed = (name: string) =>
      deckText(
        deckFor(
          analyse({
            ...sample,
            goals: sample.goals.map((goal, index) =>
              index === 0 ? { ...goal, metric: { ...goal.metric, name } } : goal,
            ),
          }),
          "customer",
          "qbr",
        ),
      );
    const titleCase = renamed("Time to First Value");
    expect(titleCase).toContain("the progress on time to first value");
    expect(titleCase).not.toMatch(/time to First Value/);
    expect(titleCase).toContain("Time to First Value: plan vs actual vs forecast");
    expect(renamed("ARR Growth of New Clinics")).toContain("the progress on ARR growth of new clinics");
  });
});
