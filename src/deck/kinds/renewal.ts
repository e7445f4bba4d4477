import { nextTermSlide, outcomesSlides, renewalValueSlide, stillOpenSlide } from "../slides/renewal.js";
import type { DeckKindPlan } from "./kind.js";
import { reviewPlan } from "./shared.js";

/** The renewal review: value over the contract term, outcomes achieved, what is open, the next term. */
export const renewalKind: DeckKindPlan = reviewPlan({
  wording: { name: "kind.renewal.name", subject: "kind.renewal.subject", cover: "cover.renewal" },
  standing: (context) => [renewalValueSlide(context), ...outcomesSlides(context)],
  afterGoals: (context) => [stillOpenSlide(context)],
  closing: (context) => [nextTermSlide(context)],
});
