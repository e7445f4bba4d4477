import type { IsoDate } from "../../dates.js";
import type { FindingOf, Rule } from "./rule.js";

export interface NoOutcomeDataEvidence {
  baselineDate: IsoDate;
  targetDate: IsoDate;
  /** Actuals recorded in the file, all dated after the as-of date. */
  actualsAfterAsOf: number;
}

export type NoOutcomeDataFinding = FindingOf<"no-outcome-data", NoOutcomeDataEvidence>;

/** Nobody has measured the outcome yet: progress is unknown, whatever the dashboards say. */
export const noOutcomeData: Rule<NoOutcomeDataFinding> = {
  name: "no-outcome-data",
  scope: "goal",
  evaluate({ goals }) {
    return goals.flatMap(({ goal, figures }) =>
      figures.latestActual
        ? []
        : [
            {
              rule: "no-outcome-data",
              severity: "high",
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
