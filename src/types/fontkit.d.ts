// fontkit ships no type declarations; this covers the part qbr-deck uses.
declare module "fontkit" {
  export interface Glyph {
    id: number;
    advanceWidth: number;
  }
  /** A TrueType subset: glyphs get new ids in the order they are included (0 is .notdef). */
  export interface Subset {
    includeGlyph(glyph: number | Glyph): number;
    encode(): Uint8Array;
  }
  export interface GlyphPosition {
    xAdvance: number;
    yAdvance: number;
    xOffset: number;
    yOffset: number;
  }
  export interface GlyphRun {
    readonly advanceWidth: number;
    glyphs: Glyph[];
    positions: GlyphPosition[];
  }
  /** OS/2 fsType, as fontkit decodes its bits. */
  export interface EmbeddingPermissions {
    noEmbedding: boolean;
    viewOnly: boolean;
    editable: boolean;
    noSubsetting: boolean;
  }
  export interface Font {
    unitsPerEm: number;
    ascent: number;
    descent: number;
    familyName: string | null;
    /** "Regular", "Bold" (the tests tell embedded faces apart by it). */
    subfamilyName: string | null;
    numGlyphs: number;
    /** The OS/2 table; absent from some old Mac fonts. */
    "OS/2"?: { usWeightClass: number; fsType: EmbeddingPermissions };
    hasGlyphForCodePoint(codePoint: number): boolean;
    glyphForCodePoint(codePoint: number): Glyph;
    createSubset(): Subset;
    layout(text: string, features?: unknown): GlyphRun;
  }
  export function create(buffer: Buffer | Uint8Array, postscriptName?: string): Font;
}
