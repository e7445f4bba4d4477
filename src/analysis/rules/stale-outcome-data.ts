import type { IsoDate } from "../../dates.js";
import type { FindingOf, Rule } from "./rule.js";

export interface StaleOutcomeDataEvidence {
  latestActualDate: IsoDate | null;
  daysSinceLatestActual: number;
  /** The threshold in force. */
  maxAgeDays: number;
}

export type StaleOutcomeDataFinding = FindingOf<"stale-outcome-data", StaleOutcomeDataEvidence>;

/** The latest measurement is old: the figures describe a past quarter, not today. */
export const staleOutcomeData: Rule<StaleOutcomeDataFinding> = {
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
