import type * as fontkit from "fontkit";
import { subsetInternals, textInternals, type FontSubset } from "./pdfkit-internals.js";
import { shapeLine } from "./text-run.js";

/**
 * Embedding a font subset means re-encoding the TrueType tables of every glyph used, in every
 * PDF: ~7 % of a deck's cost in batch runs, for nearly the same glyphs each time. Two steps make
 * the subset of most decks identical, so it is encoded once per process:
 *
 * 1. every document's subset starts with the same glyphs in the same order (printable ASCII, the
 *    punctuation our templates use, and the f-ligatures DejaVu substitutes), so a deck whose text
 *    needs nothing else has exactly this subset;
 * 2. the encoded subset is memoised by its glyph list (a deck with Greek, say, simply misses).
 *
 * The price: a few kilobytes of glyphs a deck may not draw. Subset glyph ids are assigned in the
 * order glyphs are first used, so the ids (and bytes) stay a pure function of the deck.
 *
 * Both steps use internals (pdfkit-internals.ts): seeding adds glyphs to pdfkit's subset without
 * drawing them, and the memo wraps fontkit's createSubset()/encode(). Without them, pdfkit
 * subsets and encodes each document's font on its own, as it does by default.
 */
const PRINTABLE_ASCII = Array.from({ length: 0x7f - 0x21 }, (_, index) => String.fromCharCode(0x21 + index));
const TEMPLATE_PUNCTUATION = [..."—–…→·“”‘’−≤≥×€£✓✗•§"];
const LIGATURES = ["ff", "fi", "fl", "ffi", "ffl"];
const BASE_TEXT = [...PRINTABLE_ASCII, ...TEMPLATE_PUNCTUATION, ...LIGATURES].join(" ");

/** Starts the subset of each named font with the base glyphs (call before drawing anything). */
export function seedSubsets(doc: PDFKit.PDFDocument, fontNames: readonly string[]): void {
  // Through pdfkit's text() seeding would draw the glyphs.
  if (!textInternals(doc)) return;
  for (const name of fontNames) {
    doc.font(name).fontSize(12);
    shapeLine(doc, BASE_TEXT);
  }
}

/** Distinct subsets kept per font. */
const SUBSET_CACHE_SIZE = 64;
const memoised = new WeakSet<fontkit.Font>();

/** Makes `font.createSubset()` hand out subsets whose encoding is shared by equal glyph lists. */
export function memoiseSubsetEncoding(font: fontkit.Font): void {
  if (memoised.has(font)) return;
  const target = subsetInternals(font);
  if (!target) return;
  memoised.add(font);
  const createSubset = target.createSubset.bind(font);
  const encoded = new Map<string, Uint8Array>();
  target.createSubset = (): FontSubset => {
    const subset = createSubset();
    const encode = subset.encode.bind(subset);
    subset.encode = () => {
      const key = subset.glyphs.join(",");
      let bytes = encoded.get(key);
      if (!bytes) {
        bytes = encode();
        if (encoded.size >= SUBSET_CACHE_SIZE) encoded.clear();
        encoded.set(key, bytes);
      }
      return bytes;
    };
    return subset;
  };
}
