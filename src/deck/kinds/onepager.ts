import { onePagerSlide } from "../slides/onepager.js";
import type { DeckKindPlan } from "./kind.js";

const WORDING = { name: "kind.onepager.name", subject: "kind.onepager.subject" };

/** The ROI one-pager for the sponsor or economic buyer: exactly one slide, no cover, no appendix. */
export const onePagerKind: DeckKindPlan = {
  wording: WORDING,
  comparesWithPrevious: false,
  appendix: false,
  agenda: false,
  slides: (context) => [onePagerSlide(context)],
};
