import type { Analysis } from "../../analysis/analyse-account.js";
import type { DeckContext } from "../context.js";
import type { Slide } from "../deck-model.js";

/**
 * What makes one kind of account deck (a QBR, a renewal review): its slide plan and the
 * deck.yaml keys of its wording. A new kind is one entry in kinds/index.ts plus its slide builders.
 */
export interface DeckKindPlan {
  /** deck.yaml keys: the kind's name (document title, keywords) and the cover's subtitle, if it has a cover. */
  wording: { name: string; subject: string; cover?: string };
  /** Whether the deck has a "what changed since the last review" part, so needs that analysis. */
  comparesWithPrevious: boolean;
  /**
   * Whether the provenance appendix follows the slides (internal decks, --customer-appendix).
   * The one-pager has none: it is one page by definition.
   */
  appendix: boolean;
  /** Whether an agenda slide follows the cover (generated from the slides, or review.agenda). */
  agenda: boolean;
  /**
   * The slides in order, before the provenance appendix; `previous` is null without a comparison.
   * The agenda is not among them: build-deck.ts adds it after the cover once hidden slides are out.
   */
  slides(context: DeckContext, previous: Analysis | null): Slide[];
}
