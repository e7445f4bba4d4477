import type { Analysis } from "../../analysis/analyse-account.js";
import type { DeckContext } from "../context.js";
import type { Slide } from "../deck-model.js";
import { actionsSlides } from "../slides/actions.js";
import { changesSlides } from "../slides/changes.js";
import { coverSlide } from "../slides/cover.js";
import { discussionSlides } from "../slides/discussion.js";
import { goalSlide } from "../slides/goal.js";
import { objectivesSlides } from "../slides/objectives.js";
import { outlookSlide } from "../slides/outlook.js";
import { reasonSlides } from "../slides/reasons.js";
import { hiddenRiskSlides, riskSlides } from "../slides/risks.js";
import { roadmapSlides } from "../slides/roadmap.js";
import { summarySlide } from "../slides/summary.js";
import { winsSlides } from "../slides/wins.js";
import type { DeckKindPlan } from "./kind.js";

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

/** "What changed" since the previous review, when there is one to compare with. */
function changes(context: DeckContext, previous: Analysis | null): Slide[] {
  return previous ? changesSlides(context, previous) : [];
}

type Slides = (context: DeckContext) => Slide[];

/**
 * Where the review kinds (qbr, renewal) differ; the rest of their plan is the same storyline:
 * cover, summary, objectives, wins, [standing], what changed, a slide per goal, [afterGoals],
 * roadmap, the internal slides, discussion, actions, [closing].
 */
export interface ReviewPlanParts {
  /** The kind's deck.yaml keys (DeckKindPlan.wording); `cover` is the cover's subtitle. */
  wording: { name: string; subject: string; cover: string };
  /** After the wins: how the account stands overall. */
  standing: Slides;
  /** After the goal slides. */
  afterGoals: Slides;
  /** The last slides before the appendix. */
  closing: Slides;
}

/** A review deck's plan: compared with the previous review, with an agenda and the appendix. */
export function reviewPlan(parts: ReviewPlanParts): DeckKindPlan {
  const { wording } = parts;
  return {
    wording,
    comparesWithPrevious: true,
    appendix: true,
    agenda: true,
    slides: (context, previous) => [
      coverSlide(context, wording.cover),
      summarySlide(context),
      ...objectivesSlides(context),
      ...winsSlides(context),
      ...parts.standing(context),
      ...changes(context, previous),
      ...context.analysis.goals.map((entry) => goalSlide(context, entry)),
      ...parts.afterGoals(context),
      ...roadmapSlides(context),
      ...internalSlides(context),
      ...discussionSlides(context),
      ...actionsSlides(context),
      ...parts.closing(context),
    ],
  };
}
