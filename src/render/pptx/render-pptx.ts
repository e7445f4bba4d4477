import type { Deck } from "../../deck/deck-model.js";
import type { RenderOptions, RenderResult, Renderer } from "../renderer.js";
import { drawBlock } from "./blocks/index.js";
import { CONTENT_MASTER, defineContentMaster, drawChrome } from "./chrome.js";
import { WarningLog, type DrawContext } from "./context.js";
import type { SlidePlaceholders } from "./postprocess/placeholders.js";
import { postprocessPptx } from "./postprocess/index.js";
import { createPresentation, type Presentation } from "./pptxgen.js";
import { writeParts } from "./capture-package.js";
import { drawTemplateChrome, templateSlide } from "./template/template-chrome.js";
import type { AppliedTemplate } from "./template/template-model.js";

/**
 * Deck → PPTX bytes. pptxgenjs records the slides and builds their XML parts (capture-package.ts
 * takes them before they are zipped); postprocess/ fixes known pptxgenjs 4.0.1 defects, turns the
 * titles into placeholders, puts the deck on a company template when one is given (template/),
 * and writes the one, reproducible zip.
 */
export const pptxRenderer: Renderer = {
  format: "pptx",
  async render(deck: Deck, options: RenderOptions): Promise<RenderResult> {
    const warnings = new WarningLog();
    const applied = options.pptxTemplate;
    const pres = createPresentation();
    setDocumentProperties(pres, deck, applied);
    if (!applied) defineContentMaster(pres, deck, warnings);
    const placeholders: SlidePlaceholders[] = [];
    const layouts: string[] = [];
    deck.slides.forEach((source, index) => {
      const ctx: DrawContext = {
        pres,
        slide: pres.addSlide(
          source.layout === "title" || applied ? undefined : { masterName: CONTENT_MASTER },
        ),
        deck,
        theme: deck.theme,
        source,
        slideNumber: index + 1,
        warnings,
      };
      if (applied) {
        const slide = templateSlide(applied, ctx);
        drawTemplateChrome(ctx, applied, slide);
        for (const block of source.blocks) drawBlock(ctx, slide.place(block));
        placeholders.push(slide.placeholders);
        layouts.push(slide.layout.part);
      } else {
        drawChrome(ctx);
        for (const block of source.blocks) drawBlock(ctx, block);
        placeholders.push({ title: "title", inherit: false });
      }
      if (source.notes.trim() !== "") ctx.slide.addNotes(source.notes);
    });
    const template = applied
      ? { template: applied.template, slideLayouts: layouts, fonts: brandFamilies(applied, options) }
      : undefined;
    const bytes = await postprocessPptx(await writeParts(pres), deck.meta, { placeholders, template });
    return { bytes, warnings: warnings.list() };
  },
};

const TEMPLATE_LAYOUT = "QBR_TEMPLATE";

/** Only what the deck's meta says; pptxgenjs's own defaults ("PptxGenJS") are overwritten. */
function setDocumentProperties(pres: Presentation, deck: Deck, applied: AppliedTemplate | undefined): void {
  if (applied) {
    const { width, height } = applied.template.slide;
    pres.defineLayout({ name: TEMPLATE_LAYOUT, width, height });
    pres.layout = TEMPLATE_LAYOUT;
  } else {
    pres.layout = "LAYOUT_WIDE";
  }
  pres.title = deck.meta.title;
  pres.subject = deck.meta.subject;
  pres.author = deck.meta.author;
  pres.company = deck.meta.company;
  pres.theme = { headFontFace: deck.theme.fonts.heading, bodyFontFace: deck.theme.fonts.body };
}

/**
 * The theme file's brand font families over the template's font scheme (a font *name* in the
 * theme file only names runs' faces, as without brand fonts); undefined without brand fonts.
 */
function brandFamilies(
  applied: AppliedTemplate,
  options: RenderOptions,
): { heading: string; body: string } | undefined {
  const brand = options.brandFonts;
  if (!brand) return undefined;
  const { major, minor } = applied.template.fonts;
  return { heading: brand.heading?.family ?? major, body: brand.body?.family ?? minor };
}
