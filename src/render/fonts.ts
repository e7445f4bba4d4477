import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import * as fontkit from "fontkit";

/**
 * The open fonts qbr-deck embeds in PDFs and measures text with (DejaVu Sans: Latin, Greek and
 * Cyrillic). Each file is read and parsed once per process and reused across documents; the
 * callers of `layout` cache what they shape (pdf/text-run.ts per word, text-fit.ts per character).
 */
export type FontWeight = "regular" | "bold";

const FILES: Record<FontWeight, string> = {
  regular: "DejaVuSans.ttf",
  bold: "DejaVuSans-Bold.ttf",
};

export interface LoadedFont {
  weight: FontWeight;
  bytes: Buffer;
  font: fontkit.Font;
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
    loaded = { weight, bytes, font };
    cache.set(weight, loaded);
  }
  return loaded;
}

/** Per weight and BMP code point: 0 = not looked up yet, 1 = the font has a glyph, 2 = it has not. */
const glyphStatus: Partial<Record<FontWeight, Uint8Array>> = {};

function hasGlyph(font: fontkit.Font, weight: FontWeight, codePoint: number): boolean {
  if (codePoint > 0xffff) return font.hasGlyphForCodePoint(codePoint);
  const status = (glyphStatus[weight] ??= new Uint8Array(0x10000));
  if (status[codePoint] === 0) status[codePoint] = font.hasGlyphForCodePoint(codePoint) ? 1 : 2;
  return status[codePoint] === 1;
}

/** Characters of `text` that the font has no glyph for (deduplicated, in order of appearance). */
export function missingGlyphs(text: string, weight: FontWeight = "regular"): string[] {
  const { font } = loadFont(weight);
  let missing: Set<string> | undefined;
  for (const char of text) {
    const codePoint = char.codePointAt(0);
    if (codePoint === undefined || codePoint < 0x20) continue;
    if (!hasGlyph(font, weight, codePoint)) (missing ??= new Set()).add(char);
  }
  return missing ? [...missing] : [];
}
