import type { Rule } from "./rule.js";

/** Nobody has measured the outcome yet: progress is unknown, whatever the dashboards say. */
export const noOutcomeData: Rule = {
  name: "no-outcome-data",
  scope: "goal",
  evaluate({ goals }) {
    return goals.flatMap(({ goal, figures }) =>
      figures.latestActual
        ? []
        : [
            {
              rule: "no-outcome-data" as const,
              severity: "high" as const,
              goal: goal.id,
              evidence: {
                baselineDate: goal.baseline.date,
                targetDate: goal.target.date,
                actualsAfterAsOf: goal.actuals.length,
              },
            },
          ],
    );
  },
};
