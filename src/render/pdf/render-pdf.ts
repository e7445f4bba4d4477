import type { Block, Deck, Slide } from "../../deck/deck-model.js";
import type { RenderOptions, RenderResult, Renderer } from "../renderer.js";
import { drawBulletsBlock } from "./blocks/bullets.js";
import { drawChartBlock } from "./blocks/chart.js";
import { drawImageBlock } from "./blocks/image.js";
import { drawKpisBlock } from "./blocks/kpis.js";
import { drawTableBlock } from "./blocks/table.js";
import { drawTextBlock } from "./blocks/text.js";
import { intlLocale } from "../chart-layout/format.js";
import { drawBackground, drawContentChrome, drawCoverChrome } from "./chrome.js";
import type { DrawContext } from "./context.js";
import { checkOptions, collectBytes, createDocument, documentFonts } from "./document.js";
import { warmUpWith } from "./warm-up.js";
import { GlyphCollector } from "./glyphs.js";
import { ImageCache } from "./images.js";
import { internalsWarning } from "./pdfkit-internals.js";
import { preparationSlides } from "./preparation.js";
import { Tagger } from "./tagging.js";

function drawBlock(ctx: DrawContext, block: Block): void {
  switch (block.kind) {
    case "text":
      return drawTextBlock(ctx, block);
    case "bullets":
      return drawBulletsBlock(ctx, block);
    case "kpis":
      return drawKpisBlock(ctx, block);
    case "table":
      return drawTableBlock(ctx, block);
    case "chart":
      return drawChartBlock(ctx, block);
    case "image":
      return drawImageBlock(ctx, block);
  }
}

function drawSlide(ctx: DrawContext, deck: Deck, slide: Slide, pageNumber: number): void {
  ctx.doc.addPage();
  drawBackground(ctx);
  if (slide.layout === "title") drawCoverChrome(ctx, deck, slide);
  else drawContentChrome(ctx, deck, slide, pageNumber);
  for (const block of slide.blocks) drawBlock(ctx, block);
}

/**
 * Draws a Deck as a PDF: one 16:9 page per slide, vector charts, embedded DejaVu Sans (or the
 * theme's brand fonts, DejaVu drawing what they lack), tagged for
 * screen readers. A PDF has no speaker notes: an internal deck (meta.printNotes) gets them as
 * "Preparation notes" pages after the slides (preparation.ts); a customer deck never does.
 */
async function renderPdf(deck: Deck, options: RenderOptions): Promise<RenderResult> {
  checkOptions(options);
  if (deck.slides.length === 0) throw new Error("Cannot render a PDF of a deck without slides");
  const fonts = documentFonts(options.brandFonts);
  const doc = createDocument(deck, options, fonts);
  const output = collectBytes(doc);
  const tagger = new Tagger(doc);
  const glyphs = new GlyphCollector(fonts);
  const warnings: string[] = [];
  const images = new ImageCache(doc, warnings);
  const locale = intlLocale(deck.meta.language);
  await images.embedAll(deck);
  const slides = [...deck.slides, ...preparationSlides(deck)];
  slides.forEach((slide, index) => {
    const section = tagger.element(tagger.root, "Sect", { title: slide.title });
    const ctx: DrawContext = {
      doc,
      theme: deck.theme,
      fonts,
      meta: deck.meta,
      locale,
      glyphs,
      tagger,
      images,
      section,
      warnings,
      slideLabel: `pdf slide ${index + 1} ("${slide.id}")`,
    };
    drawSlide(ctx, deck, slide, index + 1);
    section.end();
  });
  tagger.finish();
  const bytes = await output.finish();
  const internals = internalsWarning(doc);
  return { bytes, warnings: [...(internals ? [internals] : []), ...glyphs.warnings(), ...warnings] };
}

export const pdfRenderer: Renderer = {
  format: "pdf",
  render: renderPdf,
  warmUp: () => warmUpWith(renderPdf),
};
