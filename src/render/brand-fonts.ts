import * as fontkit from "fontkit";
import { loadFont, type Face, type FontWeight } from "./fonts.js";

/**
 * A company's own fonts, named by file in the theme (`fonts: { heading: ./Brand-Bold.ttf }`).
 * The theme loader (io/theme-file.ts) reads each file and checks it here; every renderer gets
 * the result as RenderOptions.brandFonts: the PDF embeds the faces (headings and bold text in the
 * heading face, the rest in the body face, DejaVu Sans behind both for the characters they lack),
 * the PPTX names their families (Theme.fonts), and the HTML renderer can embed the bytes with
 * @font-face.
 */
export interface BrandFont {
  /** The family name from the font's name table, as PowerPoint and CSS name it ("Carlito"). */
  family: string;
  /** The weight class from the font's OS/2 table (400 regular, 700 bold), for CSS. */
  weight: number;
  /** "truetype" (glyf outlines, .ttf) or "opentype" (CFF outlines, .otf): the CSS format() hint. */
  format: "truetype" | "opentype";
  /** The file's bytes, unchanged. */
  bytes: Uint8Array;
}

export interface BrandFonts {
  /** Slide titles, cover title, and in the PDF every bold text. */
  heading?: BrandFont;
  /** Everything else. */
  body?: BrandFont;
}

/** A brand font family with several large scripts is a few MB; 25 MB leaves room for CJK fonts. */
export const MAX_FONT_BYTES = 25 * 1024 * 1024;

/** The first four bytes of what we accept, and of what people try instead. */
const SIGNATURES: Record<string, string | null> = {
  "00010000": null,
  "74727565": null, // "true": old Mac TrueType
  "4f54544f": null, // "OTTO": CFF-flavoured OpenType
  "74746366":
    "is a font collection (.ttc) holding several faces; expected one font file (.ttf or .otf) — extract the face you want, e.g. with FontForge",
  "774f4646": "is a WOFF web font; expected the TTF or OTF it was made from",
  "774f4632": "is a WOFF2 web font; expected the TTF or OTF it was made from",
};

export type BrandFontCheck = { font: BrandFont } | { problem: string };

function check(problem: string): BrandFontCheck {
  return { problem };
}

/** Checks one font file's bytes; the caller says which file and which theme key. */
export function readBrandFont(bytes: Uint8Array): BrandFontCheck {
  if (bytes.byteLength > MAX_FONT_BYTES) {
    return check(
      `the font is ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB; expected at most ${MAX_FONT_BYTES / 1024 / 1024} MB`,
    );
  }
  const signature = Buffer.from(bytes.subarray(0, 4)).toString("hex");
  if (!(signature in SIGNATURES))
    return check("is not a font; expected a TrueType (.ttf) or OpenType (.otf) file");
  const refused = SIGNATURES[signature];
  if (refused) return check(refused);
  let font: fontkit.Font;
  try {
    font = fontkit.create(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    // Parsing is lazy: touch the tables every renderer needs, so a broken file fails here.
    if (!font.hasGlyphForCodePoint(0x41) || !font.hasGlyphForCodePoint(0x61)) {
      return check(
        "has no glyphs for the Latin letters A and a (a symbol or icon font?); expected a text font",
      );
    }
    font.layout("Aa");
  } catch (error) {
    return check(`cannot be read as a font (${error instanceof Error ? error.message : String(error)})`);
  }
  const permission = embeddingProblem(font["OS/2"]?.fsType);
  if (permission) return check(permission);
  const family = cleanFamily(font.familyName);
  if (!family) return check("names no font family in its name table");
  return {
    font: {
      family,
      weight: font["OS/2"]?.usWeightClass ?? 400,
      format: signature === "4f54544f" ? "opentype" : "truetype",
      bytes,
    },
  };
}

/**
 * The foundry's embedding permissions (OS/2 fsType): "restricted licence" (no view or edit bit
 * beside it) forbids putting the font into documents, "no subsetting" forbids the subset the
 * PDF embeds. Either would make every PDF we write a licence breach.
 */
function embeddingProblem(fsType: fontkit.EmbeddingPermissions | undefined): string | null {
  if (!fsType) return null;
  if (fsType.noEmbedding && !fsType.viewOnly && !fsType.editable) {
    return "its licence forbids embedding it in documents (OS/2 fsType: restricted); ask the foundry for an embeddable version";
  }
  if (fsType.noSubsetting) {
    return "its licence forbids embedding a subset of it (OS/2 fsType: no subsetting), which is what a PDF embeds";
  }
  return null;
}

/** Printable, short: it goes into XML attributes and CSS. */
function cleanFamily(name: string | null | undefined): string {
  return (name ?? "")
    .replace(/[^\p{L}\p{N} ._-]/gu, "")
    .trim()
    .slice(0, 64);
}

/** What each text weight is drawn with: bold text (headings, KPI values) in the heading face. */
const ROLE_OF: Record<FontWeight, keyof BrandFonts> = { bold: "heading", regular: "body" };

const faces = new WeakMap<Uint8Array, Partial<Record<FontWeight, Face>>>();

/** What each text weight is drawn with: the brand faces of `brand`, else DejaVu Sans (PDF and HTML). */
export function brandFaces(brand: BrandFonts | undefined): Record<FontWeight, Face> {
  return { regular: brandFace(brand, "regular"), bold: brandFace(brand, "bold") };
}

/** The face for a text weight: the brand font of its role with DejaVu behind it, or DejaVu alone. */
export function brandFace(brand: BrandFonts | undefined, weight: FontWeight): Face {
  const font = brand?.[ROLE_OF[weight]];
  if (!font) return loadFont(weight);
  // Parsed once per font and weight for the process (theme-file.ts hands the same bytes to every deck).
  let byWeight = faces.get(font.bytes);
  if (!byWeight) {
    byWeight = {};
    faces.set(font.bytes, byWeight);
  }
  let face = byWeight[weight];
  if (!face) {
    face = {
      name: `Brand-${ROLE_OF[weight]}`,
      family: font.family,
      bytes: font.bytes,
      font: fontkit.create(Buffer.from(font.bytes.buffer, font.bytes.byteOffset, font.bytes.byteLength)),
      fallback: loadFont(weight),
    };
    byWeight[weight] = face;
  }
  return face;
}
