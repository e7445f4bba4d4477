import type { Account, Goal } from "../../input/account-schema.js";
import type { IsoDate } from "../../dates.js";
import type { GoalFigures } from "../figures.js";
import type { RuleName, Thresholds } from "../thresholds.js";
import type { RuleFinding } from "./findings.js";

export type { RuleFinding } from "./findings.js";

export type Severity = "high" | "medium" | "low";
export const SEVERITY_RANK: Record<Severity, number> = { high: 3, medium: 2, low: 1 };

export interface GoalAnalysis {
  goal: Goal;
  figures: GoalFigures;
}

/** What a rule sees: the account, its figures and the active thresholds. */
export interface RuleContext {
  account: Account;
  asOf: IsoDate;
  /** renewal − asOf, in days (negative once the renewal date has passed). */
  daysToRenewal: number;
  goals: GoalAnalysis[];
  roi: number | null;
  realizedValue: number | null;
  plannedValue: number | null;
  thresholds: Thresholds;
  /** Findings of the rules evaluated before this one (renewal-at-risk looks at them). */
  earlierFindings: readonly RuleFinding[];
}

/**
 * A rule's verdict before its wording (title, prompts) is rendered from the templates. Each rule
 * names its own `R`, evidence `E` and variants `V`; the union of them all is `RuleFinding`
 * (findings.ts), which readers narrow by `rule` to read the evidence with its type.
 */
export interface FindingOf<R extends RuleName, E, V extends string = never> {
  rule: R;
  severity: Severity;
  goal: string | null;
  /** The figures that triggered it, as plain JSON (shown as evidence, printed by analyze --json). */
  evidence: E;
  /** Picks a variant of the rule's templates, e.g. the proxy-reason category. */
  variant?: V;
}

export interface Rule<F extends RuleFinding = RuleFinding> {
  name: F["rule"];
  scope: "goal" | "account";
  evaluate(context: RuleContext): F[];
}

export function isWithinDays(daysToRenewal: number, days: number): boolean {
  return daysToRenewal <= days;
}
