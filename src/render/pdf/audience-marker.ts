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

/** The catalog of a pdfkit document, the one internal this renderer reaches into for the marker. */
interface CatalogHolder {
  _root: { data: Record<string, unknown> };
}

export function markAudience(doc: object, audience: Audience): void {
  // pdfkit writes a plain JS string in a dictionary as a PDF name (`/customer`).
  (doc as CatalogHolder)._root.data[AUDIENCE_KEY] = audience;
}
