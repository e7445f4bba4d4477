import { isWithinDays, type Rule } from "./rule.js";

/** The renewal is close and something serious is open: it needs a plan before the renewal talk. */
export const renewalAtRisk: Rule = {
  name: "renewal-at-risk",
  scope: "account",
  evaluate({ account, daysToRenewal, thresholds, earlierFindings }) {
    const { withinDays } = thresholds.rules["renewal-at-risk"];
    if (!isWithinDays(daysToRenewal, withinDays)) return [];
    const high = earlierFindings.filter((finding) => finding.severity === "high");
    if (high.length === 0) return [];
    return [
      {
        rule: "renewal-at-risk",
        severity: "high",
        goal: null,
        evidence: {
          renewal: account.contract.renewal,
          daysToRenewal,
          arr: account.contract.arr,
          highFindings: high.map((finding) => ({ rule: finding.rule, goal: finding.goal })),
        },
      },
    ];
  },
};
