import type { Severity } from "../analysis/rules/rule.js";
import type { Portfolio, PortfolioAccount, CurrencyTotals } from "../deck/portfolio-model.js";
import type { Manifest, ManifestAccount } from "./manifest.js";

export type { CurrencyTotals, Portfolio, PortfolioAccount } from "../deck/portfolio-model.js";
import { daysBetween, type IsoDate } from "../dates.js";

/**
 * The portfolio summary's data, taken from the manifest alone (so a merged manifest gives the
 * same summary as one big run): the accounts ranked for CS leadership, and totals per currency.
 */

const RISK_ORDER: Record<Severity, number> = { high: 0, medium: 1, low: 2 };

function isPortfolioEntry(entry: ManifestAccount): boolean {
  return (
    (entry.status === "written" || entry.status === "skipped-unchanged") &&
    entry.account !== null &&
    entry.renewal !== null &&
    entry.arr !== null &&
    entry.riskLevel !== null &&
    entry.starter !== true
  );
}

/** Days to renewal are counted from the portfolio's one as-of date, not each account's own. */
function toAccount(entry: ManifestAccount, asOf: IsoDate): Omit<PortfolioAccount, "rank"> {
  const riskLevel = entry.riskLevel!;
  return {
    name: entry.account!.name,
    id: entry.account!.id,
    source: entry.source,
    renewal: entry.renewal!,
    daysToRenewal: daysBetween(asOf, entry.renewal!),
    arr: entry.arr!,
    currency: entry.currency ?? "USD",
    riskLevel,
    arrAtRisk: riskLevel === "high" ? entry.arr! : 0,
    goals: entry.goals ?? { total: 0, achieved: 0, onTrack: 0, atRisk: 0, offTrack: 0, noData: 0 },
    valueRealized: entry.valueRealized,
    roi: entry.roi,
    topFinding: entry.topFinding,
    watermelon: entry.watermelon === true,
    riskScore: entry.riskScore ?? null,
    sponsor: entry.sponsor ?? null,
    csm: entry.csm ?? null,
    segment: entry.segment ?? null,
    asOf: entry.asOf,
    decks: entry.files.map((file) => file.path),
  };
}

/** Soonest renewal first; on the same day, more ARR at risk, then higher risk (level, then score), then more ARR. */
function compareAccounts(a: Omit<PortfolioAccount, "rank">, b: Omit<PortfolioAccount, "rank">): number {
  if (a.renewal !== b.renewal) return a.renewal < b.renewal ? -1 : 1;
  return (
    b.arrAtRisk - a.arrAtRisk ||
    RISK_ORDER[a.riskLevel] - RISK_ORDER[b.riskLevel] ||
    (b.riskScore ?? 0) - (a.riskScore ?? 0) ||
    b.arr - a.arr ||
    a.name.localeCompare(b.name, "en") ||
    (a.source < b.source ? -1 : a.source > b.source ? 1 : 0)
  );
}

function currencyTotals(accounts: readonly PortfolioAccount[]): CurrencyTotals[] {
  const totals = new Map<string, CurrencyTotals>();
  for (const account of accounts) {
    const total = totals.get(account.currency) ?? {
      currency: account.currency,
      accounts: 0,
      arr: 0,
      arrAtRisk: 0,
      highRisk: 0,
    };
    total.accounts++;
    total.arr += account.arr;
    total.arrAtRisk += account.arrAtRisk;
    if (account.riskLevel === "high") total.highRisk++;
    totals.set(account.currency, total);
  }
  return [...totals.values()].sort((a, b) => b.arr - a.arr || a.currency.localeCompare(b.currency));
}

export function buildPortfolio(manifest: Manifest, runAsOf?: IsoDate): Portfolio {
  const entries = manifest.accounts.filter(isPortfolioEntry);
  // One as-of for the whole portfolio: the run's --as-of, else the latest account as-of (today's
  // date would make a past review's renewals look overdue). Days to renewal count from it.
  const asOfDates = entries.flatMap((entry) => (entry.asOf ? [entry.asOf] : []));
  const asOf =
    runAsOf ??
    (asOfDates.length > 0
      ? asOfDates.reduce((latest, date) => (date > latest ? date : latest))
      : manifest.generatedAt.slice(0, 10));
  const accounts = entries
    .map((entry) => toAccount(entry, asOf))
    .sort(compareAccounts)
    .map((account, index) => ({ rank: index + 1, ...account }));
  return {
    asOf,
    accounts,
    totals: currencyTotals(accounts),
    failed: manifest.accounts
      .filter((entry) => entry.status === "failed")
      .map((entry) => ({ source: entry.source, reason: (entry.error ?? "").split("\n")[0] ?? "" })),
    filtered: manifest.accounts.filter((entry) => entry.status === "filtered").length,
    starters: manifest.accounts.filter((entry) => entry.starter === true).map((entry) => entry.source),
  };
}
