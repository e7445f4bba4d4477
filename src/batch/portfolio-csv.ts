import { stringify } from "csv-stringify/sync";
import type { Portfolio } from "./portfolio.js";

/**
 * `portfolio-internal.csv`: one row per account in the portfolio's ranking, for spreadsheets and BI tools.
 * Numbers stay numbers (unformatted, no currency symbols); dates are YYYY-MM-DD. `as_of` is the
 * account's own as-of date; `days_to_renewal` counts from the portfolio's one as-of date. `decks`
 * lists the account's decks relative to the CSV's folder.
 */

export const PORTFOLIO_CSV_COLUMNS = [
  "rank",
  "name",
  "id",
  "csm",
  "segment",
  "as_of",
  "renewal",
  "days_to_renewal",
  "arr",
  "currency",
  "arr_at_risk",
  "risk_level",
  "risk_score",
  "sponsor",
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
  "decks",
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

/** Between the paths of one account's decks in the `decks` cell (output names never hold it). */
export const DECKS_SEPARATOR = "; ";

const round = (value: number | null, decimals: number) =>
  value === null ? "" : String(Number(value.toFixed(decimals)));

export function portfolioCsv(portfolio: Portfolio): string {
  const rows = portfolio.accounts.map((account) => [
    account.rank,
    safeText(account.name),
    safeText(account.id),
    safeText(account.csm),
    safeText(account.segment),
    account.asOf ?? "",
    account.renewal,
    account.daysToRenewal,
    account.arr,
    account.currency,
    account.arrAtRisk,
    account.riskLevel,
    account.riskScore ?? "",
    account.sponsor ?? "",
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
    safeText(account.decks.join(DECKS_SEPARATOR)),
    safeText(account.source),
  ]);
  return stringify([[...PORTFOLIO_CSV_COLUMNS], ...rows], { record_delimiter: "\n" });
}
