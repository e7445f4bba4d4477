import type { Block, Deck, Slide } from "../../deck/deck-model.js";
import { brandFaces } from "../brand-fonts.js";
import { intlLocale } from "../chart-layout/format.js";
import type { RenderOptions, RenderResult, Renderer } from "../renderer.js";
import { bulletsBlock } from "./blocks/bullets.js";
import { chartBlock } from "./blocks/chart.js";
import { imageBlock } from "./blocks/image.js";
import { kpisBlock } from "./blocks/kpis.js";
import { tableBlock } from "./blocks/table.js";
import { textBlock } from "./blocks/text.js";
import { contentChrome, coverChrome } from "./chrome.js";
import type { HtmlContext } from "./context.js";
import { fontFaces, fontStack } from "./font-face.js";
import { glyphWarnings } from "./glyph-warnings.js";
import { attrs, element, escapeText, shownText } from "./markup.js";
import { speakerNotes } from "./notes.js";
import { styles } from "./styles.js";

function blockMarkup(ctx: HtmlContext, block: Block, index: number): string {
  switch (block.kind) {
    case "text":
      return textBlock(ctx, block);
    case "bullets":
      return bulletsBlock(ctx, block);
    case "kpis":
      return kpisBlock(ctx, block);
    case "table":
      return tableBlock(ctx, block);
    case "chart":
      return chartBlock(ctx, block, index);
    case "image":
      return imageBlock(ctx, block);
  }
}

function slideMarkup(ctx: HtmlContext, slide: Slide, pageNumber: number): string {
  const titleId = `${ctx.idPrefix}-title`;
  const chrome =
    slide.layout === "title"
      ? coverChrome(ctx.deck, slide, titleId, ctx.fonts)
      : contentChrome(ctx.deck, slide, pageNumber, titleId, ctx.fonts);
  const blocks = slide.blocks.map((block, index) => blockMarkup(ctx, block, index)).join("");
  return element(
    "section",
    {
      class: "slide",
      id: `slide-${pageNumber}`,
      "aria-labelledby": titleId,
    },
    chrome + blocks,
  );
}

/** No network, no script: only the page's own styles, fonts and images (all inline) may load. */
const CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";

function head(deck: Deck, css: string): string {
  const { meta } = deck;
  const metas = [
    `<meta charset="utf-8">`,
    `<meta${attrs({ name: "viewport", content: "width=device-width, initial-scale=1" })}>`,
    `<meta${attrs({ "http-equiv": "Content-Security-Policy", content: CONTENT_SECURITY_POLICY })}>`,
    element("title", {}, escapeText(meta.title)),
    meta.author ? `<meta${attrs({ name: "author", content: meta.author })}>` : "",
    meta.subject ? `<meta${attrs({ name: "description", content: meta.subject })}>` : "",
    meta.keywords.length > 0 ? `<meta${attrs({ name: "keywords", content: meta.keywords.join(", ") })}>` : "",
    element("style", {}, css),
  ];
  return element("head", {}, metas.filter(Boolean).join("\n"));
}

/**
 * Draws a Deck as one self-contained web page: a <section> per slide at 16:9 (one printed page
 * each), blocks placed on the deck's boxes with the sizes the PDF's fitter chose, SVG charts on
 * the PDF's scales, the fonts (DejaVu Sans, or the theme's brand faces in front of it) embedded as subsets, images as data: URIs; no script, nothing
 * loaded from anywhere. An internal deck that prints its notes (meta.printNotes) shows each
 * slide's notes in a collapsible panel below it; a customer deck never has any.
 */
export async function renderHtml(deck: Deck, options: RenderOptions = {}): Promise<RenderResult> {
  if (deck.slides.length === 0) throw new Error("Cannot render a web page of a deck without slides");
  const warnings: string[] = [];
  const locale = intlLocale(deck.meta.language);
  const fonts = brandFaces(options.brandFonts);
  const sections = deck.slides.map((slide, index) => {
    const ctx: HtmlContext = {
      deck,
      theme: deck.theme,
      locale,
      warnings,
      slideLabel: `html slide ${index + 1} ("${slide.id}")`,
      idPrefix: `s${index + 1}`,
      fonts,
    };
    return slideMarkup(ctx, slide, index + 1) + speakerNotes(deck, slide, index + 1);
  });
  const hasCover = deck.slides.some((slide) => slide.layout === "title");
  const deckTitle = hasCover ? "" : element("h1", { class: "deck-title" }, escapeText(deck.meta.title));
  const body = element("body", {}, element("main", {}, deckTitle + sections.join("\n")));
  const css = `${fontFaces(body, fonts)}\n${styles(deck, fontStack(fonts))}`;
  const html = `<!DOCTYPE html>\n${element("html", { lang: deck.meta.language }, `${head(deck, css)}\n${body}`)}\n`;
  // First, as the PDF of the same deck lists them: the characters of the page's text (not of its
  // markup) that its fonts (or brand faces) lack.
  return {
    bytes: new TextEncoder().encode(html),
    warnings: [...glyphWarnings(shownText(body), fonts), ...warnings],
  };
}

export const htmlRenderer: Renderer = { format: "html", render: renderHtml };
