import { EPSILON } from "../figures.js";
import { isWithinDays, type FindingOf, type Rule } from "./rule.js";

export interface RoiBelowCostEvidence {
  /** Value realized ÷ ARR. */
  roi: number;
  realizedValue: number | null;
  plannedValue: number | null;
  arr: number;
  daysToRenewal: number;
}

export type RoiBelowCostFinding = FindingOf<"roi-below-cost", RoiBelowCostEvidence>;

/** The value delivered so far is worth less than what the customer pays each year. */
export const roiBelowCost: Rule<RoiBelowCostFinding> = {
  name: "roi-below-cost",
  scope: "account",
  evaluate({ account, roi, realizedValue, plannedValue, daysToRenewal, thresholds }) {
    const { roiBelow, highWithinDays } = thresholds.rules["roi-below-cost"];
    // The tolerance of every threshold comparison (figures.ts), which formatting relies on too.
    if (roi === null || roi >= roiBelow - EPSILON) return [];
    return [
      {
        rule: "roi-below-cost",
        severity: isWithinDays(daysToRenewal, highWithinDays) ? "high" : "medium",
        goal: null,
        evidence: { roi, realizedValue, plannedValue, arr: account.contract.arr, daysToRenewal },
      },
    ];
  },
};
