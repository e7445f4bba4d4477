import type { Rule } from "./rule.js";

/** The customer is not completing the tasks the goal requires. */
export const tasksOverdue: Rule = {
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
