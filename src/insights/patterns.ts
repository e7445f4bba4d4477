import type { Analysis } from "../analysis/analyse-account.js";
import { findingsOf, RULE_NAMES } from "../analysis/rules/index.js";
import { classifyReason, ROOT_CAUSE, type RootCause } from "../analysis/rules/proxy-reason.js";
import type { RuleName } from "../analysis/thresholds.js";
import { ROOT_CAUSES, type RootCauseClass } from "../input/account-schema.js";
import { round3 } from "./metrics.js";

/**
 * The patterns across a portfolio (issue 17 §2), from every account's analysis at its own as-of
 * date, with or without an outcome: how often each rule fires, by segment and by CSM; what the
 * stated proxy reasons point to; whether the outcomes' stated reasons matched the root cause the
 * team concluded; the watermelon accounts.
 */

/** The key of accounts without a segment or a CSM (the insights deck words it from deck.yaml). */
export const NONE = "(none)";

/** proxy-reason's root causes ("value gap") as the account file writes them ("value-gap"). */
const CAUSE_CLASS: Readonly<Record<RootCause, RootCauseClass>> = {
  "value gap": "value-gap",
  "adoption gap": "adoption-gap",
  external: "external",
  unknown: "unknown",
};

export type CauseCounts = Record<RootCauseClass, number>;

const noCauses = (): CauseCounts => Object.fromEntries(ROOT_CAUSES.map((cause) => [cause, 0])) as CauseCounts;

export interface FireCount {
  accounts: number;
  fired: number;
  rate: number;
}

export interface RuleFireRates extends FireCount {
  rule: RuleName;
  bySegment: Record<string, FireCount>;
  byCsm: Record<string, FireCount>;
}

export interface StatedVsConcluded {
  /** Outcomes whose stated reason's likely root cause is the one the team concluded. */
  agree: number;
  disagree: number;
  /** Outcomes with a concluded root cause whose stated reason no keyword classifies. */
  unclassified: number;
  pairs: { account: string; reason: string; stated: RootCauseClass; concluded: RootCauseClass }[];
}

export interface RootCauses {
  /** The likely root causes of every account's stated reasons (proxy-reason), all accounts. */
  stated: CauseCounts;
  bySegment: Record<string, CauseCounts>;
  /** The root causes recorded in outcomes (what the team concluded), lost accounts only. */
  concludedLost: CauseCounts;
  statedVsConcluded: StatedVsConcluded;
}

export interface Watermelons {
  accounts: number;
  share: number | null;
  /** Their ARR, one entry per currency: amounts in different currencies are never added. */
  arr: { currency: string; arr: number }[];
  names: string[];
}

export interface Patterns {
  fireRates: RuleFireRates[];
  rootCauses: RootCauses;
  watermelons: Watermelons;
}

const segmentOf = (analysis: Analysis) => analysis.account.account.segment ?? NONE;
const csmOf = (analysis: Analysis) => analysis.account.account.csm ?? NONE;

function fireCount(analyses: readonly Analysis[], rule: RuleName): FireCount {
  const fired = analyses.filter((analysis) =>
    analysis.findings.some((finding) => finding.rule === rule),
  ).length;
  return {
    accounts: analyses.length,
    fired,
    rate: analyses.length === 0 ? 0 : round3(fired / analyses.length),
  };
}

/** Groups by key, keys sorted, so the JSON and the deck list them the same way every run. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return new Map([...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function mapGroups<T, R>(groups: Map<string, T[]>, each: (items: T[]) => R): Record<string, R> {
  return Object.fromEntries([...groups].map(([key, items]) => [key, each(items)]));
}

export function fireRates(analyses: readonly Analysis[]): RuleFireRates[] {
  const bySegment = groupBy(analyses, segmentOf);
  const byCsm = groupBy(analyses, csmOf);
  return RULE_NAMES.map((rule) => ({
    rule,
    ...fireCount(analyses, rule),
    bySegment: mapGroups(bySegment, (group) => fireCount(group, rule)),
    byCsm: mapGroups(byCsm, (group) => fireCount(group, rule)),
  }));
}

function statedCauses(analyses: readonly Analysis[]): CauseCounts {
  const counts = noCauses();
  for (const analysis of analyses) {
    for (const finding of findingsOf(analysis.findings, "proxy-reason")) {
      counts[CAUSE_CLASS[finding.evidence.likelyRootCause]]++;
    }
  }
  return counts;
}

/**
 * The outcome's stated reason and its likely root cause: the outcome's own statedReason,
 * classified by proxy-reason's keywords; else the account's first stated reason as the rule
 * classified it (the CSM's category wins there).
 */
function outcomeReason(analysis: Analysis): { reason: string; cause: RootCauseClass } | null {
  const { account } = analysis;
  const stated = account.contract.outcome?.statedReason;
  if (stated !== undefined) {
    const category = classifyReason(stated, account.account.competitors ?? []);
    return { reason: stated, cause: CAUSE_CLASS[ROOT_CAUSE[category]] };
  }
  const [first] = findingsOf(analysis.findings, "proxy-reason");
  return first ? { reason: first.evidence.reason, cause: CAUSE_CLASS[first.evidence.likelyRootCause] } : null;
}

export function statedVsConcluded(analyses: readonly Analysis[]): StatedVsConcluded {
  const result: StatedVsConcluded = { agree: 0, disagree: 0, unclassified: 0, pairs: [] };
  for (const analysis of analyses) {
    const concluded = analysis.account.contract.outcome?.rootCause;
    // "unknown" is no conclusion to compare a reason with.
    if (concluded === undefined || concluded === "unknown") continue;
    const stated = outcomeReason(analysis);
    if (!stated) continue;
    if (stated.cause === "unknown") {
      result.unclassified++;
      continue;
    }
    if (stated.cause === concluded) result.agree++;
    else result.disagree++;
    result.pairs.push({
      account: analysis.account.account.name,
      reason: stated.reason,
      stated: stated.cause,
      concluded,
    });
  }
  return result;
}

function rootCauses(analyses: readonly Analysis[], lostAnalyses: readonly Analysis[]): RootCauses {
  const concludedLost = noCauses();
  for (const analysis of lostAnalyses) {
    const cause = analysis.account.contract.outcome?.rootCause;
    if (cause !== undefined) concludedLost[cause]++;
  }
  return {
    stated: statedCauses(analyses),
    bySegment: mapGroups(groupBy(analyses, segmentOf), statedCauses),
    concludedLost,
    statedVsConcluded: statedVsConcluded(analyses),
  };
}

function watermelons(analyses: readonly Analysis[]): Watermelons {
  const flagged = analyses.filter((analysis) =>
    analysis.findings.some((finding) => finding.rule === "watermelon"),
  );
  const arr = [...groupBy(flagged, (analysis) => analysis.account.contract.currency)].map(
    ([currency, group]) => ({
      currency,
      arr: group.reduce((sum, analysis) => sum + analysis.account.contract.arr, 0),
    }),
  );
  return {
    accounts: flagged.length,
    share: analyses.length === 0 ? null : round3(flagged.length / analyses.length),
    arr: arr.sort((a, b) => b.arr - a.arr || (a.currency < b.currency ? -1 : 1)),
    names: flagged.map((analysis) => analysis.account.account.name),
  };
}

/** `lost`: whether an account's recorded outcome lost revenue (for the concluded root causes). */
export function patterns(analyses: readonly Analysis[], lost: (analysis: Analysis) => boolean): Patterns {
  return {
    fireRates: fireRates(analyses),
    rootCauses: rootCauses(analyses, analyses.filter(lost)),
    watermelons: watermelons(analyses),
  };
}
