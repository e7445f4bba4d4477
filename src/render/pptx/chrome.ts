import type { Box, Deck, Slide } from "../../deck/deck-model.js";
import {
  COVER,
  FONT_SIZES,
  FOOTER_BOX,
  LOGO_CORNER_BOX,
  SLIDE_WIDTH,
  SUBTITLE_BOX,
  TITLE_BOX,
} from "../../deck/geometry.js";
import type { DrawContext, WarningLog } from "./context.js";
import { SUBTITLE_SHAPE, TITLE_SHAPE } from "./postprocess/placeholders.js";
import { containImage, imageDataUri } from "./image-fit.js";
import type { Presentation, SlideMasterProps } from "./pptxgen.js";
import { drawFittedText, fitTextBox } from "./text-box.js";
import { hex, runFontFace } from "./theme.js";

/**
 * Slide chrome: everything on a slide that is not a block. Content slides get the title row and
 * the footer (the parts all of them share come from the content master, see
 * defineContentMaster); the cover ("title" layout) gets a large title, the logo and the
 * classification only.
 */

/**
 * The rest of the cover is COVER in geometry.ts. The title keeps clear of the bottom of its box
 * so that descenders do not touch the accent rule drawn between title and subtitle.
 */
const COVER_TITLE: Box = { ...COVER.title, h: COVER.title.h - 0.18 };
const COVER_RULE: Box = { x: COVER.title.x, y: COVER.title.y + COVER.title.h - 0.1, w: 1.6, h: 0.05 };

const TOP_BAR_HEIGHT = 0.08;
const PAGE_NUMBER_WIDTH = 0.6;

export function drawChrome(ctx: DrawContext): void {
  ctx.slide.background = { color: hex(ctx.theme.colors.background) };
  if (ctx.source.layout === "title") drawCover(ctx, ctx.source, ctx.deck);
  else drawContentChrome(ctx, ctx.source, ctx.deck);
}

function drawCover(ctx: DrawContext, source: Slide, deck: Deck): void {
  const { colors, fonts } = ctx.theme;
  addRect(ctx, COVER.bar, hex(colors.primary), "Accent bar");
  if (deck.logo && deck.theme.logo.placement !== "none") {
    drawLogo(ctx, COVER.logo, "left", "Account logo");
  }
  const vendor = deck.theme.logo.vendor;
  if (vendor) {
    ctx.slide.addImage({
      data: imageDataUri(vendor),
      ...containImage(vendor, COVER.vendorLogo, "right"),
      altText: "Logo",
      objectName: "Logo: vendor",
    });
  }
  drawFittedText(ctx, source.title, COVER_TITLE, {
    role: "cover title",
    name: TITLE_SHAPE,
    maxSizePt: COVER.titleSize,
    fontFace: fonts.heading,
    color: hex(colors.primary),
    bold: true,
    valign: "bottom",
  });
  addRect(ctx, COVER_RULE, hex(colors.accent), "Accent rule");
  if (source.subtitle) {
    drawFittedText(ctx, source.subtitle, COVER.subtitle, {
      role: "cover subtitle",
      name: SUBTITLE_SHAPE,
      maxSizePt: COVER.subtitleSize,
      fontFace: fonts.body,
      color: hex(colors.muted),
    });
  }
  if (deck.meta.classification) {
    drawFittedText(ctx, deck.meta.classification, COVER.classification, {
      role: "classification",
      name: "Classification",
      maxSizePt: FONT_SIZES.small,
      fontFace: fonts.body,
      color: hex(colors.muted),
      bold: true,
      valign: "bottom",
    });
  }
}

function drawContentChrome(ctx: DrawContext, source: Slide, deck: Deck): void {
  const { colors, fonts } = ctx.theme;
  drawFittedText(ctx, source.title, TITLE_BOX, {
    role: "slide title",
    name: TITLE_SHAPE,
    maxSizePt: FONT_SIZES.title,
    fontFace: fonts.heading,
    color: hex(colors.primary),
    bold: true,
    valign: source.subtitle ? "bottom" : "middle",
  });
  if (source.subtitle) {
    drawFittedText(ctx, source.subtitle, SUBTITLE_BOX, {
      role: "slide subtitle",
      name: SUBTITLE_SHAPE,
      maxSizePt: FONT_SIZES.subtitle,
      fontFace: fonts.body,
      color: hex(colors.muted),
      valign: "middle",
    });
  }
  // The classification is drawn on each slide rather than on the master: a slide copied into
  // another presentation takes that presentation's master, and its label must go with it.
  drawFittedText(ctx, deck.meta.classification, CLASSIFICATION_BOX, {
    ...FOOTER_STYLE,
    fontFace: fonts.body,
    role: "classification",
    name: "Classification",
    color: hex(colors.bad),
    bold: true,
    align: "right",
  });
  ctx.slide.slideNumber = {
    ...PAGE_NUMBER_BOX,
    fontFace: runFontFace(ctx.theme, fonts.body),
    fontSize: FONT_SIZES.footer,
    color: hex(colors.muted),
    align: "right",
    valign: "middle",
    margin: 0,
  };
}

const FOOTER_TEXT_WIDTH = (FOOTER_BOX.w - PAGE_NUMBER_WIDTH) * 0.6;
const FOOTER_STYLE = { maxSizePt: FONT_SIZES.footer, valign: "middle" } as const;

const FOOTER_TEXT_BOX: Box = { ...FOOTER_BOX, w: FOOTER_TEXT_WIDTH - 0.2 };
const CLASSIFICATION_BOX: Box = {
  x: FOOTER_BOX.x + FOOTER_TEXT_WIDTH,
  y: FOOTER_BOX.y,
  w: FOOTER_BOX.w - FOOTER_TEXT_WIDTH - PAGE_NUMBER_WIDTH - 0.2,
  h: FOOTER_BOX.h,
};
const PAGE_NUMBER_BOX: Box = {
  x: FOOTER_BOX.x + FOOTER_BOX.w - PAGE_NUMBER_WIDTH,
  y: FOOTER_BOX.y,
  w: PAGE_NUMBER_WIDTH,
  h: FOOTER_BOX.h,
};

/** The pptxgenjs name of the master (and its layout) that content slides use. */
export const CONTENT_MASTER = "QBR_CONTENT";

/**
 * The chrome every content slide shares — the top bar, the corner logo, the footer rule and the
 * footer text — is drawn once, on the slide master's layout, rather than on each slide: a
 * slide a CSM adds in PowerPoint gets it too, and the deck holds ~70 fewer shapes.
 */
export function defineContentMaster(pres: Presentation, deck: Deck, warnings: WarningLog): void {
  const { colors, fonts } = deck.theme;
  const objects: NonNullable<SlideMasterProps["objects"]> = [
    { rect: { x: 0, y: 0, w: SLIDE_WIDTH, h: TOP_BAR_HEIGHT, fill: { color: hex(colors.primary) } } },
  ];
  if (deck.logo && deck.theme.logo.placement === "every-slide") {
    const logo = deck.logo;
    objects.push({
      image: {
        data: imageDataUri(logo),
        ...containImage(logo, LOGO_CORNER_BOX, "right"),
        altText: "Account logo",
      },
    });
  }
  objects.push({
    line: {
      x: FOOTER_BOX.x,
      y: FOOTER_BOX.y - 0.06,
      w: FOOTER_BOX.w,
      h: 0,
      line: { color: hex(colors.surface), width: 0.75 },
    },
  });
  const footer = fitTextBox(deck.theme, deck.meta.language, deck.meta.footer, FOOTER_TEXT_BOX, {
    ...FOOTER_STYLE,
    fontFace: fonts.body,
    role: "footer",
    color: hex(colors.muted),
  });
  if (footer) {
    objects.push({ text: { text: footer.text, options: footer.options } });
    if (footer.cut) warnings.add(`pptx slide master: ${footer.cut}`);
  }
  pres.defineSlideMaster({ title: CONTENT_MASTER, objects });
}

function drawLogo(ctx: DrawContext, box: Box, anchor: "left" | "right", altText: string): void {
  const logo = ctx.deck.logo;
  if (!logo) return;
  ctx.slide.addImage({
    data: imageDataUri(logo),
    ...containImage(logo, box, anchor),
    altText,
    objectName: "Logo: account",
  });
}

function addRect(ctx: DrawContext, box: Box, color: string, name: string): void {
  ctx.slide.addShape("rect", { ...box, fill: { color }, objectName: name });
}
