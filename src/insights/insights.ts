import {
  analyseAt,
  backtest,
  isLost,
  type Backtest,
  type InsightsAccount,
  type InsightsOptions,
} from "./backtest.js";
import {
  patterns,
  type Patterns,
  type RootCauses,
  type RuleFireRates,
  type Watermelons,
} from "./patterns.js";

export { DEFAULT_LEAD_DAYS, type InsightsAccount, type InsightsOptions } from "./backtest.js";

/**
 * What `qbr insights` reports (issue 17 §2): the backtest of every rule against the recorded
 * outcomes, and the patterns across all accounts. Plain JSON-able data: `--json` prints it as
 * is, the CSV and the internal insights deck are built from it.
 */
export interface Insights extends Omit<Backtest, "accounts"> {
  /** Accounts read (with or without an outcome). */
  accounts: number;
  rootCauses: RootCauses;
  watermelons: Watermelons;
  /** How often each rule fires now (each account at its own as-of date), by segment and by CSM. */
  fireRates: RuleFireRates[];
  /** Each account with an outcome: what fired `leadDays` before it. */
  backtested: Backtest["accounts"];
}

export function buildInsights(entries: readonly InsightsAccount[], options: InsightsOptions): Insights {
  const scored = backtest(entries, options);
  const now = entries.map((entry) => analyseAt(entry.account, undefined, options));
  const found: Patterns = patterns(now, (analysis) => {
    const outcome = analysis.account.contract.outcome;
    return outcome !== undefined && isLost(outcome);
  });
  return {
    leadDays: scored.leadDays,
    accounts: entries.length,
    withOutcome: scored.withOutcome,
    lost: scored.lost,
    kept: scored.kept,
    smallSample: scored.smallSample,
    rules: scored.rules,
    riskLevelHigh: scored.riskLevelHigh,
    riskScoreAuc: scored.riskScoreAuc,
    rootCauses: found.rootCauses,
    watermelons: found.watermelons,
    fireRates: found.fireRates,
    backtested: scored.accounts,
  };
}
