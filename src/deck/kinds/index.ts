import type { DeckKind } from "../deck-model.js";
import type { DeckKindPlan } from "./kind.js";
import { kickoffKind } from "./kickoff.js";
import { onePagerKind } from "./onepager.js";
import { qbrKind } from "./qbr.js";
import { renewalKind } from "./renewal.js";

export type { DeckKindPlan } from "./kind.js";

/** Every kind of account deck `qbr generate --kind` knows, in the order --help lists them. */
export const DECK_KINDS: Readonly<Record<DeckKind, DeckKindPlan>> = {
  qbr: qbrKind,
  renewal: renewalKind,
  kickoff: kickoffKind,
  onepager: onePagerKind,
};

export const DECK_KIND_NAMES = Object.keys(DECK_KINDS) as DeckKind[];
