import { EPSILON } from "../figures.js";
import type { IsoDate } from "../../dates.js";
import type { FindingOf, Rule } from "./rule.js";

export interface GoalForecastMissEvidence {
  /** Share of the way from baseline to target the trend reaches by the target date. */
  projectedAttainment: number;
  /** The trend line's value on the target date. */
  projected: number | null;
  targetDate: IsoDate;
  targetValue: number;
  attainment: number | null;
  slopePerDay: number | null;
}

/**
 * "on-track": the goal is on plan today and only the trend falls short, so its questions look
 * ahead instead of asking how to close a gap the sponsor does not see yet.
 */
export type GoalForecastMissFinding = FindingOf<"goal-forecast-miss", GoalForecastMissEvidence, "on-track">;

/** At the current trend the goal will not reach its target by the target date. */
export const goalForecastMiss: Rule<GoalForecastMissFinding> = {
  name: "goal-forecast-miss",
  scope: "goal",
  evaluate({ goals, asOf, thresholds }) {
    const { mediumBelow, highBelow } = thresholds.rules["goal-forecast-miss"];
    return goals.flatMap(({ goal, figures }) => {
      const projected = figures.projectedAttainment;
      if (figures.status === "achieved" || goal.target.date <= asOf || projected === null) return [];
      // The tolerance of every threshold comparison (figures.ts), which formatting relies on too.
      if (projected >= mediumBelow - EPSILON) return [];
      return [
        {
          rule: "goal-forecast-miss",
          severity: projected < highBelow - EPSILON ? "high" : "medium",
          goal: goal.id,
          ...(figures.status === "on-track" ? { variant: "on-track" as const } : {}),
          evidence: {
            projectedAttainment: projected,
            projected: figures.forecast?.projected ?? null,
            targetDate: goal.target.date,
            targetValue: goal.target.value,
            attainment: figures.attainment,
            slopePerDay: figures.forecast?.slopePerDay ?? null,
          },
        },
      ];
    });
  },
};
