import { coverSlide } from "../slides/cover.js";
import {
  criteriaSlides,
  milestonesSlide,
  teamSlide,
  watchSlide,
  whySlide,
  workSlides,
} from "../slides/kickoff.js";
import type { DeckKindPlan } from "./kind.js";

const WORDING = { name: "kind.kickoff.name", subject: "kind.kickoff.subject", cover: "cover.kickoff" };

/**
 * The kick-off deck: the success plan for a new customer or a new term. It reads the plan, not the
 * actuals, so it needs no comparison with a previous review and works before anything is measured.
 */
export const kickoffKind: DeckKindPlan = {
  wording: WORDING,
  comparesWithPrevious: false,
  appendix: true,
  agenda: true,
  slides: (context) => [
    coverSlide(context, WORDING.cover, {
      internal: "kickoff.cover.notes.internal",
      customer: "kickoff.cover.notes.customer",
    }),
    whySlide(context),
    ...criteriaSlides(context),
    milestonesSlide(context),
    ...workSlides(context),
    teamSlide(context),
    ...(context.isInternal ? [watchSlide(context)] : []),
  ],
};
