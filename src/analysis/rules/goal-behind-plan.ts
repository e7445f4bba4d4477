import type { DataPoint } from "../../input/account-schema.js";
import type { FindingOf, Rule } from "./rule.js";

export interface GoalBehindPlanEvidence {
  status: "at-risk" | "off-track";
  attainment: number | null;
  expectedProgress: number | null;
  pace: number | null;
  latestActual: DataPoint | null;
  plannedValueAtLatest: number | null;
}

export type GoalBehindPlanFinding = FindingOf<"goal-behind-plan", GoalBehindPlanEvidence>;

/** A goal whose latest result is behind where the plan expected it on that date. */
export const goalBehindPlan: Rule<GoalBehindPlanFinding> = {
  name: "goal-behind-plan",
  scope: "goal",
  evaluate({ goals }) {
    return goals.flatMap(({ goal, figures }) => {
      if (figures.status !== "at-risk" && figures.status !== "off-track") return [];
      return [
        {
          rule: "goal-behind-plan",
          severity: figures.status === "off-track" ? "high" : "medium",
          goal: goal.id,
          evidence: {
            status: figures.status,
            attainment: figures.attainment,
            expectedProgress: figures.expectedProgress,
            pace: figures.pace,
            latestActual: figures.latestActual,
            plannedValueAtLatest: figures.plannedValueAtLatest,
          },
        },
      ];
    });
  },
};
