import type { Audience } from "../../deck/deck-model.js";

/**
 * The deck's audience, written into the PDF's document catalog as a name: `/QbrDeckAudience
 * /customer`. `qbr send` reads it before attaching a file, so an internal deck is refused even
 * when a manifest or a file name says otherwise. It is set from deck.meta.audience — not from the
 * classification wording, which `--templates` may change — and it is a PDF name rather than a
 * string because PDF encryption covers strings and streams, never names: the marker stays
 * readable in a password-protected PDF. This module imports nothing from pdfkit, so the reader
 * side does not load it.
 */

export const AUDIENCE_KEY = "QbrDeckAudience";

/**
 * `catalog` is the entries of a pdfkit document's catalog (pdfkit-internals.ts catalogEntries():
 * an internal), where pdfkit writes a plain JS string as a PDF name (`/customer`).
 */
export function markAudience(catalog: Record<string, unknown>, audience: Audience): void {
  catalog[AUDIENCE_KEY] = audience;
}
