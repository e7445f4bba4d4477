import type { Analysis } from "../analysis/analyse-account.js";
import { createDeckContext, type BuildDeckOptions, type DeckContext } from "./context.js";
import { sanitizeTree } from "../text/sanitize.js";
import type { Deck, DeckMeta } from "./deck-model.js";
import { DECK_KINDS } from "./kinds/index.js";
import { agendaSlide } from "./slides/agenda.js";
import { appendixSlides } from "./slides/appendix.js";
import { slidePart } from "./slide-ids.js";

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
  const plan = DECK_KINDS[options.kind];
  const slides = plan.slides(context, plan.comparesWithPrevious ? (options.previous ?? null) : null);
  if (plan.appendix && options.provenance && (context.isInternal || options.customerAppendix)) {
    slides.push(...appendixSlides(context, options.provenance));
  }
  const hidden = new Set([...analysis.account.review.hide, ...(options.hide ?? [])]);
  const shown = slides.filter((slide) => !hidden.has(slide.id) && !hidden.has(slidePart(slide.id)));
  if (plan.agenda && !hidden.has("agenda")) {
    // After the cover, listing what is left once the hidden slides are out.
    const at = shown[0]?.id === "cover" ? 1 : 0;
    shown.splice(at, 0, agendaSlide(context, shown.slice(at)));
  }
  return sanitizeTree({
    meta: deckMeta(context, options),
    theme: options.theme,
    logo: options.logo,
    slides: shown,
  });
}

function deckMeta(context: DeckContext, options: BuildDeckOptions): DeckMeta {
  const { analysis } = context;
  const name = analysis.account.account.name;
  const { wording } = DECK_KINDS[options.kind];
  const kindTitle = context.text(wording.name);
  return {
    title: `${name} — ${kindTitle} ${analysis.periodLabel}`,
    subject: context.text(wording.subject),
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
    // A kind without an appendix is one page by definition (the one-pager): its notes stay in the PPTX.
    printNotes:
      context.isInternal && DECK_KINDS[options.kind].appendix
        ? { title: context.text("preparation.title"), continued: context.text("continued") }
        : null,
  };
}
