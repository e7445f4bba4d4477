import { actionsSlides } from "../slides/actions.js";
import { coverSlide } from "../slides/cover.js";
import { objectivesSlides } from "../slides/objectives.js";
import { roadmapSlides } from "../slides/roadmap.js";
import { winsSlides } from "../slides/wins.js";
import { discussionSlides } from "../slides/discussion.js";
import { goalSlide } from "../slides/goal.js";
import { nextTermSlide, outcomesSlides, renewalValueSlide, stillOpenSlide } from "../slides/renewal.js";
import { summarySlide } from "../slides/summary.js";
import type { DeckKindPlan } from "./kind.js";
import { changes, internalSlides } from "./shared.js";

const WORDING = { name: "kind.renewal.name", subject: "kind.renewal.subject", cover: "cover.renewal" };

/** The renewal review: value over the contract term, outcomes achieved, what is open, the next term. */
export const renewalKind: DeckKindPlan = {
  wording: WORDING,
  comparesWithPrevious: true,
  appendix: true,
  agenda: true,
  slides: (context, previous) => [
    coverSlide(context, WORDING.cover),
    summarySlide(context),
    ...objectivesSlides(context),
    ...winsSlides(context),
    renewalValueSlide(context),
    ...outcomesSlides(context),
    ...changes(context, previous),
    ...context.analysis.goals.map((entry) => goalSlide(context, entry)),
    stillOpenSlide(context),
    ...roadmapSlides(context),
    ...internalSlides(context),
    ...discussionSlides(context),
    ...actionsSlides(context),
    nextTermSlide(context),
  ],
};
