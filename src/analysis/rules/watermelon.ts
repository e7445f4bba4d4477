import type { Signals } from "../../input/account-schema.js";
import type { Thresholds } from "../thresholds.js";
import type { GoalStatus } from "../figures.js";
import type { FindingOf, Rule } from "./rule.js";

export interface GreenSignal {
  signal: "healthScore" | "nps" | "csat";
  value: number;
  max: number;
}

export interface WatermelonEvidence {
  /** The signals that read green. */
  greenSignals: GreenSignal[];
  /** The goals behind plan or not measured. */
  goalsBehind: {
    goal: string;
    status: GoalStatus;
    attainment: number | null;
    expectedProgress: number | null;
  }[];
}

export type WatermelonFinding = FindingOf<"watermelon", WatermelonEvidence>;

/** The inside-out signals that read green at the watermelon thresholds. */
export function greenSignals(signals: Signals, thresholds: Thresholds["rules"]["watermelon"]): GreenSignal[] {
  const green: GreenSignal[] = [];
  const { healthScore, nps, csat } = signals;
  if (healthScore && healthScore.value >= thresholds.healthScoreGreenShare * healthScore.max) {
    green.push({ signal: "healthScore", value: healthScore.value, max: healthScore.max });
  }
  if (nps !== undefined && nps >= thresholds.npsGreenAtLeast)
    green.push({ signal: "nps", value: nps, max: 10 });
  if (csat && csat.value >= thresholds.csatGreenShare * csat.max) {
    green.push({ signal: "csat", value: csat.value, max: csat.max });
  }
  return green;
}

/** Green outside, red inside: health score / NPS / CSAT look fine while outcomes do not. */
export const watermelon: Rule<WatermelonFinding> = {
  name: "watermelon",
  scope: "account",
  evaluate({ account, goals, thresholds }) {
    const green = greenSignals(account.signals, thresholds.rules.watermelon);
    const red = goals.filter(({ figures }) => ["at-risk", "off-track", "no-data"].includes(figures.status));
    if (green.length === 0 || red.length === 0) return [];
    return [
      {
        rule: "watermelon",
        severity: "high",
        goal: null,
        evidence: {
          greenSignals: green,
          goalsBehind: red.map(({ goal, figures }) => ({
            goal: goal.id,
            status: figures.status,
            attainment: figures.attainment,
            expectedProgress: figures.expectedProgress,
          })),
        },
      },
    ];
  },
};
