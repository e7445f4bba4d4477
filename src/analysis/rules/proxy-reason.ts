import type { FindingOf, Rule } from "./rule.js";

/**
 * What customers say ("too expensive", "missing feature X", "competitor Z is better") is a proxy
 * reason. If it were too expensive they would not have bought; if a feature were truly missing
 * they would not have bought either; if the competitor were better they would have picked it.
 * Each proxy points to a likely root cause: a value gap or an adoption gap.
 */
export type ReasonCategory = "price" | "feature" | "competitor" | "unclassified";
export type RootCause = "value gap" | "adoption gap" | "unknown";

const CATEGORY_PATTERNS: [ReasonCategory, RegExp][] = [
  [
    "competitor",
    /\b(competitors?|competition|alternatives?|rivals?|switch(ing)?|migrat\w*|replac\w*|other (vendor|tool|provider|solution)s?|evaluat\w*|rfp)\b/i,
  ],
  [
    "price",
    /\b(price|pricing|priced|cost|costs|costly|expensive|budget|afford\w*|cheap\w*|spend|licen[cs]e fees?|too much money|discount)\b/i,
  ],
  [
    "feature",
    /\b(feature|features|functionality|integrat\w*|missing|lacks?|lacking|doesn'?t support|does not support|no support for|cannot|can'?t|api|connector|capabilit\w*|roadmap)\b/i,
  ],
];

export interface ProxyReasonEvidence {
  /** What the customer said, as the account file states it. */
  reason: string;
  category: ReasonCategory;
  likelyRootCause: RootCause;
}

/** The variant is the category: each has its own questions. */
export type ProxyReasonFinding = FindingOf<"proxy-reason", ProxyReasonEvidence, ReasonCategory>;

export const ROOT_CAUSE: Record<ReasonCategory, RootCause> = {
  price: "value gap",
  competitor: "value gap",
  feature: "adoption gap",
  unclassified: "unknown",
};

export function classifyReason(reason: string): ReasonCategory {
  return CATEGORY_PATTERNS.find(([, pattern]) => pattern.test(reason))?.[0] ?? "unclassified";
}

export const proxyReason: Rule<ProxyReasonFinding> = {
  name: "proxy-reason",
  scope: "account",
  evaluate({ account }) {
    return account.statedReasons.map((reason) => {
      const category = classifyReason(reason);
      return {
        rule: "proxy-reason",
        severity: "medium",
        goal: null,
        variant: category,
        evidence: { reason, category, likelyRootCause: ROOT_CAUSE[category] },
      };
    });
  },
};
