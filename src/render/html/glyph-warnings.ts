import { faceFor, hasGlyph } from "../fonts.js";
import type { PageFonts } from "./font-face.js";

/**
 * Blank characters: a brand face without one gets the page's DejaVu one, the same gap; the PDF
 * puts in the brand's plain space and does not warn either (pdf/glyphs.ts, plainSpaces).
 */
const BLANK = /[\s\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/u;

/**
 * The page's glyph warnings, worded as the PDF words them (pdf/glyphs.ts) so that one deck drawn
 * both ways reports the same characters: those no embedded font draws, then per brand family those
 * DejaVu Sans draws for it. The page embeds fonts for all of its text in both weights
 * (font-face.ts), so the check is over the page's text, not per weight like the PDF's: for a brand
 * family whose two faces cover the same characters (the usual case) the two lists agree.
 */
export function glyphWarnings(pageText: string, fonts: PageFonts): string[] {
  const faces = [fonts.regular, fonts.bold];
  // DejaVu Sans has all of printable ASCII: without a brand face, only other characters can be missing.
  if (faces.every((face) => !face.fallback) && !/[^ -~\s]/u.test(pageText)) return [];
  const seen = new Set<string>();
  const missing: string[] = [];
  const borrowed = new Map<string, string[]>();
  for (const char of pageText) {
    if (seen.has(char)) continue;
    seen.add(char);
    const codePoint = char.codePointAt(0)!;
    if (codePoint < 0x20 || BLANK.test(char)) continue;
    if (faces.every((face) => !faceFor(face, codePoint))) {
      missing.push(char);
      continue;
    }
    for (const face of faces) {
      if (!face.fallback || hasGlyph(face, codePoint) || !hasGlyph(face.fallback, codePoint)) continue;
      const chars = borrowed.get(face.family) ?? [];
      if (!chars.includes(char)) borrowed.set(face.family, [...chars, char]);
    }
  }
  const list = (chars: readonly string[]) => chars.map((char) => JSON.stringify(char)).join(", ");
  return [
    ...(missing.length > 0
      ? [
          `HTML font lacks glyphs for ${list(missing)} — the browser draws them in a font of its own, if it has one`,
        ]
      : []),
    ...[...borrowed].map(
      ([family, chars]) =>
        `HTML brand font "${family}" lacks glyphs for ${list(chars)} — drawn in DejaVu Sans instead`,
    ),
  ];
}
