import { stringify } from "csv-stringify/sync";
import type { Portfolio } from "./portfolio.js";

/**
 * `portfolio-internal.csv`: one row per account in the portfolio's ranking, for spreadsheets and BI tools.
 * Numbers stay numbers (unformatted, no currency symbols); dates are YYYY-MM-DD.
 */

export const PORTFOLIO_CSV_COLUMNS = [
  "rank",
  "name",
  "id",
  "renewal",
  "days_to_renewal",
  "arr",
  "currency",
  "risk_level",
  "goals_total",
  "goals_achieved",
  "goals_on_track",
  "goals_at_risk",
  "goals_off_track",
  "goals_no_data",
  "value_realized",
  "roi",
  "top_finding",
  "watermelon",
  "source",
] as const;

/**
 * Spreadsheets run a cell that starts with = + - @ as a formula; account files are data from
 * many hands, so such text is prefixed with an apostrophe (the usual CSV-injection defence).
 */
export function safeText(text: string | null): string {
  if (text === null) return "";
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

const round = (value: number | null, decimals: number) =>
  value === null ? "" : String(Number(value.toFixed(decimals)));

export function portfolioCsv(portfolio: Portfolio): string {
  const rows = portfolio.accounts.map((account) => [
    account.rank,
    safeText(account.name),
    safeText(account.id),
    account.renewal,
    account.daysToRenewal,
    account.arr,
    account.currency,
    account.riskLevel,
    account.goals.total,
    account.goals.achieved,
    account.goals.onTrack,
    account.goals.atRisk,
    account.goals.offTrack,
    account.goals.noData,
    round(account.valueRealized, 2),
    round(account.roi, 4),
    safeText(account.topFinding),
    account.watermelon ? "yes" : "no",
    safeText(account.source),
  ]);
  return stringify([[...PORTFOLIO_CSV_COLUMNS], ...rows], { record_delimiter: "\n" });
}
