import type { Analysis } from "../analysis/analyse-account.js";
import { createDeckContext, type BuildDeckOptions, type DeckContext } from "./context.js";
import { sanitizeTree } from "../text/sanitize.js";
import type { Deck, DeckMeta, Slide } from "./deck-model.js";
import { appendixSlides } from "./slides/appendix.js";
import { changesSlides } from "./slides/changes.js";
import { coverSlide } from "./slides/cover.js";
import { discussionSlides } from "./slides/discussion.js";
import { goalSlide } from "./slides/goal.js";
import { nextStepsSlides } from "./slides/next-steps.js";
import { outlookSlide } from "./slides/outlook.js";
import { reasonSlides } from "./slides/reasons.js";
import { nextTermSlide, outcomesSlides, renewalValueSlide, stillOpenSlide } from "./slides/renewal.js";
import { hiddenRiskSlides, riskSlides } from "./slides/risks.js";
import { scorecardSlides } from "./slides/scorecard.js";
import { summarySlide } from "./slides/summary.js";
import { valueSlide } from "./slides/value.js";

export type { BuildDeckOptions } from "./context.js";

/**
 * Analysis → Deck. Pure. The audience is applied here, once: a customer deck is built without
 * the internal slides and without internal facts in its text context, so no renderer can leak them.
 * Every text of the Deck goes through the one text rule last (src/text/sanitize.ts): the account's
 * texts already did when loaded, but templates and themes could still bring a control character
 * that no PPTX may hold.
 */
export function buildDeck(analysis: Analysis, options: BuildDeckOptions): Deck {
  const context = createDeckContext(analysis, options);
  const slides = options.kind === "qbr" ? qbrSlides(context, options) : renewalSlides(context, options);
  if (options.provenance && (context.isInternal || options.customerAppendix)) {
    slides.push(...appendixSlides(context, options.provenance));
  }
  return sanitizeTree({ meta: deckMeta(context, options), theme: options.theme, logo: options.logo, slides });
}

/** The internal-only slides: risks and hidden risks, stated reasons, signals and renewal outlook. */
function internalSlides(context: DeckContext): Slide[] {
  if (!context.isInternal) return [];
  return [
    ...hiddenRiskSlides(context),
    ...riskSlides(context),
    ...reasonSlides(context),
    outlookSlide(context),
  ];
}

function changes(context: DeckContext, options: BuildDeckOptions): Slide[] {
  return options.previous ? changesSlides(context, options.previous) : [];
}

function qbrSlides(context: DeckContext, options: BuildDeckOptions): Slide[] {
  return [
    coverSlide(context),
    summarySlide(context),
    ...scorecardSlides(context),
    ...changes(context, options),
    ...context.analysis.goals.map((entry) => goalSlide(context, entry)),
    valueSlide(context),
    ...internalSlides(context),
    ...discussionSlides(context),
    ...nextStepsSlides(context),
  ];
}

function renewalSlides(context: DeckContext, options: BuildDeckOptions): Slide[] {
  return [
    coverSlide(context),
    summarySlide(context),
    renewalValueSlide(context),
    ...outcomesSlides(context),
    ...changes(context, options),
    ...context.analysis.goals.map((entry) => goalSlide(context, entry)),
    stillOpenSlide(context),
    ...internalSlides(context),
    ...discussionSlides(context),
    nextTermSlide(context),
  ];
}

function deckMeta(context: DeckContext, options: BuildDeckOptions): DeckMeta {
  const { analysis } = context;
  const name = analysis.account.account.name;
  const kindTitle = options.kind === "qbr" ? "Quarterly Business Review" : "Renewal Review";
  return {
    title: `${name} — ${kindTitle} ${analysis.periodLabel}`,
    subject: `${kindTitle}: goals, outcomes and value realized`,
    author: analysis.account.account.csm ?? "",
    company: options.producer,
    keywords: [kindTitle, name, analysis.periodLabel],
    language: "en",
    audience: options.audience,
    kind: options.kind,
    accountName: name,
    periodLabel: analysis.periodLabel,
    asOf: analysis.asOf,
    footer: context.text("footer"),
    classification: context.text(context.isInternal ? "classification.internal" : "classification.customer"),
  };
}
