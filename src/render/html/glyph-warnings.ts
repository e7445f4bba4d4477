import { faceFor, hasGlyph, type Face } from "../fonts.js";
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
 * `pageText` is the text the page shows (markup.ts shownText), not its markup: a brand face without
 * `<`, `=` or `#` is named only when a slide says one.
 */
export function glyphWarnings(pageText: string, fonts: PageFonts): string[] {
  const faces = [fonts.regular, fonts.bold];
  const missing: string[] = [];
  const borrowed = new Map<string, string[]>();
  for (const char of charactersToCheck(pageText, faces)) {
    const codePoint = char.codePointAt(0)!;
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

/** Printable ASCII: DejaVu Sans has all of it, a brand face nearly always. */
const ASCII = Array.from({ length: 0x7f - 0x21 }, (_, index) => String.fromCharCode(0x21 + index));

/**
 * The page's characters that a face might lack, each once: the printable ASCII a brand face lacks
 * that the page has, then every character beyond printable ASCII in order of appearance (found by
 * one native regex pass, a few ms cheaper than walking the page's text in a loop).
 */
function charactersToCheck(pageText: string, faces: readonly Face[]): string[] {
  const beyondAscii = new Set(pageText.match(/[^\s!-~]/gu) ?? []);
  for (const char of beyondAscii)
    if (BLANK.test(char) || char.codePointAt(0)! < 0x20) beyondAscii.delete(char);
  const asciiLacking = ASCII.filter(
    (char) =>
      faces.some((face) => face.fallback && !hasGlyph(face, char.charCodeAt(0))) && pageText.includes(char),
  );
  return [...asciiLacking, ...beyondAscii];
}
