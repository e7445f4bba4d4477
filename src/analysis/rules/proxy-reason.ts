import type { Account } from "../../input/account-schema.js";
import { relatedItem, type RelatedItem } from "../reason-match.js";
import type { FindingOf, Rule } from "./rule.js";

/**
 * What customers say ("too expensive", "missing feature X", "competitor Z is better") is a proxy
 * reason. If it were too expensive they would not have bought; if a feature were truly missing
 * they would not have bought either; if the competitor were better they would have picked it.
 * Each proxy points to a likely root cause: a value gap or an adoption gap. A CSM who knows
 * better classifies the reason in the account file (`{ text, category }`), and the keywords then
 * only pick the more specific wording when they agree with that classification.
 */
export type ReasonCategory =
  "price" | "feature" | "competitor" | "value-gap" | "adoption-gap" | "external" | "unclassified";
export type RootCause = "value gap" | "adoption gap" | "external" | "unknown";

/** How the account file classifies a reason explicitly. */
type ExplicitCategory = "value-gap" | "adoption-gap" | "external";

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
  /** "account file" when the CSM classified the reason, else "keywords". */
  classifiedBy: "account file" | "keywords";
  /** The open task or goal of the account file the reason names, if any (reason-match.ts). */
  related: RelatedItem | null;
}

/** The variant is the category: each has its own questions. */
export type ProxyReasonFinding = FindingOf<"proxy-reason", ProxyReasonEvidence, ReasonCategory>;

export const ROOT_CAUSE: Record<ReasonCategory, RootCause> = {
  price: "value gap",
  competitor: "value gap",
  feature: "adoption gap",
  "value-gap": "value gap",
  "adoption-gap": "adoption gap",
  external: "external",
  unclassified: "unknown",
};

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Whether the reason names one of the account's competitors (whole words, any case). */
function namesCompetitor(reason: string, competitors: readonly string[]): boolean {
  return competitors.some((name) =>
    new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(name)}($|[^\\p{L}\\p{N}])`, "iu").test(reason),
  );
}

export function classifyReason(reason: string, competitors: readonly string[] = []): ReasonCategory {
  if (namesCompetitor(reason, competitors)) return "competitor";
  return CATEGORY_PATTERNS.find(([, pattern]) => pattern.test(reason))?.[0] ?? "unclassified";
}

/** The CSM's classification wins; the keyword category only when it agrees (specific wording). */
function explicitCategory(keywords: ReasonCategory, explicit: ExplicitCategory): ReasonCategory {
  return ROOT_CAUSE[keywords] === ROOT_CAUSE[explicit] ? keywords : explicit;
}

type StatedReason = Account["statedReasons"][number];

export const proxyReason: Rule<ProxyReasonFinding> = {
  name: "proxy-reason",
  scope: "account",
  evaluate({ account, goals, asOf }) {
    const competitors = account.account.competitors ?? [];
    return account.statedReasons.map((stated: StatedReason) => {
      const reason = typeof stated === "string" ? stated : stated.text;
      const keywords = classifyReason(reason, competitors);
      const category = typeof stated === "string" ? keywords : explicitCategory(keywords, stated.category);
      return {
        rule: "proxy-reason",
        severity: "medium",
        goal: null,
        variant: category,
        evidence: {
          reason,
          category,
          likelyRootCause: ROOT_CAUSE[category],
          classifiedBy: typeof stated === "string" ? "keywords" : "account file",
          related: relatedItem(reason, goals, asOf),
        },
      };
    });
  },
};
