import { z } from "zod";
import type { Audience, DeckKind } from "../deck/deck-model.js";
import { isSlideId, slideIdsMessage } from "../deck/slide-ids.js";
import { parseSource } from "./parse-source.js";
import { validateSource } from "./validate-source.js";

/**
 * A team-wide `--deck FILE`: which slides every account's decks leave out, per kind and audience.
 *
 *   qbr:
 *     customer: { hide: [value] }
 *     internal: { hide: [outlook] }
 *   renewal: { customer: { hide: [changes] } }
 *   value: { customerRatioMin: 1 }   # customer decks print value ÷ ARR from this multiple on
 *
 * Goal slides are `goal-<goal id>`; any goal id is accepted here (the file serves every account).
 * Validated with located errors like every input (exit 2).
 */

const slideId = z.string().superRefine((id, ctx) => {
  if (!isSlideId(id)) ctx.addIssue({ code: "custom", message: slideIdsMessage(id) });
});

const audienceSettings = z.strictObject({
  hide: z.array(slideId).default([]).describe("Slide ids to leave out (see docs/deck-storyline.md)."),
});

const kindSettings = z.strictObject({
  customer: audienceSettings.optional(),
  internal: audienceSettings.optional(),
});

const kindsSettings = {
  qbr: kindSettings.optional(),
  renewal: kindSettings.optional(),
  kickoff: kindSettings.optional(),
  onepager: kindSettings.optional(),
} satisfies Record<DeckKind, unknown>;

const valueSettings = z.strictObject({
  customerRatioMin: z
    .number()
    .min(0)
    .describe(
      "Customer decks print value ÷ ARR only at or above this multiple (default 1); below it, value delivered against value planned. 0 always prints it.",
    ),
});

export const deckSettingsSchema = z.strictObject({ ...kindsSettings, value: valueSettings.optional() });

export type DeckSettings = z.output<typeof deckSettingsSchema>;

/** The slides a deck of this kind and audience leaves out under `settings` (none without). */
export function hiddenSlides(
  settings: DeckSettings | undefined,
  kind: DeckKind,
  audience: Audience,
): string[] {
  return settings?.[kind]?.[audience]?.hide ?? [];
}

/** A `--deck` YAML/JSON file → its settings; InvalidInputError with located problems otherwise. */
export function loadDeckSettings(file: string, bytes: Uint8Array): DeckSettings {
  return validateSource(parseSource(file, bytes), deckSettingsSchema);
}
