import type { IsoDate } from "../../dates.js";
import type { FindingOf, Rule } from "./rule.js";

export interface TasksOverdueEvidence {
  overdue: number;
  total: number;
  done: number;
  /** overdue ÷ total. */
  overdueShare: number;
  overdueTasks: { title: string; due: IsoDate | null }[];
}

export type TasksOverdueFinding = FindingOf<"tasks-overdue", TasksOverdueEvidence>;

/** The customer is not completing the tasks the goal requires. */
export const tasksOverdue: Rule<TasksOverdueFinding> = {
  name: "tasks-overdue",
  scope: "goal",
  evaluate({ goals, thresholds }) {
    const { highShareAbove } = thresholds.rules["tasks-overdue"];
    return goals.flatMap(({ goal, figures }) => {
      const { overdue, total, overdueTasks } = figures.tasks;
      if (overdue === 0) return [];
      const share = overdue / total;
      return [
        {
          rule: "tasks-overdue",
          severity: share > highShareAbove ? "high" : "medium",
          goal: goal.id,
          evidence: {
            overdue,
            total,
            done: figures.tasks.done,
            overdueShare: share,
            overdueTasks: overdueTasks.map((task) => ({ title: task.title, due: task.due ?? null })),
          },
        },
      ];
    });
  },
};
