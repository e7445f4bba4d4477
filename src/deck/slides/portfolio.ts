import type { Severity } from "../../analysis/rules/rule.js";
import {
  formatCount,
  formatDate,
  formatMoneyCompact,
  formatMultiple,
  formatRelativeDays,
} from "../../text/format.js";
import { barChart, shortLabel } from "../charts.js";
import type { Slide, TableCell, TableColumn, Tone } from "../deck-model.js";
import { CONTENT_BOX, COVER } from "../geometry.js";
import { columns, rows } from "../layout.js";
import type { CurrencyTotals, Portfolio, PortfolioAccount } from "../portfolio-model.js";
import { tableSlides } from "./table-pages.js";

/**
 * The portfolio deck's slides: the overview, the watermelon accounts (green signals, goals
 * behind), every account ranked by renewal date and ARR at risk, and the files that could not
 * be included. Their words are deck.yaml's portfolio.* templates.
 */

/** deck.yaml's template `key` with the portfolio's context plus `extra`. */
export type PortfolioText = (key: string, extra?: object) => string;

const RISK_TONE: Record<Severity, Tone> = { high: "bad", medium: "warn", low: "good" };
/** "Renewing soon" on the overview; the same horizon as the renewal-at-risk rule's default. */
const RENEWAL_HORIZON_DAYS = 120;

const riskLabel = (text: PortfolioText, risk: Severity) => text(`portfolio.risk.${risk}`);

/**
 * ARR at risk as a KPI tile: the largest currency's amount as the value (a tile holds one short
 * figure), the other currencies in the detail line — side by side, never added.
 */
function atRiskTile(
  text: PortfolioText,
  totals: readonly CurrencyTotals[],
): { value: string; detail: string } {
  const atRisk = totals
    .filter((total) => total.arrAtRisk > 0)
    .sort((a, b) => b.arrAtRisk - a.arrAtRisk || a.currency.localeCompare(b.currency));
  const [first, ...others] = atRisk;
  const detail = text("portfolio.overview.kpi.atrisk.detail");
  if (!first) return { value: text("portfolio.overview.kpi.atrisk.none"), detail };
  const money = (total: CurrencyTotals) => formatMoneyCompact(total.arrAtRisk, total.currency);
  return {
    value: money(first),
    detail:
      others.length > 0
        ? text("portfolio.overview.kpi.atrisk.others", { others: others.map(money).join(" · ") })
        : detail,
  };
}

/**
 * One of the portfolio's tables: the slides' id, the deck.yaml prefix of its wording
 * (`<wording>.title`, `.subtitle`, `.notes` and a header `.col.<id>` per column), its columns
 * and how many rows fit a slide. The tables differ only in these and in their rows.
 */
interface PortfolioTable {
  slide: string;
  wording: string;
  columns: readonly (readonly [id: string, align: TableColumn["align"], width: number])[];
  rowsPerSlide: number;
}

const WATERMELON_TABLE: PortfolioTable = {
  slide: "watermelons",
  wording: "portfolio.watermelons",
  columns: [
    ["account", "left", 3],
    ["renewal", "right", 1.4],
    ["arr", "right", 1.2],
    ["behind", "center", 1.6],
    ["finding", "left", 4.8],
  ],
  rowsPerSlide: 8,
};

const RANKING_TABLE: PortfolioTable = {
  slide: "ranking",
  wording: "portfolio.ranking",
  columns: [
    ["rank", "right", 0.5],
    ["account", "left", 2.4],
    ["renewal", "right", 1.4],
    ["arr", "right", 1.2],
    ["risk", "center", 1.5],
    ["goals", "center", 1.1],
    ["value", "right", 1.3],
    ["roi", "right", 0.8],
    ["finding", "left", 3.1],
  ],
  rowsPerSlide: 9,
};

const OWNER_TABLE: PortfolioTable = {
  slide: "owners",
  wording: "portfolio.owners",
  columns: [
    ["rank", "right", 0.5],
    ["account", "left", 2.6],
    ["csm", "left", 1.8],
    ["segment", "left", 1.4],
    ["asof", "right", 1.6],
    ["sponsor", "left", 1.9],
    ["atrisk", "right", 1.3],
    ["decks", "left", 2.2],
  ],
  rowsPerSlide: 9,
};

const FAILED_TABLE: PortfolioTable = {
  slide: "not-included",
  wording: "portfolio.failed",
  columns: [
    ["file", "left", 3],
    ["reason", "left", 7],
  ],
  rowsPerSlide: 10,
};

/** A table's slide id and the wording every one of its slides carries, with or without rows. */
function tableHeading(text: PortfolioText, table: PortfolioTable) {
  return {
    id: table.slide,
    title: text(`${table.wording}.title`),
    subtitle: text(`${table.wording}.subtitle`),
    notes: text(`${table.wording}.notes`),
  };
}

/** A table's slides: its rows under its headers, continued on more slides when they do not fit. */
function portfolioTableSlides(text: PortfolioText, table: PortfolioTable, rows: TableCell[][]): Slide[] {
  return tableSlides({
    ...tableHeading(text, table),
    columns: table.columns.map(([id, align, width]) => ({
      header: text(`${table.wording}.col.${id}`),
      align,
      width,
    })),
    rows,
    rowsPerSlide: table.rowsPerSlide,
    continued: text("continued"),
  });
}

export function portfolioCoverSlide(text: PortfolioText): Slide {
  return {
    id: "cover",
    layout: "title",
    title: text("portfolio.name"),
    subtitle: text("portfolio.cover.subtitle"),
    blocks: [
      {
        kind: "text",
        box: { ...COVER.details, h: 0.5 },
        text: text("portfolio.cover.details"),
        style: "body",
        tone: "muted",
      },
    ],
    notes: text("portfolio.cover.notes"),
  };
}

function notIncludedLines(text: PortfolioText, portfolio: Portfolio): { text: string; tone: Tone }[] {
  const lines: { text: string; tone: Tone }[] = [];
  if (portfolio.failed.length > 0) {
    lines.push({ text: text("portfolio.overview.failed", { count: portfolio.failed.length }), tone: "warn" });
  }
  if (portfolio.starters.length > 0) {
    lines.push({
      text: text("portfolio.overview.starters", { count: portfolio.starters.length }),
      tone: "warn",
    });
  }
  if (portfolio.filtered > 0) {
    lines.push({ text: text("portfolio.overview.filtered", { count: portfolio.filtered }), tone: "muted" });
  }
  return lines;
}

export function portfolioOverviewSlide(text: PortfolioText, portfolio: Portfolio): Slide {
  const { accounts, totals } = portfolio;
  const byRisk = (risk: Severity) => accounts.filter((account) => account.riskLevel === risk).length;
  // Upcoming renewals only: a renewal date already passed is not "renewing soon".
  const renewingSoon = accounts.filter(
    (account) => account.daysToRenewal >= 0 && account.daysToRenewal <= RENEWAL_HORIZON_DAYS,
  ).length;
  const watermelons = accounts.filter((account) => account.watermelon).length;
  const [kpiRow, lowerRow] = rows(CONTENT_BOX, [1.55, "*"], 0.3);
  const [chartBox, listBox] = columns(lowerRow!, [1, 1]);
  const currencyLines = totals.map((total) => ({
    text: text("portfolio.overview.currency", total),
    tone: (total.arrAtRisk > 0 ? "bad" : "neutral") as Tone,
  }));
  const riskCategories: Severity[] = ["high", "medium", "low"];
  return {
    id: "overview",
    layout: "content",
    title: text("portfolio.overview.title"),
    subtitle: text("portfolio.overview.subtitle"),
    blocks: [
      {
        kind: "kpis",
        box: kpiRow!,
        items: [
          {
            label: text("portfolio.overview.kpi.accounts"),
            value: formatCount(accounts.length),
            detail: text("portfolio.overview.kpi.accounts.detail", { highCount: byRisk("high") }),
            tone: "neutral",
          },
          {
            label: text("portfolio.overview.kpi.renewing", { horizonDays: RENEWAL_HORIZON_DAYS }),
            value: formatCount(renewingSoon),
            detail: text("portfolio.overview.kpi.renewing.detail"),
            tone: renewingSoon > 0 ? "warn" : "neutral",
          },
          {
            label: text("portfolio.overview.kpi.atrisk"),
            ...atRiskTile(text, totals),
            tone: totals.some((total) => total.arrAtRisk > 0) ? "bad" : "good",
          },
          {
            label: text("portfolio.overview.kpi.watermelons"),
            value: formatCount(watermelons),
            detail: text("portfolio.overview.kpi.watermelons.detail"),
            tone: watermelons > 0 ? "bad" : "good",
          },
        ],
      },
      barChart(
        chartBox!,
        text("portfolio.overview.chart.title"),
        riskCategories.map((risk) => riskLabel(text, risk)),
        [
          {
            name: text("portfolio.overview.chart.series"),
            role: "value",
            values: riskCategories.map(byRisk),
          },
        ],
        { style: "number", decimals: 0, counts: true },
        (value) => text("portfolio.overview.chart.label", { value }),
      ),
      {
        kind: "bullets",
        box: listBox!,
        heading: text("portfolio.overview.currencies.heading"),
        items: [...currencyLines, ...notIncludedLines(text, portfolio)],
      },
    ],
    notes: text("portfolio.overview.notes"),
  };
}

export function watermelonSlides(text: PortfolioText, portfolio: Portfolio): Slide[] {
  const watermelons = portfolio.accounts.filter((account) => account.watermelon);
  if (watermelons.length === 0) {
    return [
      {
        ...tableHeading(text, WATERMELON_TABLE),
        layout: "content",
        blocks: [
          {
            kind: "text",
            box: { ...CONTENT_BOX, h: 1 },
            text: text("portfolio.watermelons.none"),
            style: "lead",
            tone: "good",
          },
        ],
      },
    ];
  }
  const tableRows = watermelons.map((account): TableCell[] => {
    const behind = account.goals.atRisk + account.goals.offTrack + account.goals.noData;
    return [
      { text: account.name, bold: true },
      { text: formatDate(account.renewal) },
      { text: formatMoneyCompact(account.arr, account.currency) },
      {
        text: text("portfolio.watermelons.behind", { behind, total: account.goals.total }),
        tone: "bad",
        bold: true,
      },
      { text: shortLabel(account.topFinding ?? "—", 90) },
    ];
  });
  return portfolioTableSlides(text, WATERMELON_TABLE, tableRows);
}

function rankingRow(text: PortfolioText, account: PortfolioAccount): TableCell[] {
  const risk = riskLabel(text, account.riskLevel);
  const good = account.goals.achieved + account.goals.onTrack;
  return [
    { text: String(account.rank) },
    { text: account.name, bold: true },
    { text: `${formatDate(account.renewal)}\n${formatRelativeDays(account.daysToRenewal)}` },
    { text: formatMoneyCompact(account.arr, account.currency) },
    {
      text: [
        account.riskScore === null
          ? risk
          : text("portfolio.ranking.risk", { risk, score: account.riskScore }),
        ...(account.watermelon ? [text("portfolio.ranking.watermelon")] : []),
      ].join("\n"),
      tone: RISK_TONE[account.riskLevel],
      bold: true,
    },
    { text: text("portfolio.ranking.goals", { good, total: account.goals.total }) },
    {
      text:
        account.valueRealized === null ? "—" : formatMoneyCompact(account.valueRealized, account.currency),
    },
    { text: account.roi === null ? "—" : formatMultiple(account.roi) },
    { text: shortLabel(account.topFinding ?? "—", 70) },
  ];
}

export function rankingSlides(text: PortfolioText, portfolio: Portfolio): Slide[] {
  const rows = portfolio.accounts.map((account) => rankingRow(text, account));
  return portfolioTableSlides(text, RANKING_TABLE, rows);
}

/**
 * What a deck cell can hold of an account's decks: the file names' shared beginning (they share
 * the account's output name) and how many; the CSV lists every path.
 */
export function decksCell(text: PortfolioText, decks: readonly string[]): string {
  if (decks.length === 0) return "—";
  if (decks.length === 1) return decks[0]!;
  let prefix = decks[0]!;
  for (const deck of decks) {
    while (!deck.startsWith(prefix)) prefix = prefix.slice(0, -1);
  }
  // A whole name part, so "nw-1042-" rather than "nw-1042-q" when one deck is a renewal.
  const whole = decks.every((deck) => /^[-./]?$/.test(deck.charAt(prefix.length)));
  const cut = whole ? prefix.length : Math.max(prefix.lastIndexOf("-"), prefix.lastIndexOf("/")) + 1;
  return text("portfolio.owners.decks", { prefix: prefix.slice(0, cut), count: decks.length });
}

function ownerRow(text: PortfolioText, account: PortfolioAccount): TableCell[] {
  return [
    { text: String(account.rank) },
    { text: account.name, bold: true },
    { text: account.csm ?? "—" },
    { text: account.segment ?? "—" },
    { text: formatDate(account.asOf) },
    {
      text: account.sponsor === null ? "—" : text(`portfolio.sponsor.${account.sponsor}`),
      ...(account.sponsor !== null && account.sponsor !== "engaged" ? { tone: "bad" as Tone } : {}),
    },
    {
      text: account.arrAtRisk > 0 ? formatMoneyCompact(account.arrAtRisk, account.currency) : "—",
      ...(account.arrAtRisk > 0 ? { tone: "bad" as Tone } : {}),
    },
    { text: decksCell(text, account.decks) },
  ];
}

/** The ranking's accounts again, with who owns them, their sponsor and where their decks are. */
export function ownerSlides(text: PortfolioText, portfolio: Portfolio): Slide[] {
  const rows = portfolio.accounts.map((account) => ownerRow(text, account));
  return portfolioTableSlides(text, OWNER_TABLE, rows);
}

export function failedSlides(text: PortfolioText, portfolio: Portfolio): Slide[] {
  if (portfolio.failed.length === 0 && portfolio.starters.length === 0) return [];
  return portfolioTableSlides(text, FAILED_TABLE, [
    ...portfolio.failed.map((failure) => [
      { text: failure.source },
      { text: shortLabel(failure.reason, 160) },
    ]),
    ...portfolio.starters.map((source) => [{ text: source }, { text: text("portfolio.failed.starter") }]),
  ]);
}
