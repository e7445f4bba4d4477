import { execFileSync } from "node:child_process";
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Deck } from "../src/deck/deck-model.js";
import type { IsoDate } from "../src/dates.js";
import { InvalidInputError } from "../src/errors.js";
import { runHash } from "../src/io/input-hash.js";
import { brandRenderOptions, loadBrandFonts, loadTheme } from "../src/io/theme-file.js";
import { MAX_FONT_BYTES, readBrandFont, type BrandFonts } from "../src/render/brand-fonts.js";
import { pdfRenderer } from "../src/render/pdf/render-pdf.js";
import { pptxRenderer } from "../src/render/pptx/render-pptx.js";
import { buildBrandTemplate } from "./fixtures/brand-template.js";
import { pdfFixtureDeck } from "./fixtures/pdf-deck.js";
import { makePng } from "./fixtures/png.js";
import { ROOT } from "./helpers/accounts.js";
import { qbr } from "./helpers/cli.js";
import { missingTools, skipReason } from "./helpers/tools.js";

/**
 * Brand fonts (issue 15): a theme file names TTF/OTF files; they are checked with located errors,
 * the PDF embeds and draws with them (DejaVu Sans for the characters they lack), the PPTX names
 * their families, also on a company template.
 */

const FONTS = path.join(ROOT, "test/fixtures/fonts");
const BOLD = path.join(FONTS, "Carlito-Bold.ttf");
const REGULAR = path.join(FONTS, "Carlito-Regular.ttf");
const poppler = missingTools("pdffonts", "pdftotext");

const directory = mkdtempSync(path.join(tmpdir(), "qbr-brand-fonts-"));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

/** A theme folder with the Carlito fixtures under fonts/ and the given theme.yaml. */
function themeFolder(name: string, yaml: string): string {
  const folder = path.join(directory, name);
  mkdirSync(path.join(folder, "fonts"), { recursive: true });
  copyFileSync(BOLD, path.join(folder, "fonts/Carlito-Bold.ttf"));
  copyFileSync(REGULAR, path.join(folder, "fonts/Carlito-Regular.ttf"));
  writeFileSync(path.join(folder, "theme.yaml"), yaml);
  return path.join(folder, "theme.yaml");
}

const BRAND_THEME = "fonts:\n  heading: ./fonts/Carlito-Bold.ttf\n  body: ./fonts/Carlito-Regular.ttf\n";

function problem(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    if (error instanceof InvalidInputError) return error.message;
    throw error;
  }
  throw new Error("expected an InvalidInputError");
}

function pdfFile(name: string, bytes: Uint8Array): string {
  const file = path.join(directory, name);
  writeFileSync(file, bytes);
  return file;
}

/** A copy of a TrueType font with its OS/2 embedding permissions (fsType) set to `fsType`. */
function withFsType(font: Buffer, fsType: number): Buffer {
  const copy = Buffer.from(font);
  const tables = copy.readUInt16BE(4);
  for (let index = 0; index < tables; index++) {
    const record = 12 + index * 16;
    if (copy.toString("latin1", record, record + 4) === "OS/2") {
      copy.writeUInt16BE(fsType, copy.readUInt32BE(record + 8) + 8);
      return copy;
    }
  }
  throw new Error("no OS/2 table");
}

describe("reading a brand font file", () => {
  it("takes a TrueType font's family name and weight from its own tables", () => {
    const result = readBrandFont(readFileSync(BOLD));
    expect("font" in result && result.font).toMatchObject({
      family: "Carlito",
      weight: 700,
      format: "truetype",
    });
  });

  it("refuses what is not a single TTF/OTF font, saying what it is", () => {
    const reason = (bytes: Uint8Array) => {
      const result = readBrandFont(bytes);
      return "problem" in result ? result.problem : "accepted";
    };
    expect(reason(Buffer.from("%PDF-1.7 not a font at all"))).toBe(
      "is not a font; expected a TrueType (.ttf) or OpenType (.otf) file",
    );
    expect(reason(Buffer.from("ttcf\0\x01\0\0rest"))).toMatch(/^is a font collection \(\.ttc\)/);
    expect(reason(Buffer.from("wOF2 web font"))).toBe(
      "is a WOFF2 web font; expected the TTF or OTF it was made from",
    );
    // A TrueType header with nothing behind it.
    expect(reason(Buffer.from([0, 1, 0, 0, 0, 0, 0, 0]))).toMatch(/^cannot be read as a font|^has no glyphs/);
    expect(reason(new Uint8Array(MAX_FONT_BYTES + 1))).toBe("the font is 25.0 MB; expected at most 25 MB");
    expect(reason(withFsType(readFileSync(REGULAR), 0x0002))).toMatch(/^its licence forbids embedding it/);
    expect(reason(withFsType(readFileSync(REGULAR), 0x0006))).toBe("accepted");
    expect(reason(withFsType(readFileSync(REGULAR), 0x0100))).toMatch(/forbids embedding a subset/);
  });
});

describe("a theme file naming font files", () => {
  it("gives the theme the fonts' family names and the render options their bytes", () => {
    const file = themeFolder("good", BRAND_THEME);
    expect(loadTheme(file).fonts).toEqual({ heading: "Carlito", body: "Carlito" });
    const fonts = loadBrandFonts(file);
    expect(fonts?.heading?.weight).toBe(700);
    expect(fonts?.body?.weight).toBe(400);
    expect(Buffer.from(fonts!.body!.bytes).equals(readFileSync(REGULAR))).toBe(true);
    expect(brandRenderOptions(file).brandFonts).toBe(fonts);
  });

  it("makes an edited font or logo file render the decks again (the run's input hash)", () => {
    const file = themeFolder("hash", `${BRAND_THEME}logo:\n  file: ./logo.png\n`);
    const logo = path.join(path.dirname(file), "logo.png");
    writeFileSync(
      logo,
      makePng(4, 2, () => [1, 2, 3, 255]),
    );
    const settings = { outDir: "out", today: "2026-11-01" as IsoDate, themeFile: file, render: {} };
    const before = runHash(settings);
    expect(runHash(settings)).toBe(before);
    writeFileSync(
      logo,
      makePng(4, 2, () => [9, 9, 9, 255]),
    );
    const afterLogo = runHash(settings);
    expect(afterLogo).not.toBe(before);
    copyFileSync(REGULAR, path.join(path.dirname(file), "fonts/Carlito-Bold.ttf"));
    expect(runHash(settings)).not.toBe(afterLogo);
  });

  it("reports every bad font file at its key in the theme file, all at once", () => {
    const file = themeFolder(
      "bad",
      "name: Acme\nfonts:\n  heading: ./fonts/Missing-Bold.ttf\n  body: ./fonts/notes.otf\nlogo:\n  file: ./fonts/Carlito-Bold.ttf\n",
    );
    writeFileSync(path.join(path.dirname(file), "fonts/notes.otf"), "these are not glyphs");
    expect(problem(() => loadTheme(file)).split("\n")).toEqual([
      `${file}:3:12 fonts.heading — ./fonts/Missing-Bold.ttf: file not found`,
      `${file}:4:9 fonts.body — ./fonts/notes.otf: is not a font; expected a TrueType (.ttf) or OpenType (.otf) file`,
      `${file}:6:9 logo.file — ./fonts/Carlito-Bold.ttf: is not a PNG or JPEG image`,
    ]);
  });

  it("refuses a collection by name, and a font name that is neither a name nor a font file", () => {
    const file = themeFolder("ttc", "fonts:\n  heading: ./fonts/Brand.ttc\n  body: Brand/Regular\n");
    writeFileSync(path.join(path.dirname(file), "fonts/Brand.ttc"), Buffer.from("ttcf\0\x01\0\0"));
    const message = problem(() => loadTheme(file));
    expect(message).toContain(
      "fonts.body — expected a font name such as Calibri, or a font file (.ttf or .otf) relative to the theme file",
    );
  });

  it("makes `qbr generate` exit 2 with the located error and no deck", () => {
    const file = themeFolder("cli", "fonts:\n  body: ./fonts/Nope.ttf\n");
    const out = path.join(directory, "cli-out");
    const run = qbr([
      "generate",
      path.join(ROOT, "samples/alpine-health-clinics.yaml"),
      "--theme",
      file,
      "-o",
      out,
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${file}:2:9 fonts.body — ./fonts/Nope.ttf: file not found`);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(out).filter((name) => /\.(pptx|pdf)$/.test(name))).toEqual([]);
  });
});

describe("a PDF drawn with brand fonts", () => {
  let brandFonts: BrandFonts;
  let deck: Deck;
  let bytes: Uint8Array;
  let warnings: string[];

  beforeAll(async () => {
    brandFonts = loadBrandFonts(themeFolder("pdf", BRAND_THEME))!;
    deck = pdfFixtureDeck();
    deck.theme = { ...deck.theme, fonts: { heading: "Carlito", body: "Carlito" } };
    // ✓ is in DejaVu Sans, not in Carlito.
    deck.slides[1]!.title = `${deck.slides[1]!.title} ✓`;
    ({ bytes, warnings } = await pdfRenderer.render(deck, { brandFonts }));
  });

  it(`embeds the heading and body faces, and DejaVu Sans only for what they lack${skipReason(poppler)}`, () => {
    if (poppler.length > 0) return;
    const fonts = execFileSync("pdffonts", [pdfFile("brand.pdf", bytes)], { encoding: "utf8" });
    expect(fonts).toMatch(/\+Carlito-Bold\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    expect(fonts).toMatch(/\+Carlito\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    // The title's ✓ (bold) comes from DejaVu Sans Bold; no regular text needed DejaVu.
    expect(fonts).toMatch(/\+DejaVuSans-Bold\s/);
    expect(warnings).toContain(
      'PDF brand font "Carlito" lacks glyphs for "✓" — drawn in DejaVu Sans instead',
    );
  });

  it(`keeps the text extractable, the fallback glyph included${skipReason(poppler)}`, () => {
    if (poppler.length > 0) return;
    const text = execFileSync("pdftotext", ["-layout", pdfFile("brand-text.pdf", bytes), "-"], {
      encoding: "utf8",
    });
    expect(text).toContain(deck.slides[1]!.title);
    expect(text).toContain("Reduce ticket backlog");
    expect(text).toContain("Η υιοθέτηση της πύλης");
  });

  it("gives the same bytes for the same deck and fonts", async () => {
    const again = await pdfRenderer.render(deck, { brandFonts });
    expect(Buffer.from(again.bytes).equals(Buffer.from(bytes))).toBe(true);
  });

  it("draws nothing in DejaVu when the brand font covers every character", async () => {
    if (poppler.length > 0) return;
    const plain = pdfFixtureDeck();
    plain.slides = plain.slides.slice(0, 1);
    plain.meta = { ...plain.meta, classification: "", footer: "" };
    // Carlito has no glyph for the no-break space Intl writes into money: its plain space stands in.
    plain.slides[0]!.title = "CHF\u00a0128,200 realized";
    const { bytes: pdf, warnings: plainWarnings } = await pdfRenderer.render(plain, { brandFonts });
    expect(plainWarnings).toEqual([]);
    const fonts = execFileSync("pdffonts", [pdfFile("plain.pdf", pdf)], { encoding: "utf8" });
    expect(fonts).not.toContain("DejaVu");
  });
});

describe("a PPTX with brand fonts", () => {
  const theme = (parts: Record<string, Uint8Array>) => strFromU8(parts["ppt/theme/theme1.xml"]!);

  it("names the brand family as the theme's heading and body fonts", async () => {
    const deck = pdfFixtureDeck();
    deck.theme = loadTheme(themeFolder("pptx", BRAND_THEME));
    const parts = unzipSync((await pptxRenderer.render(deck, {})).bytes);
    expect(theme(parts)).toMatch(/<a:majorFont>\s*<a:latin typeface="Carlito"/);
    expect(theme(parts)).toMatch(/<a:minorFont>\s*<a:latin typeface="Carlito"/);
  });

  it("puts the brand family into a company template's font scheme", async () => {
    const themeFile = themeFolder("template", `template: brand.potx\n${BRAND_THEME}`);
    writeFileSync(path.join(path.dirname(themeFile), "brand.potx"), buildBrandTemplate({ look: "light" }));
    const options = brandRenderOptions(themeFile);
    expect(options.pptxTemplate?.template.fonts.major).toBe("Liberation Serif");
    const deck = pdfFixtureDeck();
    deck.theme = loadTheme(themeFile);
    const parts = unzipSync((await pptxRenderer.render(deck, options)).bytes);
    expect(theme(parts)).toMatch(/<a:majorFont>\s*<a:latin typeface="Carlito"/);
    expect(theme(parts)).toMatch(/<a:minorFont>\s*<a:latin typeface="Carlito"/);
    // The template's colours stay.
    expect(theme(parts)).toContain('name="Brandco Light"');
  });
});
