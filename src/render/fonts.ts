import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import * as fontkit from "fontkit";

/**
 * The open fonts qbr-deck embeds in PDFs and measures text with (DejaVu Sans: Latin, Greek and
 * Cyrillic). Each file is read and parsed once per process and reused across documents.
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
    loaded = { weight, bytes, font: fontkit.create(bytes) };
    cache.set(weight, loaded);
  }
  return loaded;
}

/** Characters of `text` that the font has no glyph for (deduplicated, in order of appearance). */
export function missingGlyphs(text: string, weight: FontWeight = "regular"): string[] {
  const { font } = loadFont(weight);
  const missing = new Set<string>();
  for (const char of text) {
    const codePoint = char.codePointAt(0);
    if (codePoint === undefined || codePoint < 0x20) continue;
    if (!font.hasGlyphForCodePoint(codePoint)) missing.add(char);
  }
  return [...missing];
}
