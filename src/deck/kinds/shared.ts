import type { Analysis } from "../../analysis/analyse-account.js";
import type { DeckContext } from "../context.js";
import type { Slide } from "../deck-model.js";
import { changesSlides } from "../slides/changes.js";
import { outlookSlide } from "../slides/outlook.js";
import { reasonSlides } from "../slides/reasons.js";
import { hiddenRiskSlides, riskSlides } from "../slides/risks.js";

/** The internal-only slides: risks and hidden risks, stated reasons, signals and renewal outlook. */
export function internalSlides(context: DeckContext): Slide[] {
  if (!context.isInternal) return [];
  return [
    ...hiddenRiskSlides(context),
    ...riskSlides(context),
    ...reasonSlides(context),
    outlookSlide(context),
  ];
}

/** "What changed" since the previous review, when there is one to compare with. */
export function changes(context: DeckContext, previous: Analysis | null): Slide[] {
  return previous ? changesSlides(context, previous) : [];
}
