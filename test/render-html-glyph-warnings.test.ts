import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Deck } from "../src/deck/deck-model.js";
import { brandFace, readBrandFont, type BrandFont, type BrandFonts } from "../src/render/brand-fonts.js";
import type { Face } from "../src/render/fonts.js";
import { glyphWarnings as pageGlyphWarnings } from "../src/render/html/glyph-warnings.js";
import { shownText } from "../src/render/html/markup.js";
import { renderHtml } from "../src/render/html/render-html.js";
import { pdfRenderer } from "../src/render/pdf/render-pdf.js";
import { ROOT } from "./helpers/accounts.js";
import { sampleDeck } from "./helpers/decks.js";

/**
 * The web page warns about the characters its fonts lack as the PDF of the same deck does: a
 * glyph a brand face has not (drawn in DejaVu Sans instead), and one no embedded font has.
 */
const FONTS = path.join(ROOT, "test/fixtures/fonts");
const CHECK = "✓"; // DejaVu Sans has it, Carlito has not.
const HAN = "漢"; // Neither has it.

function brandFont(file: string): BrandFont {
  const checked = readBrandFont(new Uint8Array(readFileSync(path.join(FONTS, file))));
  if ("problem" in checked) throw new Error(`${file}: ${checked.problem}`);
  return checked.font;
}

const CARLITO: BrandFonts = {
  heading: brandFont("Carlito-Bold.ttf"),
  body: brandFont("Carlito-Regular.ttf"),
};

/** Alpine's customer QBR (money with no-break spaces throughout) with `suffix` on its agenda's title. */
function deckWith(suffix: string): Deck {
  const deck = sampleDeck("alpine-health-clinics.yaml", "customer", "qbr");
  return {
    ...deck,
    slides: deck.slides.map((slide) =>
      slide.id === "agenda" ? { ...slide, title: `${slide.title}${suffix}` } : slide,
    ),
  };
}

const glyphWarnings = (warnings: readonly string[]) =>
  warnings.filter((line) => line.includes("lacks glyphs"));
/** A warning without its format's name: "PDF brand font …" and "HTML brand font …" say the same. */
const unprefixed = (warnings: readonly string[]) =>
  glyphWarnings(warnings).map((line) => line.replace(/^(PDF|HTML) /u, "").replace(/ — .*$/u, ""));

describe("the HTML page's glyph warnings", () => {
  it("names a character the brand font lacks, as the PDF of the same deck does", async () => {
    const deck = deckWith(` ${CHECK}`);
    const html = await renderHtml(deck, { brandFonts: CARLITO });
    const pdf = await pdfRenderer.render(deck, { brandFonts: CARLITO });
    expect(glyphWarnings(html.warnings)).toEqual([
      'HTML brand font "Carlito" lacks glyphs for "✓" — drawn in DejaVu Sans instead',
    ]);
    expect(unprefixed(html.warnings)).toEqual(unprefixed(pdf.warnings));
  });

  it("names a character no font of the page has, with and without brand fonts", async () => {
    const deck = deckWith(` ${HAN}`);
    for (const options of [{}, { brandFonts: CARLITO }]) {
      const html = await renderHtml(deck, options);
      const pdf = await pdfRenderer.render(deck, options);
      expect(glyphWarnings(html.warnings)).toEqual([
        'HTML font lacks glyphs for "漢" — the browser draws them in a font of its own, if it has one',
      ]);
      expect(unprefixed(html.warnings)).toEqual(unprefixed(pdf.warnings));
    }
  });

  it("says nothing when the fonts draw every character (no-break spaces in money included)", async () => {
    const deck = deckWith("");
    expect(JSON.stringify(deck)).toContain("CHF\u00a0");
    expect(glyphWarnings((await renderHtml(deck, { brandFonts: CARLITO })).warnings)).toEqual([]);
    expect(glyphWarnings((await renderHtml(deck)).warnings)).toEqual([]);
  });
});

/** Carlito as a brand face that lacks `chars` (a real brand font may lack any of them). */
function carlitoWithout(chars: string): Record<"regular" | "bold", Face> {
  const lacking = new Set([...chars].map((char) => char.codePointAt(0)));
  const without = (face: Face): Face => ({
    ...face,
    font: new Proxy(face.font, {
      get: (font, key) =>
        key === "hasGlyphForCodePoint"
          ? (codePoint: number) => !lacking.has(codePoint) && font.hasGlyphForCodePoint(codePoint)
          : Reflect.get(font, key, font),
    }),
  });
  return { regular: without(brandFace(CARLITO, "regular")), bold: without(brandFace(CARLITO, "bold")) };
}

/** The page's <body>, as render-html.ts checks it. */
async function bodyOf(deck: Deck): Promise<string> {
  const html = new TextDecoder().decode((await renderHtml(deck, { brandFonts: CARLITO })).bytes);
  return html.slice(html.indexOf("<body"), html.indexOf("</body>") + "</body>".length);
}

describe("the text the HTML glyph warnings check", () => {
  it("is the slides' text: tags, attributes, style values and data: URIs are not", async () => {
    const fonts = carlitoWithout("<>#");
    const body = await bodyOf(deckWith(""));
    // The markup has all three (tags, colours)…
    expect(pageGlyphWarnings(body, fonts)).toEqual([
      'HTML brand font "Carlito" lacks glyphs for "#", "<", ">" — drawn in DejaVu Sans instead',
    ]);
    // …the text the page shows has none.
    expect(pageGlyphWarnings(shownText(body), fonts)).toEqual([]);
  });

  it("still names a character the slide text uses", async () => {
    const fonts = carlitoWithout("<>#");
    const body = await bodyOf(deckWith(" a < b # c"));
    expect(pageGlyphWarnings(shownText(body), fonts)).toEqual([
      'HTML brand font "Carlito" lacks glyphs for "#", "<" — drawn in DejaVu Sans instead',
    ]);
  });

  it("leaves out a chart's alt text (aria-label, <desc>): screen readers read it, no font draws it", async () => {
    const deck = deckWith("");
    const withAlt: Deck = {
      ...deck,
      slides: deck.slides.map((slide) => ({
        ...slide,
        blocks: slide.blocks.map((block) =>
          block.kind === "chart" ? { ...block, alt: `${block.alt} ${CHECK}` } : block,
        ),
      })),
    };
    expect(JSON.stringify(withAlt)).toContain(CHECK);
    const html = await renderHtml(withAlt, { brandFonts: CARLITO });
    expect(new TextDecoder().decode(html.bytes)).toContain(`${CHECK}</desc>`);
    expect(glyphWarnings(html.warnings)).toEqual([]);
  });

  it("decodes the entities escapeText writes, and leaves out SVG titles and descriptions", () => {
    const markup =
      '<p class="x" style="left:1;color:#fff">a &lt;b&gt; &quot;c&quot; &amp;lt;</p>' +
      '<svg aria-label="✓"><title>T✓</title><desc id="d">D✓</desc><text x="1">1 &amp; 2</text></svg>';
    const text = shownText(markup);
    expect(text).toContain('a <b> "c" &lt;');
    expect(text).toContain("1 & 2");
    expect(text).not.toMatch(/[#=✓TD]|style|class/);
  });
});
