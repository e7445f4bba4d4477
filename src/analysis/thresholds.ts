import { z } from "zod";

/**
 * The thresholds of SPEC §3 (and the status thresholds of §2) as one defaults object. A rules
 * file (`--rules FILE`) overrides any part of it; every rule can also be switched off.
 */

const share = z.number().min(0).max(1);
const days = z.number().int().min(0);
const enabled = z.boolean().default(true);

const ruleThresholdsSchema = z.strictObject({
  "goal-behind-plan": z.strictObject({ enabled }).default({ enabled: true }),
  "goal-forecast-miss": z
    .strictObject({ enabled, mediumBelow: z.number().default(0.9), highBelow: z.number().default(0.6) })
    .default({ enabled: true, mediumBelow: 0.9, highBelow: 0.6 }),
  "no-outcome-data": z.strictObject({ enabled }).default({ enabled: true }),
  "stale-outcome-data": z
    .strictObject({ enabled, maxAgeDays: days.default(60) })
    .default({ enabled: true, maxAgeDays: 60 }),
  "tasks-overdue": z
    .strictObject({ enabled, highShareAbove: share.default(0.5) })
    .default({ enabled: true, highShareAbove: 0.5 }),
  watermelon: z
    .strictObject({
      enabled,
      healthScoreGreenShare: share.default(0.7),
      npsGreenAtLeast: z.number().min(0).max(10).default(9),
      /** For `nps: { score }`, a Net Promoter Score (-100 to 100): 50 and above is commonly called excellent. */
      npsScoreGreenAtLeast: z.number().min(-100).max(100).default(50),
      csatGreenShare: share.default(0.8),
    })
    .default({
      enabled: true,
      healthScoreGreenShare: 0.7,
      npsGreenAtLeast: 9,
      npsScoreGreenAtLeast: 50,
      csatGreenShare: 0.8,
    }),
  "usage-without-value": z
    .strictObject({
      enabled,
      activeUsersPctAtLeast: z.number().min(0).max(100).default(70),
      behindShareAtLeast: share.default(0.5),
    })
    .default({ enabled: true, activeUsersPctAtLeast: 70, behindShareAtLeast: 0.5 }),
  "low-adoption": z
    .strictObject({ enabled, activeUsersPctBelow: z.number().min(0).max(100).default(30) })
    .default({ enabled: true, activeUsersPctBelow: 30 }),
  "sponsor-gap": z
    .strictObject({ enabled, maxDaysSinceContact: days.default(90) })
    .default({ enabled: true, maxDaysSinceContact: 90 }),
  "roi-below-cost": z
    .strictObject({ enabled, roiBelow: z.number().default(1), highWithinDays: days.default(120) })
    .default({ enabled: true, roiBelow: 1, highWithinDays: 120 }),
  "proxy-reason": z.strictObject({ enabled }).default({ enabled: true }),
  "external-risk": z.strictObject({ enabled }).default({ enabled: true }),
  "renewal-at-risk": z
    .strictObject({ enabled, withinDays: days.default(120) })
    .default({ enabled: true, withinDays: 120 }),
});

const weight = z.number().min(0).max(100);
const impact = z.number().min(0).max(1);

/**
 * The risk score (docs/risk-score.md): how many points of 100 one finding of each severity scores
 * on its own, and each rule's impact (0–1) on the renewal, which scales those points and orders
 * findings of the same severity. Defaults rank what ends renewals (a silent sponsor, red outcomes
 * under green signals, the renewal itself) above what only weakens the evidence (missing data).
 */
const DEFAULT_IMPACT = {
  "renewal-at-risk": 1,
  watermelon: 1,
  "sponsor-gap": 0.95,
  "external-risk": 0.9,
  "roi-below-cost": 0.85,
  "usage-without-value": 0.85,
  "goal-forecast-miss": 0.8,
  "proxy-reason": 0.75,
  "goal-behind-plan": 0.7,
  "low-adoption": 0.7,
  "tasks-overdue": 0.55,
  "stale-outcome-data": 0.5,
  "no-outcome-data": 0.5,
} as const;

const impactSchema = z.strictObject(
  Object.fromEntries(
    Object.entries(DEFAULT_IMPACT).map(([rule, value]) => [rule, impact.default(value)]),
  ) as { [R in keyof typeof DEFAULT_IMPACT]: z.ZodDefault<typeof impact> },
);

const riskScoreSchema = z.strictObject({
  weights: z
    .strictObject({ high: weight.default(40), medium: weight.default(20), low: weight.default(5) })
    .default({ high: 40, medium: 20, low: 5 })
    .describe("points of 100 one finding of each severity scores on its own"),
  impact: impactSchema
    .default(() => impactSchema.parse({}))
    .describe("each rule's impact on the renewal, 0–1: scales its points, orders findings of one severity"),
});

export const thresholdsSchema = z.strictObject({
  status: z
    .strictObject({
      onTrackPace: z.number().positive().default(0.9).describe("pace at or above which a goal is on track"),
      atRiskPace: z.number().positive().default(0.7).describe("pace at or above which a goal is at risk"),
    })
    .default({ onTrackPace: 0.9, atRiskPace: 0.7 }),
  rules: ruleThresholdsSchema.default(() => ruleThresholdsSchema.parse({})),
  riskScore: riskScoreSchema.default(() => riskScoreSchema.parse({})),
});

export type Thresholds = z.output<typeof thresholdsSchema>;
export type RuleName = keyof Thresholds["rules"];

export const DEFAULT_THRESHOLDS: Thresholds = thresholdsSchema.parse({});

/**
 * The fractions a printed percentage sits next to a verdict about: 1 (a goal achieved, a return
 * equal to the contract), the pace thresholds of the statuses, the return and forecast
 * thresholds. Formatting keeps every percentage on its own side of each (text/format.ts).
 */
export function percentGuards(thresholds: Thresholds): number[] {
  const { status, rules } = thresholds;
  const guards = [
    1,
    status.onTrackPace,
    status.atRiskPace,
    rules["roi-below-cost"].roiBelow,
    rules["goal-forecast-miss"].mediumBelow,
    rules["goal-forecast-miss"].highBelow,
  ];
  return [...new Set(guards)];
}
