import { quarterLabel, type IsoDate } from "../../dates.js";
import type { Insights } from "../../insights/insights.js";
import { sanitizeTree } from "../../text/sanitize.js";
import type { TemplateSet } from "../../text/template-set.js";
import type { Deck, Theme } from "../deck-model.js";
import {
  caveatSlide,
  insightsCoverSlide,
  overviewSlide,
  precisionRecallSlide,
  rootCauseSlide,
  ruleTableSlides,
  watermelonSlide,
  type InsightsText,
} from "../slides/insights.js";

export interface InsightsDeckOptions {
  theme: Theme;
  templates: TemplateSet;
  producer: string;
  /** The day the insights were computed (the cover, the footer). */
  today: IsoDate;
}

/**
 * The insights deck (`qbr insights`) for CS leadership, as a renderer-neutral Deck. Like the
 * portfolio it is built from many accounts, so not in DECK_KINDS; internal by construction — it
 * names churned accounts, rules and outcomes — and there is no customer variant to choose.
 */
export function buildInsightsDeck(insights: Insights, options: InsightsDeckOptions): Deck {
  const base = { ...insights, asOf: options.today };
  const text: InsightsText = (key, extra = {}) => {
    const template = options.templates.deck[key];
    if (!template) throw new Error(`deck text "${key}" is missing from the templates`);
    return template({ ...base, ...extra });
  };
  return sanitizeTree({
    meta: {
      title: text("insights.title"),
      subject: text("insights.subject"),
      author: "",
      company: options.producer,
      keywords: text("insights.keywords").split(/\s*,\s*/),
      language: "en",
      audience: "internal",
      // The deck model knows account-deck kinds only; the backtest is about renewals.
      kind: "renewal",
      accountName: text("insights.name"),
      periodLabel: quarterLabel(options.today),
      asOf: options.today,
      footer: text("insights.footer"),
      classification: text("classification.internal"),
    },
    theme: options.theme,
    logo: null,
    slides: [
      insightsCoverSlide(text),
      caveatSlide(text, insights),
      overviewSlide(text, insights),
      precisionRecallSlide(text, insights),
      ...ruleTableSlides(text, insights),
      rootCauseSlide(text, insights),
      watermelonSlide(text, insights),
    ],
  });
}
