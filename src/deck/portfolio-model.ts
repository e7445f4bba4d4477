import type { Severity } from "../analysis/rules/rule.js";
import type { IsoDate } from "../dates.js";
import type { SponsorStatus } from "../analysis/sponsor-status.js";

/**
 * What the portfolio deck is built from (types only): the accounts of a run ranked for CS
 * leadership, and totals per currency. batch/portfolio.ts fills it from a manifest.
 */

export interface GoalCounts {
  total: number;
  achieved: number;
  onTrack: number;
  atRisk: number;
  offTrack: number;
  noData: number;
}

export interface PortfolioAccount {
  rank: number;
  name: string;
  id: string | null;
  source: string;
  renewal: IsoDate;
  daysToRenewal: number;
  arr: number;
  currency: string;
  riskLevel: Severity;
  /** The ARR of a high-risk account, else 0. */
  arrAtRisk: number;
  goals: GoalCounts;
  valueRealized: number | null;
  roi: number | null;
  /** The top-ranked finding's title (findings are ranked by analysis/risk-score.ts). */
  topFinding: string | null;
  watermelon: boolean;
  /** 0–100; null when the manifest predates it. */
  riskScore: number | null;
  sponsor: SponsorStatus | null;
  csm: string | null;
  segment: string | null;
  /** The account's own as-of date (its figures' date), beside the portfolio's one as-of. */
  asOf: IsoDate | null;
  /** The account's decks, relative to the manifest's folder, "/"-separated. */
  decks: string[];
}

export interface CurrencyTotals {
  currency: string;
  accounts: number;
  arr: number;
  arrAtRisk: number;
  highRisk: number;
}

export interface Portfolio {
  asOf: IsoDate;
  accounts: PortfolioAccount[];
  /** One entry per currency, most ARR first: amounts in different currencies are never added. */
  totals: CurrencyTotals[];
  failed: { source: string; reason: string }[];
  filtered: number;
  /** Sources of unedited `qbr init` starters: reported, never ranked. */
  starters: string[];
}
