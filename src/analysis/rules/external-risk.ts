import type { FindingOf, Rule } from "./rule.js";

export interface ExternalRiskEvidence {
  /** The risk as the account file states it. */
  risk: string;
}

export type ExternalRiskFinding = FindingOf<"external-risk", ExternalRiskEvidence>;

/** Risks outside the vendor's control (mergers, budget freezes): know them, plan around them. */
export const externalRisk: Rule<ExternalRiskFinding> = {
  name: "external-risk",
  scope: "account",
  evaluate({ account }) {
    return account.externalRisks.map((risk) => ({
      rule: "external-risk",
      severity: "low",
      goal: null,
      evidence: { risk },
    }));
  },
};
