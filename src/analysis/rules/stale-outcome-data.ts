import type { Rule } from "./rule.js";

/** The latest measurement is old: the figures describe a past quarter, not today. */
export const staleOutcomeData: Rule = {
  name: "stale-outcome-data",
  scope: "goal",
  evaluate({ goals, thresholds }) {
    const { maxAgeDays } = thresholds.rules["stale-outcome-data"];
    return goals.flatMap(({ goal, figures }) => {
      const age = figures.daysSinceLatestActual;
      if (age === null || age <= maxAgeDays) return [];
      return [
        {
          rule: "stale-outcome-data",
          severity: "medium",
          goal: goal.id,
          evidence: {
            latestActualDate: figures.latestActual?.date ?? null,
            daysSinceLatestActual: age,
            maxAgeDays,
          },
        },
      ];
    });
  },
};
