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

/**
 * Distinct texts whose shaping is kept; cleared when full. PDF text has its own word cache
 * (pdf/text-run.ts), so this one mostly serves single characters and first sightings.
 */
const LAYOUT_CACHE_SIZE = 2_000;

/**
 * Shaping a text (OpenType lookups, kerning) is the largest single cost of a PDF, and decks
 * repeat the same words thousands of times across a batch. pdfkit caches shaped words per
 * document only, so the font's `layout` is memoised here for the whole process. pdfkit scales
 * the positions of the run it gets in place, so every call returns fresh position objects
 * around the shared, read-only glyphs.
 */
function memoiseLayout(font: fontkit.Font): void {
  const layout = font.layout.bind(font);
  const runs = new Map<string, fontkit.GlyphRun>();
  font.layout = (text: string, features?: unknown) => {
    if (features !== undefined) return layout(text, features);
    let run = runs.get(text);
    if (!run) {
      if (runs.size >= LAYOUT_CACHE_SIZE) runs.clear();
      run = layout(text);
      runs.set(text, run);
    }
    const positions = run.positions.map((position) => ({ ...position }));
    return {
      glyphs: run.glyphs,
      positions,
      get advanceWidth() {
        return positions.reduce((width, position) => width + position.xAdvance, 0);
      },
    };
  };
}

function fontDirectory(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");
}

export function loadFont(weight: FontWeight): LoadedFont {
  let loaded = cache.get(weight);
  if (!loaded) {
    const bytes = readFileSync(path.join(fontDirectory(), FILES[weight]));
    const font = fontkit.create(bytes);
    memoiseLayout(font);
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
