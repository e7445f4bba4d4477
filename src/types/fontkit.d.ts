// fontkit ships no type declarations; this covers the part qbr-deck uses.
declare module "fontkit" {
  export interface Glyph {
    advanceWidth: number;
  }
  export interface GlyphRun {
    advanceWidth: number;
    glyphs: Glyph[];
  }
  export interface Font {
    unitsPerEm: number;
    ascent: number;
    descent: number;
    familyName: string;
    hasGlyphForCodePoint(codePoint: number): boolean;
    layout(text: string): GlyphRun;
  }
  export function create(buffer: Buffer | Uint8Array, postscriptName?: string): Font;
}
