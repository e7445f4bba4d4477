import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import * as fontkit from "fontkit";

/**
 * The fonts qbr-deck measures text with and embeds in PDFs. DejaVu Sans (Latin, Greek and
 * Cyrillic) is always there; a theme's brand fonts (brand-fonts.ts) go in front of it, with
 * DejaVu drawing the characters a brand font has no glyph for. Each file is read and parsed once
 * per process and reused across documents; the callers of `layout` cache what they shape
 * (pdf/text-run.ts per word, text-fit.ts per character).
 */
export type FontWeight = "regular" | "bold";

const FILES: Record<FontWeight, string> = {
  regular: "DejaVuSans.ttf",
  bold: "DejaVuSans-Bold.ttf",
};

/** The names the PDF registers DejaVu under (and its /BaseFont names). */
export const DEJAVU_NAMES: Record<FontWeight, string> = { regular: "DejaVuSans", bold: "DejaVuSans-Bold" };

/** A font text is measured and drawn with. */
export interface Face {
  /** The name a PDF document registers it under. */
  name: string;
  /** The family name shown to people (warnings) and written into the PPTX. */
  family: string;
  bytes: Uint8Array;
  font: fontkit.Font;
  /** Where the characters this face has no glyph for come from: DejaVu for brand faces, none for DejaVu. */
  fallback: Face | null;
}

/** A face, or "regular" / "bold" for DejaVu Sans (what text is measured with unless a brand face is given). */
export type TextFont = FontWeight | Face;

export interface LoadedFont extends Face {
  weight: FontWeight;
  bytes: Buffer;
}

const cache = new Map<FontWeight, LoadedFont>();

function fontDirectory(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");
}

export function loadFont(weight: FontWeight): LoadedFont {
  let loaded = cache.get(weight);
  if (!loaded) {
    const bytes = readFileSync(path.join(fontDirectory(), FILES[weight]));
    const font = fontkit.create(bytes);
    loaded = { weight, name: DEJAVU_NAMES[weight], family: "DejaVu Sans", bytes, font, fallback: null };
    cache.set(weight, loaded);
  }
  return loaded;
}

export function faceOf(font: TextFont): Face {
  return typeof font === "string" ? loadFont(font) : font;
}

/** Per font and BMP code point: 0 = not looked up yet, 1 = the font has a glyph, 2 = it has not. */
const glyphStatus = new WeakMap<fontkit.Font, Uint8Array>();

export function hasGlyph(face: Face, codePoint: number): boolean {
  const { font } = face;
  if (codePoint > 0xffff) return font.hasGlyphForCodePoint(codePoint);
  let status = glyphStatus.get(font);
  if (!status) {
    status = new Uint8Array(0x10000);
    glyphStatus.set(font, status);
  }
  if (status[codePoint] === 0) status[codePoint] = font.hasGlyphForCodePoint(codePoint) ? 1 : 2;
  return status[codePoint] === 1;
}

/** The face that draws `codePoint`: `face` itself, else its fallback when that has the glyph, else null. */
export function faceFor(face: Face, codePoint: number): Face | null {
  for (let candidate: Face | null = face; candidate; candidate = candidate.fallback) {
    if (hasGlyph(candidate, codePoint)) return candidate;
  }
  return null;
}

/**
 * Characters of `text` that neither the font nor its fallback has a glyph for (deduplicated, in
 * order of appearance).
 */
export function missingGlyphs(text: string, font: TextFont = "regular"): string[] {
  const face = faceOf(font);
  let missing: Set<string> | undefined;
  for (const char of text) {
    const codePoint = char.codePointAt(0);
    if (codePoint === undefined || codePoint < 0x20) continue;
    if (!faceFor(face, codePoint)) (missing ??= new Set()).add(char);
  }
  return missing ? [...missing] : [];
}
