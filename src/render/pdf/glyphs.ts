import { missingGlyphs, type FontWeight } from "../fonts.js";

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
 * Strips characters the embedded font cannot draw and remembers them, so a render ends with one
 * warning naming every such character. Stripping (rather than letting pdfkit draw .notdef boxes)
 * keeps the layout honest and PDF/A-2 valid: PDF/A forbids references to the .notdef glyph.
 */
export class GlyphCollector {
  private readonly missing = new Set<string>();

  clean(text: string, weight: FontWeight): string {
    const normalised = normaliseControls(text);
    const lacking = missingGlyphs(normalised, weight);
    if (lacking.length === 0) return normalised;
    for (const char of lacking) this.missing.add(char);
    const drop = new Set(lacking);
    let kept = "";
    for (const char of normalised) if (!drop.has(char)) kept += char;
    return kept;
  }

  warning(): string | null {
    if (this.missing.size === 0) return null;
    const names = [...this.missing].map((char) => JSON.stringify(char)).join(", ");
    return `PDF font lacks glyphs for ${names} — they will not show`;
  }
}
