import { nextStepsSlides } from "../slides/next-steps.js";
import { scorecardSlides } from "../slides/scorecard.js";
import { valueSlide } from "../slides/value.js";
import type { DeckKindPlan } from "./kind.js";
import { reviewPlan } from "./shared.js";

/** The quarterly business review: where each goal stands this quarter. */
export const qbrKind: DeckKindPlan = reviewPlan({
  wording: { name: "kind.qbr.name", subject: "kind.qbr.subject", cover: "cover.qbr" },
  standing: scorecardSlides,
  afterGoals: (context) => [valueSlide(context)],
  closing: nextStepsSlides,
});
