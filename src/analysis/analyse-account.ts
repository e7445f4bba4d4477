import { daysBetween, quarterLabel, type IsoDate } from "../dates.js";
import type { Account } from "../input/account-schema.js";
import type { TextData } from "../text/handlebars.js";
import type { CompiledVoice, TemplateSet } from "../text/template-set.js";
import { customerFindingContext, departedPeople, type DepartedPeople } from "./customer-context.js";
import { accountTextContext, findingTextContext, type AccountTextContext } from "./finding-context.js";
import { computeGoalFigures, type GoalStatus } from "./figures.js";
import { RULES } from "./rules/index.js";
import { rankFindings, riskScore } from "./risk-score.js";
import { type GoalAnalysis, type RuleFinding, type Severity } from "./rules/rule.js";
import { DEFAULT_THRESHOLDS, percentGuards, type RuleName, type Thresholds } from "./thresholds.js";

/** What wording adds to a rule's verdict: SPEC §3's title, a summary and the prompts of both voices. */
export interface FindingWords {
  title: string;
  summary: string;
  /** The recommended play (internal only), from the rule's `play` template; "" without one. */
  play: string;
  /** Root-cause questions in the internal voice (the CSM's preparation). */
  prompts: string[];
  /** The same questions in the customer voice, fit to ask the sponsor in the room. */
  customerPrompts: string[];
}

/**
 * A rule's verdict in words, still keyed by `rule`: `Finding<"watermelon">` (or a switch on
 * `finding.rule`, or findingOf) has the watermelon evidence.
 */
export type Finding<R extends RuleName = RuleName> = Extract<RuleFinding, { rule: R }> & FindingWords;

export interface ValueRealization {
  goals: number;
  achieved: number;
  onTrack: number;
  atRisk: number;
  offTrack: number;
  noData: number;
  realizedValue: number | null;
  plannedValue: number | null;
  roi: number | null;
}

export interface Analysis {
  account: Account;
  asOf: IsoDate;
  periodLabel: string;
  daysToRenewal: number;
  goals: GoalAnalysis[];
  valueRealization: ValueRealization;
  findings: Finding[];
  riskLevel: Severity;
  /** 0–100 from the findings' severities and rules (risk-score.ts, docs/risk-score.md). */
  riskScore: number;
  thresholds: Thresholds;
  textContext: AccountTextContext;
}

export interface AnalyseOptions {
  /** The day the analysis is computed at (SPEC: CLI --as-of, else review.asOf, else today). */
  asOf: IsoDate;
  templates: TemplateSet;
  thresholds?: Thresholds;
  /**
   * "titles": findings get their title only (no summary, no prompts) — enough for an analysis
   * that is only compared with ("what changed"), and it skips most of the template work.
   */
  wording?: "full" | "titles";
}

function countStatus(goals: GoalAnalysis[], status: GoalStatus): number {
  return goals.filter(({ figures }) => figures.status === status).length;
}

function valueRealization(account: Account, goals: GoalAnalysis[]): ValueRealization {
  const withValue = goals.filter(({ goal }) => goal.value !== undefined);
  const realizedValue =
    withValue.length === 0
      ? null
      : withValue.reduce((sum, { figures }) => sum + (figures.realizedValue ?? 0), 0);
  const plannedValue =
    withValue.length === 0
      ? null
      : withValue.reduce((sum, { figures }) => sum + (figures.plannedValue ?? 0), 0);
  return {
    goals: goals.length,
    achieved: countStatus(goals, "achieved"),
    onTrack: countStatus(goals, "on-track"),
    atRisk: countStatus(goals, "at-risk"),
    offTrack: countStatus(goals, "off-track"),
    noData: countStatus(goals, "no-data"),
    realizedValue,
    plannedValue,
    roi: realizedValue === null ? null : realizedValue / account.contract.arr,
  };
}

function pickVoice(templates: TemplateSet, finding: RuleFinding): CompiledVoice | null {
  const prompt = templates.prompts[finding.rule];
  if (!prompt) return null;
  return (finding.variant && prompt.variants[finding.variant]) || prompt;
}

function wordFinding(
  finding: RuleFinding,
  templates: TemplateSet,
  base: AccountTextContext,
  goals: GoalAnalysis[],
  wording: "full" | "titles",
  data: TextData,
  departed: DepartedPeople,
): Finding {
  const voice = pickVoice(templates, finding);
  if (!voice) {
    return { ...finding, title: finding.rule, summary: "", play: "", prompts: [], customerPrompts: [] };
  }
  const context = findingTextContext(finding, base, goals, departed);
  if (wording === "titles") {
    return {
      ...finding,
      title: voice.title(context, data),
      summary: "",
      play: "",
      prompts: [],
      customerPrompts: [],
    };
  }
  // The customer voice gets the customer's allow-list, not the finding's evidence: a custom
  // template cannot print a signal or a stated reason into a customer deck.
  const customerContext = customerFindingContext(finding, base, goals, departed);
  const render = (list: CompiledVoice["internal"], values: object) =>
    list.map((template) => template(values, data)).filter(Boolean);
  return {
    ...finding,
    title: voice.title(context, data),
    summary: voice.summary(context, data),
    play: voice.play?.(context, data) ?? "",
    prompts: render(voice.internal, context),
    customerPrompts: render(voice.customer, customerContext),
  };
}

export function analyseAccount(account: Account, options: AnalyseOptions): Analysis {
  const { asOf, templates } = options;
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
  const goals: GoalAnalysis[] = account.goals.map((goal) => ({
    goal,
    figures: computeGoalFigures(goal, asOf, thresholds.status),
  }));
  const realization = valueRealization(account, goals);
  const daysToRenewal = daysBetween(asOf, account.contract.renewal);

  const raw: RuleFinding[] = [];
  for (const rule of RULES) {
    if (!thresholds.rules[rule.name].enabled) continue;
    raw.push(
      ...rule.evaluate({
        account,
        asOf,
        daysToRenewal,
        goals,
        roi: realization.roi,
        realizedValue: realization.realizedValue,
        plannedValue: realization.plannedValue,
        thresholds,
        earlierFindings: raw,
      }),
    );
  }
  const ranked = rankFindings(raw, thresholds.riskScore);

  const textContext = accountTextContext(account, asOf, daysToRenewal, realization);
  const data: TextData = { percentGuards: percentGuards(thresholds) };
  const departed = departedPeople(account);
  const findings = ranked.map((finding) =>
    wordFinding(finding, templates, textContext, goals, options.wording ?? "full", data, departed),
  );
  const riskLevel = findings[0]?.severity ?? "low";
  return {
    account,
    asOf,
    periodLabel: account.review.period ?? quarterLabel(asOf),
    daysToRenewal,
    goals,
    valueRealization: realization,
    findings,
    riskLevel,
    riskScore: riskScore(findings, thresholds.riskScore),
    thresholds,
    textContext,
  };
}
