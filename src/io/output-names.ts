import { createHash } from "node:crypto";
import type { Audience, DeckKind } from "../deck/deck-model.js";
import type { Account } from "../input/account-schema.js";
import { OUTPUT_FORMAT_SPECS, type OutputFormat } from "../render/renderer.js";

/**
 * SPEC §6 output names: `<slug>-<kind>[-internal].<ext>`, the slug being account.id (else the
 * name), lower-cased, every run of characters outside [a-z0-9] turned into "-". A slug can only
 * hold [a-z0-9-], so no name can climb out of the output folder.
 *
 * File systems cap a name at 255 bytes, and a deck's name is its slug plus up to ~25 characters
 * (and a temp file's ~40 more), so a slug longer than MAX_SLUG_LENGTH is cut to a prefix plus a
 * hash of the whole slug: still recognisable, the same on every run, and distinct for distinct
 * slugs (two that are equal are told apart by slug-collisions.ts, like short ones).
 */
export const MAX_SLUG_LENGTH = 100;
const HASH_LENGTH = 8;

function shortened(slug: string): string {
  if (slug.length <= MAX_SLUG_LENGTH) return slug;
  const hash = createHash("sha256").update(slug, "utf8").digest("hex").slice(0, HASH_LENGTH);
  const prefix = slug.slice(0, MAX_SLUG_LENGTH - HASH_LENGTH - 1).replace(/-+$/, "");
  return `${prefix}-${hash}`;
}

export const outputName = {
  slugOf(text: string): string {
    return shortened(text.toLowerCase().replace(/[^a-z0-9]+/g, "-"));
  },
  slug(account: Account): string {
    return outputName.slugOf(account.account.id ?? account.account.name);
  },
  file(slug: string, kind: DeckKind, audience: Audience, format: OutputFormat): string {
    return `${slug}-${kind}${audience === "internal" ? "-internal" : ""}.${OUTPUT_FORMAT_SPECS[format].extension}`;
  },
};
