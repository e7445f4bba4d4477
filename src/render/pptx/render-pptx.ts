import type { Deck } from "../../deck/deck-model.js";
import type { RenderOptions, RenderResult, Renderer } from "../renderer.js";
import { drawBlock } from "./blocks/index.js";
import { CONTENT_MASTER, defineContentMaster, drawChrome } from "./chrome.js";
import { WarningLog, type DrawContext } from "./context.js";
import { postprocessPptx } from "./postprocess/index.js";
import { createPresentation, type Presentation } from "./pptxgen.js";
import { writeParts } from "./capture-package.js";

/**
 * Deck → PPTX bytes. pptxgenjs records the slides and builds their XML parts (capture-package.ts
 * takes them before they are zipped); postprocess/ fixes known pptxgenjs 4.0.1 defects and writes
 * the one, reproducible zip.
 */
export const pptxRenderer: Renderer = {
  format: "pptx",
  async render(deck: Deck, _options: RenderOptions): Promise<RenderResult> {
    const warnings = new WarningLog();
    const pres = createPresentation();
    setDocumentProperties(pres, deck);
    defineContentMaster(pres, deck, warnings);
    deck.slides.forEach((source, index) => {
      const ctx: DrawContext = {
        pres,
        slide: pres.addSlide(source.layout === "title" ? undefined : { masterName: CONTENT_MASTER }),
        deck,
        theme: deck.theme,
        source,
        slideNumber: index + 1,
        warnings,
      };
      drawChrome(ctx);
      for (const block of source.blocks) drawBlock(ctx, block);
      if (source.notes.trim() !== "") ctx.slide.addNotes(source.notes);
    });
    const bytes = await postprocessPptx(await writeParts(pres), deck.meta);
    return { bytes, warnings: warnings.list() };
  },
};

/** Only what the deck's meta says; pptxgenjs's own defaults ("PptxGenJS") are overwritten. */
function setDocumentProperties(pres: Presentation, deck: Deck): void {
  pres.layout = "LAYOUT_WIDE";
  pres.title = deck.meta.title;
  pres.subject = deck.meta.subject;
  pres.author = deck.meta.author;
  pres.company = deck.meta.company;
  pres.theme = { headFontFace: deck.theme.fonts.heading, bodyFontFace: deck.theme.fonts.body };
}
