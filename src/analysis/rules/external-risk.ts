import type { Rule } from "./rule.js";

/** Risks outside the vendor's control (mergers, budget freezes): know them, plan around them. */
export const externalRisk: Rule = {
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
