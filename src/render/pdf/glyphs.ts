import { hasGlyph, missingGlyphs, type Face, type FontWeight } from "../fonts.js";

/**
 * Control characters have no glyph (and missingGlyphs() skips them): tabs and the like become
 * spaces, line breaks stay for the wrapper, the rest go.
 */
function normaliseControls(text: string): string {
  if (!/[^\n\u0020-\u007e\u00a0-\uffff]/u.test(text)) return text;
  let out = "";
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (char === "\n" || (code >= 0x20 && code !== 0x7f)) out += char;
    else if (char === "\t" || char === "\r" || char === "\f" || char === "\v") out += " ";
  }
  return out;
}

/**
 * Spaces a brand face has no glyph for (Carlito has none for the no-break space U+00A0, which
 * Intl puts into money and dates) become its plain space rather than DejaVu's: the same gap in
 * the brand's width. Wrapping already breaks at them (text-fit.ts splits on \s).
 */
function plainSpaces(face: Face, text: string): string {
  if (!/[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/.test(text)) return text;
  return text.replace(/[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g, (char) =>
    hasGlyph(face, char.codePointAt(0)!) ? char : " ",
  );
}

/**
 * Strips characters the embedded font cannot draw and remembers them, so a render ends with one
 * warning naming every such character. Stripping (rather than letting pdfkit draw .notdef boxes)
 * keeps the layout honest and PDF/A-2 valid: PDF/A forbids references to the .notdef glyph.
 */
export class GlyphCollector {
  private readonly missing = new Set<string>();
  /** Per brand family, the characters DejaVu draws for it. */
  private readonly borrowed = new Map<string, Set<string>>();

  constructor(private readonly fonts: Record<FontWeight, Face>) {}

  clean(text: string, weight: FontWeight): string {
    const face = this.fonts[weight];
    const normalised = face.fallback ? plainSpaces(face, normaliseControls(text)) : normaliseControls(text);
    if (face.fallback) this.noteBorrowed(face, normalised);
    const lacking = missingGlyphs(normalised, face);
    if (lacking.length === 0) return normalised;
    for (const char of lacking) this.missing.add(char);
    const drop = new Set(lacking);
    let kept = "";
    for (const char of normalised) if (!drop.has(char)) kept += char;
    return kept;
  }

  private noteBorrowed(face: Face, text: string): void {
    for (const char of text) {
      const codePoint = char.codePointAt(0)!;
      if (codePoint < 0x20 || hasGlyph(face, codePoint)) continue;
      if (face.fallback && hasGlyph(face.fallback, codePoint)) {
        let chars = this.borrowed.get(face.family);
        if (!chars) this.borrowed.set(face.family, (chars = new Set()));
        chars.add(char);
      }
    }
  }

  /** The render's glyph warnings: characters no font draws, then those DejaVu draws for a brand font. */
  warnings(): string[] {
    const list = (chars: Iterable<string>) => [...chars].map((char) => JSON.stringify(char)).join(", ");
    const out: string[] = [];
    if (this.missing.size > 0)
      out.push(`PDF font lacks glyphs for ${list(this.missing)} — they will not show`);
    for (const [family, chars] of this.borrowed) {
      out.push(`PDF brand font "${family}" lacks glyphs for ${list(chars)} — drawn in DejaVu Sans instead`);
    }
    return out;
  }
}
