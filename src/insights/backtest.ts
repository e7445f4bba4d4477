import type { Analysis } from "../analysis/analyse-account.js";
import { RULE_NAMES } from "../analysis/rules/index.js";
import type { Severity } from "../analysis/rules/rule.js";
import type { RuleName, Thresholds } from "../analysis/thresholds.js";
import { addDays, type IsoDate } from "../dates.js";
import type { Account, Outcome, OutcomeResult } from "../input/account-schema.js";
import { analyzeAccount } from "../pipeline.js";
import type { TemplateSet } from "../text/template-set.js";
import { rocAuc, scoreWarning, SMALL_SAMPLE_BELOW, type WarningScore } from "./metrics.js";

/**
 * The backtest of issue 17: every account with a recorded outcome analysed as qbr would have
 * analysed it `leadDays` before that outcome, with the same rules and thresholds as `generate`,
 * then each warning scored against what happened. The analysis is the pipeline's own step; only
 * the as-of date and the renewal date differ (see asItStood).
 */

/** An account and the file (or workbook#id) it came from. */
export interface InsightsAccount {
  account: Account;
  source: string;
}

export interface InsightsOptions {
  /** Days before the outcome at which the rules are replayed (default 120: a quarter ahead). */
  leadDays: number;
  thresholds: Thresholds;
  templates: TemplateSet;
  /** The as-of date of accounts without review.asOf, for the "now" patterns. */
  today: IsoDate;
}

export const DEFAULT_LEAD_DAYS = 120;

/** Churned or downsized: revenue lost. Renewed or expanded: kept. */
const LOST: Readonly<Record<OutcomeResult, boolean>> = {
  churned: true,
  downsized: true,
  renewed: false,
  expanded: false,
};

export const isLost = (outcome: Outcome): boolean => LOST[outcome.result];

export interface BacktestedAccount {
  name: string;
  id: string | null;
  source: string;
  segment: string | null;
  csm: string | null;
  result: OutcomeResult;
  lost: boolean;
  outcomeDate: IsoDate;
  /** outcome.date − leadDays: the day the rules were replayed at. */
  asOf: IsoDate;
  /** The rules that fired at asOf, in RULE_NAMES order. */
  fired: RuleName[];
  riskLevel: Severity;
  riskScore: number;
}

export interface RuleScore extends WarningScore {
  rule: RuleName;
}

export interface Backtest {
  leadDays: number;
  withOutcome: number;
  lost: number;
  kept: number;
  /** Fewer than 5 lost or fewer than 5 kept accounts: the figures below prove little. */
  smallSample: boolean;
  /** Every rule, in RULE_NAMES order, zeros where it never fired (or is switched off). */
  rules: RuleScore[];
  riskLevelHigh: WarningScore;
  /** How well the risk score ranks lost above kept accounts (0.5 = chance); null without both. */
  riskScoreAuc: number | null;
  accounts: BacktestedAccount[];
}

/**
 * The account as it stood before its outcome: that renewal was the one due, so it renews on the
 * outcome's date (a renewed account's file already names the next renewal). Actuals measured after
 * the as-of date are left out by the analysis itself (figures.ts, actualsUpTo).
 */
export function asItStood(account: Account, outcome: Outcome): Account {
  return { ...account, contract: { ...account.contract, renewal: outcome.date } };
}

/** The pipeline's analyse step at `asOf`, without the previous-review comparison no insight uses. */
export function analyseAt(account: Account, asOf: IsoDate | undefined, options: InsightsOptions): Analysis {
  return analyzeAccount(account, {
    asOf,
    today: options.today,
    templates: options.templates,
    thresholds: options.thresholds,
    kinds: [],
  }).current;
}

export function backtestAccount(entry: InsightsAccount, options: InsightsOptions): BacktestedAccount | null {
  const outcome = entry.account.contract.outcome;
  if (!outcome) return null;
  const asOf = addDays(outcome.date, -options.leadDays);
  const analysis = analyseAt(asItStood(entry.account, outcome), asOf, options);
  const firedRules = new Set(analysis.findings.map((finding) => finding.rule));
  const { account } = entry.account;
  return {
    name: account.name,
    id: account.id ?? null,
    source: entry.source,
    segment: account.segment ?? null,
    csm: account.csm ?? null,
    result: outcome.result,
    lost: isLost(outcome),
    outcomeDate: outcome.date,
    asOf,
    fired: RULE_NAMES.filter((rule) => firedRules.has(rule)),
    riskLevel: analysis.riskLevel,
    riskScore: analysis.riskScore,
  };
}

function confusionOf(
  accounts: readonly BacktestedAccount[],
  flagged: (account: BacktestedAccount) => boolean,
) {
  const fired = accounts.filter(flagged);
  const firedLost = fired.filter((account) => account.lost).length;
  return { fired: fired.length, firedLost, firedKept: fired.length - firedLost };
}

/** Scores every warning over backtested accounts. */
export function scoreBacktest(accounts: readonly BacktestedAccount[], leadDays: number): Backtest {
  const lost = accounts.filter((account) => account.lost).length;
  const kept = accounts.length - lost;
  const totals = { lost, kept };
  return {
    leadDays,
    withOutcome: accounts.length,
    lost,
    kept,
    smallSample: lost < SMALL_SAMPLE_BELOW || kept < SMALL_SAMPLE_BELOW,
    rules: RULE_NAMES.map((rule) => ({
      rule,
      ...scoreWarning(
        confusionOf(accounts, (account) => account.fired.includes(rule)),
        totals,
      ),
    })),
    riskLevelHigh: scoreWarning(
      confusionOf(accounts, (account) => account.riskLevel === "high"),
      totals,
    ),
    riskScoreAuc: rocAuc(
      accounts.filter((account) => account.lost).map((account) => account.riskScore),
      accounts.filter((account) => !account.lost).map((account) => account.riskScore),
    ),
    accounts: [...accounts],
  };
}

export function backtest(entries: readonly InsightsAccount[], options: InsightsOptions): Backtest {
  const accounts = entries.flatMap((entry) => backtestAccount(entry, options) ?? []);
  return scoreBacktest(accounts, options.leadDays);
}
