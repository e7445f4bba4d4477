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
import type { DrawContext } from "./context.js";
import { containImage, imageDataUri } from "./image-fit.js";
import { drawFittedText } from "./text-box.js";
import { hex, runFontFace } from "./theme.js";

/**
 * Slide chrome: everything on a slide that is not a block. Content slides get the title row,
 * the corner logo and the footer; the cover ("title" layout) gets a large title, the logo and the
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
  addRect(ctx, COVER.bar, hex(colors.primary));
  if (deck.logo && deck.theme.logo.placement !== "none") {
    drawLogo(ctx, COVER.logo, "left", "Account logo");
  }
  drawFittedText(ctx, source.title, COVER_TITLE, {
    role: "cover title",
    maxSizePt: COVER.titleSize,
    fontFace: fonts.heading,
    color: hex(colors.primary),
    bold: true,
    valign: "bottom",
  });
  addRect(ctx, COVER_RULE, hex(colors.accent));
  if (source.subtitle) {
    drawFittedText(ctx, source.subtitle, COVER.subtitle, {
      role: "cover subtitle",
      maxSizePt: COVER.subtitleSize,
      fontFace: fonts.body,
      color: hex(colors.muted),
    });
  }
  if (deck.meta.classification) {
    drawFittedText(ctx, deck.meta.classification, COVER.classification, {
      role: "classification",
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
  addRect(ctx, { x: 0, y: 0, w: SLIDE_WIDTH, h: TOP_BAR_HEIGHT }, hex(colors.primary));
  drawFittedText(ctx, source.title, TITLE_BOX, {
    role: "slide title",
    maxSizePt: FONT_SIZES.title,
    fontFace: fonts.heading,
    color: hex(colors.primary),
    bold: true,
    valign: source.subtitle ? "bottom" : "middle",
  });
  if (source.subtitle) {
    drawFittedText(ctx, source.subtitle, SUBTITLE_BOX, {
      role: "slide subtitle",
      maxSizePt: FONT_SIZES.subtitle,
      fontFace: fonts.body,
      color: hex(colors.muted),
      valign: "middle",
    });
  }
  if (deck.logo && deck.theme.logo.placement === "every-slide") {
    drawLogo(ctx, LOGO_CORNER_BOX, "right", "Account logo");
  }
  drawFooter(ctx, deck);
}

function drawFooter(ctx: DrawContext, deck: Deck): void {
  const { colors, fonts } = ctx.theme;
  const box = FOOTER_BOX;
  ctx.slide.addShape("line", {
    x: box.x,
    y: box.y - 0.06,
    w: box.w,
    h: 0,
    line: { color: hex(colors.surface), width: 0.75 },
  });
  const textWidth = (box.w - PAGE_NUMBER_WIDTH) * 0.6;
  const style = { maxSizePt: FONT_SIZES.footer, fontFace: fonts.body, valign: "middle" } as const;
  drawFittedText(
    ctx,
    deck.meta.footer,
    { ...box, w: textWidth - 0.2 },
    {
      ...style,
      role: "footer",
      color: hex(colors.muted),
    },
  );
  drawFittedText(
    ctx,
    deck.meta.classification,
    { x: box.x + textWidth, y: box.y, w: box.w - textWidth - PAGE_NUMBER_WIDTH - 0.2, h: box.h },
    { ...style, role: "classification", color: hex(colors.bad), bold: true, align: "right" },
  );
  ctx.slide.slideNumber = {
    x: box.x + box.w - PAGE_NUMBER_WIDTH,
    y: box.y,
    w: PAGE_NUMBER_WIDTH,
    h: box.h,
    fontFace: runFontFace(ctx.theme, fonts.body),
    fontSize: FONT_SIZES.footer,
    color: hex(colors.muted),
    align: "right",
    valign: "middle",
    margin: 0,
  };
}

function drawLogo(ctx: DrawContext, box: Box, anchor: "left" | "right", altText: string): void {
  const logo = ctx.deck.logo;
  if (!logo) return;
  ctx.slide.addImage({ data: imageDataUri(logo), ...containImage(logo, box, anchor), altText });
}

function addRect(ctx: DrawContext, box: Box, color: string): void {
  ctx.slide.addShape("rect", { ...box, fill: { color } });
}
