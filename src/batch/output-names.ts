import type { Audience, DeckKind } from "../deck/deck-model.js";
import type { Account } from "../input/account-schema.js";
import type { OutputFormat } from "../render/renderer.js";

/**
 * SPEC §6 output names: `<slug>-<kind>[-internal].<ext>`, the slug being account.id (else the
 * name), lower-cased, every run of characters outside [a-z0-9] turned into "-". A slug can only
 * hold [a-z0-9-], so no name can climb out of the output folder.
 */
export const outputName = {
  slugOf(text: string): string {
    return text.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  },
  slug(account: Account): string {
    return outputName.slugOf(account.account.id ?? account.account.name);
  },
  file(slug: string, kind: DeckKind, audience: Audience, format: OutputFormat): string {
    return `${slug}-${kind}${audience === "internal" ? "-internal" : ""}.${format}`;
  },
};
