import type { IsoDate } from "../../dates.js";
import type { RuleName } from "../thresholds.js";
import { isWithinDays, type FindingOf, type Rule } from "./rule.js";

export interface RenewalAtRiskEvidence {
  renewal: IsoDate;
  daysToRenewal: number;
  arr: number;
  /** The high-severity findings that make the renewal at risk. */
  highFindings: { rule: RuleName; goal: string | null }[];
}

export type RenewalAtRiskFinding = FindingOf<"renewal-at-risk", RenewalAtRiskEvidence>;

/** The renewal is close and something serious is open: it needs a plan before the renewal talk. */
export const renewalAtRisk: Rule<RenewalAtRiskFinding> = {
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
