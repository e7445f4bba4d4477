import type { Analysis, Finding } from "../analysis/analyse-account.js";
import { EPSILON, type GoalStatus } from "../analysis/figures.js";
import {
  customerGoalContext,
  customerTask,
  customerTextContext,
  departedPeople,
  hasLeft,
} from "../analysis/customer-context.js";
import { goalTextContext, type GoalTextContext } from "../analysis/finding-context.js";
import type { EvidenceOf } from "../analysis/rules/index.js";
import type { GoalAnalysis } from "../analysis/rules/rule.js";
import type { IsoDate } from "../dates.js";
import type { Account } from "../input/account-schema.js";
import { percentGuards, type RuleName } from "../analysis/thresholds.js";
import { formatPercent } from "../text/format.js";
import type { TextData } from "../text/handlebars.js";
import type { TemplateSet } from "../text/template-set.js";
import type { Provenance } from "./slides/appendix.js";
import type { Audience, DeckKind, ImageData, Theme, Tone } from "./deck-model.js";

type Task = Account["goals"][number]["tasks"][number];

/** What every slide builder needs: the analysis, the audience and a way to word things. */

export interface BuildDeckOptions {
  audience: Audience;
  kind: DeckKind;
  theme: Theme;
  templates: TemplateSet;
  /** The account's logo, already read and checked (see deck/image-info.ts). */
  logo: ImageData | null;
  /** The tool line written as the document's company / creator. */
  producer: string;
  /** The same account analysed at the previous review date, for "what changed" (none: no slide). */
  previous?: Analysis | null;
  /** Where the figures come from; the internal deck always ends with it as an appendix. */
  provenance?: Provenance | null;
  /** Also give the customer deck the provenance appendix. */
  customerAppendix?: boolean;
  /**
   * Customer decks print value ÷ ARR only at or above this multiple (default 1: a ratio below the
   * contract's worth reads as a loss in the sponsor's hands); below it they show value delivered
   * against value planned. Internal decks always print the ratio.
   */
  customerRatioMin?: number;
  /**
   * Slide ids to leave out (a `--deck` file's list for this kind and audience), on top of the
   * account's own `review.hide`. Every page of a part shares its id, so the whole part goes.
   */
  hide?: readonly string[];
}

export const DEFAULT_CUSTOMER_RATIO_MIN = 1;

/** What a slide adds to the account context for one text: the goal, a task or a date it is about. */
export interface TextExtras {
  goal?: GoalTextContext;
  task?: Task;
  /** The goal's status in the audience's words. */
  statusLabel?: string;
  /** The goal reached its target (its status label says so to both audiences). */
  achieved?: boolean;
  /** The previous review date, formatted. */
  since?: string;
  asOf?: IsoDate;
  /** How many items a list leaves out ("…and {{count}} more"). */
  count?: number;
  /** Internal decks only: the goal's owner is a stakeholder who has left (an orphaned goal). */
  ownerLeft?: boolean;
  /** Plain strings a slide has already worded (the appendix's provenance and thresholds): customer-safe. */
  facts?: Record<string, string>;
  /** Goal titles a text lists ("No money value set: …"): customer-safe, so both audiences get them. */
  names?: string[];
  /** Internal decks only: the evidence of the finding the text is about. */
  evidence?: EvidenceOf<RuleName>;
  /** Internal decks only: the finding the text is about (its title and recommended play). */
  finding?: { title: string; play: string };
  /**
   * Internal decks only: what a healthy account's risk checks found (slides/risks-clean.ts): the
   * active executive sponsor, the age in days of the oldest of the goals' latest measurements, the
   * number of low findings and the titles of those on the check being worded, and that check's
   * rules switched off with `--rules` and those that ran.
   */
  health?: {
    sponsor: { name: string; lastContact: IsoDate | null } | null;
    /**
     * Null when a goal has no measurement, which no-outcome-data reports as a high finding: so null
     * reaches this slide only with that rule switched off, and the data check's row then says
     * "not checked" (risks.check.off), never its clean wording.
     */
    oldestMeasurementDays: number | null;
    lowCount: number;
    lowTitles: string[];
    offRules: string[];
    checkedRules: string[];
  };
  /** Internal decks only: a signal's reading (health score, NPS, CSAT, active users). */
  signal?: { value: number; max: number } | { label: string } | { score: number };
}

export interface DeckContext {
  analysis: Analysis;
  audience: Audience;
  kind: DeckKind;
  isInternal: boolean;
  theme: Theme;
  templates: TemplateSet;
  currency: string;
  /**
   * Renders deck.yaml's template `key` with the account context plus `extra` — for a customer
   * deck, the customer's allow-list of both (analysis/customer-context.ts).
   */
  text(key: string, extra?: TextExtras): string;
  goalText(entry: GoalAnalysis): GoalTextContext;
  /** Whether a person (a goal's or task's owner) is a stakeholder who has left. */
  hasLeft(name: string | null | undefined): boolean;
  /** An owner as this audience may see it: never a departed person in a customer deck (null). */
  ownerShown(name: string | null | undefined): string | null;
  /** Whether this deck prints value ÷ ARR (internal: whenever there is one; customer: see customerRatioMin). */
  showsRatio: boolean;
  /** A percentage that stays on its side of the account's verdict thresholds (text/format.ts). */
  percent(fraction: number | null): string;
  percentGuards: readonly number[];
  /** Findings about one goal (internal decks only ever print them). */
  findingsFor(goalId: string): Finding[];
  statusLabel(status: GoalStatus): string;
  /** Root-cause questions about one goal in the audience's voice (from its findings, or its status). */
  goalPrompts(entry: GoalAnalysis): string[];
  /** Account-level questions (findings without a goal) in the audience's voice. */
  accountPrompts(): string[];
}

export const STATUS_TONE: Record<GoalStatus, Tone> = {
  achieved: "good",
  "on-track": "good",
  "at-risk": "warn",
  "off-track": "bad",
  "no-data": "muted",
};

export const SEVERITY_TONE: Record<Finding["severity"], Tone> = { high: "bad", medium: "warn", low: "muted" };

/** A deck.yaml text that takes no data (a label). */
function deckText(templates: TemplateSet, key: string): string {
  const template = templates.deck[key];
  if (!template) throw new Error(`deck text "${key}" is missing from the templates`);
  return template({});
}

export function createDeckContext(analysis: Analysis, options: BuildDeckOptions): DeckContext {
  const { audience } = options;
  const isInternal = audience === "internal";
  const base = isInternal
    ? internalDeckText(analysis)
    : customerDeckText(analysis, options.customerRatioMin ?? DEFAULT_CUSTOMER_RATIO_MIN);
  const guards = percentGuards(analysis.thresholds);
  const data: TextData = { percentGuards: guards };
  // A customer deck's texts get the customer's allow-list of a goal and a task, whatever a slide
  // passes: the guarantee does not depend on each slide picking the right fields.
  const departed = departedPeople(analysis.account);
  const withExtras = (extra: TextExtras): object =>
    isInternal
      ? { ...base, ...extra }
      : {
          ...base,
          ...(extra.goal ? { goal: customerGoalContext(extra.goal, departed) } : {}),
          ...(extra.task ? { task: customerTask(extra.task, departed) } : {}),
          ...(extra.statusLabel !== undefined ? { statusLabel: extra.statusLabel } : {}),
          ...(extra.achieved !== undefined ? { achieved: extra.achieved } : {}),
          ...(extra.since !== undefined ? { since: extra.since } : {}),
          ...(extra.asOf !== undefined ? { asOf: extra.asOf } : {}),
          ...(extra.count !== undefined ? { count: extra.count } : {}),
          ...(extra.names !== undefined ? { names: extra.names } : {}),
          ...(extra.facts !== undefined ? { facts: extra.facts } : {}),
        };
  return {
    analysis,
    audience,
    kind: options.kind,
    isInternal,
    theme: options.theme,
    templates: options.templates,
    currency: analysis.account.contract.currency,
    text(key, extra = {}) {
      const template = options.templates.deck[key];
      if (!template) throw new Error(`deck text "${key}" is missing from the templates`);
      return template(withExtras(extra), data);
    },
    goalText: goalTextContext,
    hasLeft: (name) => hasLeft(name, departed),
    ownerShown: (name) => (name && (isInternal || !hasLeft(name, departed)) ? name : null),
    showsRatio: base.showsRatio,
    percent: (fraction) => formatPercent(fraction, guards),
    percentGuards: guards,
    findingsFor: (goalId) =>
      isInternal ? analysis.findings.filter((finding) => finding.goal === goalId) : [],
    // The audience's word for a status: the customer hears "behind plan", the CSM "off track".
    statusLabel: (status) => deckText(options.templates, `status.${audience}.${status}`),
    goalPrompts(entry) {
      const findings = analysis.findings.filter((finding) => finding.goal === entry.goal.id);
      if (findings.length > 0) return unique(findings.flatMap((finding) => voiceOf(finding, isInternal)));
      const key = entry.figures.status === "achieved" ? "goal-achieved" : "goal-on-track";
      const template = options.templates.prompts[key];
      if (!template) return [];
      const context = withExtras({ goal: goalTextContext(entry) });
      return (isInternal ? template.internal : template.customer).map((line) => line(context, data));
    },
    accountPrompts() {
      const findings = analysis.findings.filter(
        (finding) => finding.goal === null && (isInternal || !INTERNAL_ONLY_RULES.has(finding.rule)),
      );
      return unique(findings.flatMap((finding) => voiceOf(finding, isInternal)));
    },
  };
}

/**
 * Customer-voice questions of these rules would quote what the customer said about price,
 * features or competitors back at the sponsor: stated-reason analysis stays internal.
 */
const INTERNAL_ONLY_RULES: ReadonlySet<RuleName> = new Set<RuleName>(["proxy-reason"]);

/** The internal deck's text context: the account context, the counts and the risk summary. */
function internalDeckText(analysis: Analysis) {
  const severityCount = (severity: Finding["severity"]) =>
    analysis.findings.filter((finding) => finding.severity === severity).length;
  return {
    ...analysis.textContext,
    ...deckCounts(analysis),
    showsRatio: analysis.valueRealization.roi !== null,
    riskLevel: analysis.riskLevel,
    riskScore: analysis.riskScore,
    findingsCount: analysis.findings.length,
    highCount: severityCount("high"),
    mediumCount: severityCount("medium"),
    lowCount: severityCount("low"),
    watermelon: analysis.findings.some((finding) => finding.rule === "watermelon"),
    arrAtRisk: analysis.riskLevel === "high" ? analysis.account.contract.arr : null,
  };
}

/**
 * The customer deck's text context: the customer's allow-list, the review dates and the counts.
 * Below `ratioMin` the ratio is not in it at all (roi null), so no template can print it.
 */
function customerDeckText(analysis: Analysis, ratioMin: number) {
  const customer = customerTextContext(analysis.textContext);
  const showsRatio = customer.roi !== null && customer.roi >= ratioMin - EPSILON;
  return {
    ...customer,
    roi: showsRatio ? customer.roi : null,
    showsRatio,
    ...deckCounts(analysis),
  };
}

/** Review dates and goal counts: printed in both audiences' decks. */
function deckCounts(analysis: Analysis) {
  const counts = analysis.valueRealization;
  return {
    period: analysis.periodLabel,
    meetingDate: analysis.account.review.meetingDate ?? null,
    termStart: analysis.account.contract.start ?? null,
    goalsCount: counts.goals,
    onTrackCount: counts.achieved + counts.onTrack,
    behindCount: counts.atRisk + counts.offTrack,
    noDataCount: counts.noData,
  };
}

function voiceOf(finding: Finding, isInternal: boolean): string[] {
  return isInternal ? finding.prompts : finding.customerPrompts;
}

function unique(texts: string[]): string[] {
  return [...new Set(texts)];
}
