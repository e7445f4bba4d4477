import type { Severity } from "../analysis/rules/rule.js";
import { quarterLabel } from "../dates.js";
import { barChart, shortLabel } from "../deck/charts.js";
import type { Deck, Slide, TableCell, TableColumn, Theme, Tone } from "../deck/deck-model.js";
import { CONTENT_BOX, COVER } from "../deck/geometry.js";
import { columns, rows } from "../deck/layout.js";
import { tableSlides } from "../deck/slides/table-pages.js";
import {
  formatCount,
  formatDate,
  formatMoneyCompact,
  formatMultiple,
  formatRelativeDays,
  plural,
} from "../text/format.js";
import { sanitizeTree } from "../text/sanitize.js";
import { VERSION } from "../version.js";
import type { CurrencyTotals, Portfolio, PortfolioAccount } from "./portfolio.js";

/**
 * The portfolio deck for CS leadership, as a renderer-neutral Deck: the overview, the watermelon
 * accounts (green signals, goals behind), every account ranked by renewal date and ARR at risk,
 * and the files that could not be included. Internal by nature: it shows risk levels.
 */

const RISK_TONE: Record<Severity, Tone> = { high: "bad", medium: "warn", low: "good" };
const RISK_LABEL: Record<Severity, string> = { high: "High", medium: "Medium", low: "Low" };
const RANKING_ROWS_PER_SLIDE = 9;
const WATERMELON_ROWS_PER_SLIDE = 8;
const FAILED_ROWS_PER_SLIDE = 10;
/** "Renewing soon" on the overview; the same horizon as the renewal-at-risk rule's default. */
const RENEWAL_HORIZON_DAYS = 120;

/** Amounts per currency side by side ("$1.2M · €300K"): different currencies are never added. */
/**
 * ARR at risk as a KPI tile: the largest currency's amount as the value (a tile holds one short
 * figure), the other currencies in the detail line — side by side, never added.
 */
function atRiskTile(totals: readonly CurrencyTotals[]): { value: string; detail: string } {
  const atRisk = totals
    .filter((total) => total.arrAtRisk > 0)
    .sort((a, b) => b.arrAtRisk - a.arrAtRisk || a.currency.localeCompare(b.currency));
  const [first, ...others] = atRisk;
  if (!first) return { value: "None", detail: "ARR of high-risk accounts" };
  const money = (total: CurrencyTotals) => formatMoneyCompact(total.arrAtRisk, total.currency);
  return {
    value: money(first),
    detail: others.length > 0 ? `+ ${others.map(money).join(" · ")}` : "ARR of high-risk accounts",
  };
}

function portfolioTable(
  base: { id: string; title: string; subtitle: string; notes: string },
  tableColumns: TableColumn[],
  tableRows: TableCell[][],
  rowsPerSlide: number,
): Slide[] {
  return tableSlides({
    ...base,
    columns: tableColumns,
    rows: tableRows,
    rowsPerSlide,
    continued: "(continued)",
  });
}

function coverSlide(portfolio: Portfolio): Slide {
  return {
    id: "cover",
    layout: "title",
    title: "Renewal portfolio",
    subtitle: `${plural(portfolio.accounts.length, "account")} · as of ${formatDate(portfolio.asOf)}`,
    blocks: [
      {
        kind: "text",
        box: { ...COVER.details, h: 0.5 },
        text: "Ranked by renewal date and ARR at risk, with the watermelon accounts called out.",
        style: "body",
        tone: "muted",
      },
    ],
    notes: "Portfolio summary built from the manifest of a qbr generate run.",
  };
}

function overviewSlide(portfolio: Portfolio): Slide {
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
    text:
      `${total.currency}: ${formatMoneyCompact(total.arr, total.currency)} ARR across ` +
      `${plural(total.accounts, "account")}; ${formatMoneyCompact(total.arrAtRisk, total.currency)} at risk ` +
      `(${plural(total.highRisk, "high-risk account")})`,
    tone: (total.arrAtRisk > 0 ? "bad" : "neutral") as Tone,
  }));
  const notIncluded = [
    ...(portfolio.failed.length > 0
      ? [
          {
            text: `${plural(portfolio.failed.length, "account file")} could not be read (last slide)`,
            tone: "warn" as Tone,
          },
        ]
      : []),
    ...(portfolio.filtered > 0
      ? [
          {
            text: `${plural(portfolio.filtered, "account")} outside the renewal window left out`,
            tone: "muted" as Tone,
          },
        ]
      : []),
  ];
  const riskCategories: Severity[] = ["high", "medium", "low"];
  return {
    id: "overview",
    layout: "content",
    title: "Portfolio at a glance",
    subtitle: `${plural(accounts.length, "account")} as of ${formatDate(portfolio.asOf)}`,
    blocks: [
      {
        kind: "kpis",
        box: kpiRow!,
        items: [
          {
            label: "Accounts",
            value: formatCount(accounts.length),
            detail: `${byRisk("high")} at high risk`,
            tone: "neutral",
          },
          {
            label: `Renewing within ${RENEWAL_HORIZON_DAYS} days`,
            value: formatCount(renewingSoon),
            detail: `of ${formatCount(accounts.length)}`,
            tone: renewingSoon > 0 ? "warn" : "neutral",
          },
          {
            label: "ARR at risk",
            ...atRiskTile(totals),
            tone: totals.some((total) => total.arrAtRisk > 0) ? "bad" : "good",
          },
          {
            label: "Watermelon accounts",
            value: formatCount(watermelons),
            detail: "green signals, goals behind",
            tone: watermelons > 0 ? "bad" : "good",
          },
        ],
      },
      barChart(
        chartBox!,
        "Accounts by risk level",
        riskCategories.map((risk) => RISK_LABEL[risk]),
        [{ name: "Accounts", role: "value", values: riskCategories.map(byRisk) }],
        { style: "number", decimals: 0 },
        (value) => plural(value, "account"),
      ),
      {
        kind: "bullets",
        box: listBox!,
        heading: "ARR by currency",
        items: [...currencyLines, ...notIncluded],
      },
    ],
    notes:
      "ARR at risk is the ARR of accounts whose risk level is high. Amounts in different currencies " +
      "are shown side by side, never added.",
  };
}

function goalsText(account: PortfolioAccount): string {
  return `${account.goals.achieved + account.goals.onTrack} of ${account.goals.total}`;
}

function watermelonSlides(portfolio: Portfolio): Slide[] {
  const base = {
    id: "watermelons",
    title: "Watermelon accounts: green outside, red inside",
    subtitle: "Health score, NPS or CSAT look good while goals are behind plan or unmeasured",
    notes:
      "Signals such as health score, NPS and CSAT miss churn when the customer is not progressing toward " +
      "their own goals. Review these accounts first: their dashboards will not warn you.",
  };
  const watermelons = portfolio.accounts.filter((account) => account.watermelon);
  if (watermelons.length === 0) {
    return [
      {
        ...base,
        layout: "content",
        blocks: [
          {
            kind: "text",
            box: { ...CONTENT_BOX, h: 1 },
            text: "No account shows green signals while its goals are behind plan.",
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
      { text: `${behind} of ${account.goals.total}`, tone: "bad", bold: true },
      { text: shortLabel(account.topFinding ?? "—", 90) },
    ];
  });
  return portfolioTable(
    base,
    [
      { header: "Account", align: "left", width: 3 },
      { header: "Renewal", align: "right", width: 1.4 },
      { header: "ARR", align: "right", width: 1.2 },
      { header: "Goals behind or unmeasured", align: "center", width: 1.6 },
      { header: "Top finding", align: "left", width: 4.8 },
    ],
    tableRows,
    WATERMELON_ROWS_PER_SLIDE,
  );
}

function rankingSlides(portfolio: Portfolio): Slide[] {
  const tableRows = portfolio.accounts.map((account): TableCell[] => [
    { text: String(account.rank) },
    { text: account.name, bold: true },
    { text: `${formatDate(account.renewal)}\n${formatRelativeDays(account.daysToRenewal)}` },
    { text: formatMoneyCompact(account.arr, account.currency) },
    {
      text: account.watermelon
        ? `${RISK_LABEL[account.riskLevel]}\nwatermelon`
        : RISK_LABEL[account.riskLevel],
      tone: RISK_TONE[account.riskLevel],
      bold: true,
    },
    { text: goalsText(account) },
    {
      text:
        account.valueRealized === null ? "—" : formatMoneyCompact(account.valueRealized, account.currency),
    },
    { text: account.roi === null ? "—" : formatMultiple(account.roi) },
    { text: shortLabel(account.topFinding ?? "—", 70) },
  ]);
  return portfolioTable(
    {
      id: "ranking",
      title: "Renewals by date and ARR at risk",
      subtitle: "Soonest renewal first; on the same day, the most ARR at risk first",
      notes:
        "Goals: achieved or on track, of all goals. Value realized, and value ÷ ARR as a multiple of the contract, as defined in the decks.",
    },
    [
      { header: "#", align: "right", width: 0.5 },
      { header: "Account", align: "left", width: 2.4 },
      { header: "Renewal", align: "right", width: 1.4 },
      { header: "ARR", align: "right", width: 1.2 },
      { header: "Risk", align: "center", width: 1.5 },
      { header: "Goals on track", align: "center", width: 1.1 },
      { header: "Value realized", align: "right", width: 1.3 },
      { header: "Value ÷ ARR", align: "right", width: 0.8 },
      { header: "Top finding", align: "left", width: 3.1 },
    ],
    tableRows,
    RANKING_ROWS_PER_SLIDE,
  );
}

function failedSlides(portfolio: Portfolio): Slide[] {
  if (portfolio.failed.length === 0) return [];
  return portfolioTable(
    {
      id: "not-included",
      title: "Accounts missing from this summary",
      subtitle: "These files could not be read or rendered; fix them and run qbr generate again",
      notes: "The manifest holds every problem of each file; qbr validate FILE lists them too.",
    },
    [
      { header: "File", align: "left", width: 3 },
      { header: "Reason", align: "left", width: 7 },
    ],
    portfolio.failed.map((failure) => [{ text: failure.source }, { text: shortLabel(failure.reason, 160) }]),
    FAILED_ROWS_PER_SLIDE,
  );
}

/** The portfolio as a Deck; its texts (file names and error messages too) under the one text rule. */
export function buildPortfolioDeck(portfolio: Portfolio, theme: Theme): Deck {
  const asOf = formatDate(portfolio.asOf);
  return sanitizeTree({
    meta: {
      title: `Renewal portfolio — as of ${asOf}`,
      subject: "Portfolio summary: renewals, ARR at risk and watermelon accounts",
      author: "",
      company: `qbr-deck ${VERSION}`,
      keywords: ["Renewal portfolio", "ARR at risk", "watermelon"],
      language: "en",
      audience: "internal",
      kind: "renewal",
      accountName: "Renewal portfolio",
      periodLabel: quarterLabel(portfolio.asOf),
      asOf: portfolio.asOf,
      footer: `Renewal portfolio · as of ${asOf}`,
      classification: "Internal — do not share",
    },
    theme,
    logo: null,
    slides: [
      coverSlide(portfolio),
      overviewSlide(portfolio),
      ...watermelonSlides(portfolio),
      ...rankingSlides(portfolio),
      ...failedSlides(portfolio),
    ],
  });
}
