import { externalRisk } from "./external-risk.js";
import { goalBehindPlan } from "./goal-behind-plan.js";
import { goalForecastMiss } from "./goal-forecast-miss.js";
import { lowAdoption } from "./low-adoption.js";
import { noOutcomeData } from "./no-outcome-data.js";
import { proxyReason } from "./proxy-reason.js";
import { renewalAtRisk } from "./renewal-at-risk.js";
import { roiBelowCost } from "./roi-below-cost.js";
import type { Rule } from "./rule.js";
import { sponsorGap } from "./sponsor-gap.js";
import { staleOutcomeData } from "./stale-outcome-data.js";
import { tasksOverdue } from "./tasks-overdue.js";
import { usageWithoutValue } from "./usage-without-value.js";
import { watermelon } from "./watermelon.js";

export { findingOf, findingsOf, RULE_NAMES, type EvidenceOf, type RuleFinding } from "./findings.js";

/**
 * Every rule of SPEC §3 in table order (RULE_NAMES); renewal-at-risk is last because it reads
 * the others. A new rule is its file (rule, evidence type, finding type), one entry here, one
 * member of the RuleFinding union, its thresholds and its templates.
 */
export const RULES: readonly Rule[] = [
  goalBehindPlan,
  goalForecastMiss,
  noOutcomeData,
  staleOutcomeData,
  tasksOverdue,
  watermelon,
  usageWithoutValue,
  lowAdoption,
  sponsorGap,
  roiBelowCost,
  proxyReason,
  externalRisk,
  renewalAtRisk,
];
