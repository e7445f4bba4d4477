import { actionsSlides } from "../slides/actions.js";
import { coverSlide } from "../slides/cover.js";
import { objectivesSlides } from "../slides/objectives.js";
import { roadmapSlides } from "../slides/roadmap.js";
import { winsSlides } from "../slides/wins.js";
import { discussionSlides } from "../slides/discussion.js";
import { goalSlide } from "../slides/goal.js";
import { nextStepsSlides } from "../slides/next-steps.js";
import { scorecardSlides } from "../slides/scorecard.js";
import { summarySlide } from "../slides/summary.js";
import { valueSlide } from "../slides/value.js";
import type { DeckKindPlan } from "./kind.js";
import { changes, internalSlides } from "./shared.js";

const WORDING = { name: "kind.qbr.name", subject: "kind.qbr.subject", cover: "cover.qbr" };

/** The quarterly business review: where each goal stands this quarter. */
export const qbrKind: DeckKindPlan = {
  wording: WORDING,
  comparesWithPrevious: true,
  appendix: true,
  agenda: true,
  slides: (context, previous) => [
    coverSlide(context, WORDING.cover),
    summarySlide(context),
    ...objectivesSlides(context),
    ...winsSlides(context),
    ...scorecardSlides(context),
    ...changes(context, previous),
    ...context.analysis.goals.map((entry) => goalSlide(context, entry)),
    valueSlide(context),
    ...roadmapSlides(context),
    ...internalSlides(context),
    ...discussionSlides(context),
    ...actionsSlides(context),
    ...nextStepsSlides(context),
  ],
};
