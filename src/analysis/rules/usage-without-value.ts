import type { FindingOf, Rule } from "./rule.js";

export interface UsageWithoutValueEvidence {
  activeUsersPct: number;
  /** Goals with at least one measurement. */
  goalsWithData: number;
  /** How many of those are at risk or off track. */
  goalsBehind: number;
  /** Their ids. */
  behindGoals: string[];
}

export type UsageWithoutValueFinding = FindingOf<"usage-without-value", UsageWithoutValueEvidence>;

/** Power users without results: busy dashboards while most measured goals fall behind. */
export const usageWithoutValue: Rule<UsageWithoutValueFinding> = {
  name: "usage-without-value",
  scope: "account",
  evaluate({ account, goals, thresholds }) {
    const { activeUsersPctAtLeast, behindShareAtLeast } = thresholds.rules["usage-without-value"];
    const activeUsersPct = account.signals.usage?.activeUsersPct;
    if (activeUsersPct === undefined || activeUsersPct < activeUsersPctAtLeast) return [];
    const withData = goals.filter(({ figures }) => figures.status !== "no-data");
    const behind = withData.filter(
      ({ figures }) => figures.status === "at-risk" || figures.status === "off-track",
    );
    if (withData.length === 0 || behind.length < behindShareAtLeast * withData.length) return [];
    return [
      {
        rule: "usage-without-value",
        severity: "high",
        goal: null,
        evidence: {
          activeUsersPct,
          goalsWithData: withData.length,
          goalsBehind: behind.length,
          behindGoals: behind.map(({ goal }) => goal.id),
        },
      },
    ];
  },
};
