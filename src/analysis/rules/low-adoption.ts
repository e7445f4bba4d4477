import type { FindingOf, Rule } from "./rule.js";

export interface LowAdoptionEvidence {
  activeUsersPct: number;
  /** The threshold in force. */
  activeUsersPctBelow: number;
}

export type LowAdoptionFinding = FindingOf<"low-adoption", LowAdoptionEvidence>;

/** Few active users: without use there can be no results. */
export const lowAdoption: Rule<LowAdoptionFinding> = {
  name: "low-adoption",
  scope: "account",
  evaluate({ account, thresholds }) {
    const { activeUsersPctBelow } = thresholds.rules["low-adoption"];
    const activeUsersPct = account.signals.usage?.activeUsersPct;
    if (activeUsersPct === undefined || activeUsersPct >= activeUsersPctBelow) return [];
    return [
      {
        rule: "low-adoption",
        severity: "high",
        goal: null,
        evidence: { activeUsersPct, activeUsersPctBelow },
      },
    ];
  },
};
