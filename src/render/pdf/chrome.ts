import type { Box, Deck, Slide } from "../../deck/deck-model.js";
import {
  COVER,
  FONT_SIZES,
  FOOTER_BOX,
  LOGO_CORNER_BOX,
  SLIDE_HEIGHT,
  SLIDE_WIDTH,
  SUBTITLE_BOX,
  TITLE_BOX,
} from "../../deck/geometry.js";
import type { DrawContext } from "./context.js";
import { drawFitted, drawLines, lineStep } from "./text.js";
import { css, POINTS_PER_INCH, pt, rectOf } from "./units.js";

/**
 * Slide chrome: everything on a slide that is not a block, placed like the PPTX renderer's.
 * Content slides get a thin primary bar on top, the title row, the corner logo and the footer;
 * the cover ("title" layout) a band on the left, the logos, a large title and the classification.
 */

/** The accent rule between the cover title and subtitle (the rest of the cover is COVER in geometry.ts). */
const COVER_RULE: Box = { x: COVER.title.x, y: COVER.title.y + COVER.title.h + 0.01, w: 1.6, h: 0.05 };

const TOP_BAR_HEIGHT = 0.08;
const PAGE_NUMBER_WIDTH = 0.6;
/** Share of the footer (left of the page number) given to meta.footer; the classification gets the rest. */
const FOOTER_TEXT_SHARE = 0.6;

function fillBox(ctx: DrawContext, box: Box, color: string): void {
  const rect = rectOf(box);
  ctx.doc.rect(rect.x, rect.y, rect.w, rect.h).fill(css(color));
}

export function drawBackground(ctx: DrawContext): void {
  ctx.tagger.artifact(() =>
    fillBox(ctx, { x: 0, y: 0, w: SLIDE_WIDTH, h: SLIDE_HEIGHT }, ctx.theme.colors.background),
  );
}

export function drawCoverChrome(ctx: DrawContext, deck: Deck, slide: Slide): void {
  const { theme, tagger } = ctx;
  tagger.artifact(() => {
    fillBox(ctx, COVER.bar, theme.colors.primary);
    fillBox(ctx, COVER_RULE, theme.colors.accent);
  });
  if (deck.logo && theme.logo.placement !== "none") {
    const logo = deck.logo;
    const alt = `${deck.meta.accountName} logo`;
    tagger.leaf(
      ctx.section,
      "Figure",
      () => ctx.images.draw(logo, rectOf(COVER.logo), { x: "left", y: "top" }),
      {
        alt,
      },
    );
  }
  const vendor = theme.logo.vendor;
  if (vendor) {
    tagger.leaf(
      ctx.section,
      "Figure",
      () => ctx.images.draw(vendor, rectOf(COVER.vendorLogo), { x: "right", y: "top" }),
      { alt: "Logo" },
    );
  }
  tagger.leaf(ctx.section, "H1", () => {
    const style = { maxSizePt: COVER.titleSize, weight: "bold" as const, color: theme.colors.primary };
    drawFitted(ctx, slide.title, rectOf(COVER.title), style, "bottom");
  });
  if (slide.subtitle) {
    const subtitle = slide.subtitle;
    tagger.leaf(ctx.section, "P", () => {
      const style = { maxSizePt: COVER.subtitleSize, weight: "regular" as const, color: theme.colors.muted };
      drawFitted(ctx, subtitle, rectOf(COVER.subtitle), style);
    });
  }
  if (deck.meta.classification) {
    const classification = deck.meta.classification;
    tagger.artifact(() => {
      const style = { maxSizePt: FONT_SIZES.small, weight: "bold" as const, color: theme.colors.muted };
      drawFitted(ctx, classification, rectOf(COVER.classification), style, "bottom");
    }, "Pagination");
  }
}

export function drawContentChrome(ctx: DrawContext, deck: Deck, slide: Slide, pageNumber: number): void {
  const { theme, tagger } = ctx;
  tagger.artifact(() =>
    fillBox(ctx, { x: 0, y: 0, w: SLIDE_WIDTH, h: TOP_BAR_HEIGHT }, theme.colors.primary),
  );
  tagger.leaf(ctx.section, "H1", () => {
    const style = {
      maxSizePt: FONT_SIZES.title,
      minSizePt: FONT_SIZES.subtitle,
      weight: "bold" as const,
      color: theme.colors.primary,
    };
    drawFitted(ctx, slide.title, rectOf(TITLE_BOX), style, slide.subtitle ? "bottom" : "middle");
  });
  if (slide.subtitle) {
    const subtitle = slide.subtitle;
    tagger.leaf(ctx.section, "P", () => {
      const style = { maxSizePt: FONT_SIZES.subtitle, weight: "regular" as const, color: theme.colors.muted };
      drawFitted(ctx, subtitle, rectOf(SUBTITLE_BOX), style, "middle");
    });
  }
  if (deck.logo && theme.logo.placement === "every-slide") {
    const logo = deck.logo;
    tagger.artifact(() => ctx.images.draw(logo, rectOf(LOGO_CORNER_BOX), { x: "right", y: "middle" }));
  }
  tagger.artifact(() => drawFooter(ctx, deck, pageNumber), "Pagination");
}

/** A hairline, meta.footer on the left, the classification right-aligned, then the page number. */
function drawFooter(ctx: DrawContext, deck: Deck, pageNumber: number): void {
  const { doc, theme } = ctx;
  const box = FOOTER_BOX;
  const rule = pt(box.y - 0.06);
  doc
    .moveTo(pt(box.x), rule)
    .lineTo(pt(box.x + box.w), rule)
    .lineWidth(0.75)
    .stroke(css(theme.colors.surface));
  const textWidth = (box.w - PAGE_NUMBER_WIDTH) * FOOTER_TEXT_SHARE;
  const size = FONT_SIZES.footer;
  const lineHeight = lineStep(size) / POINTS_PER_INCH;
  const lineTop = box.y + (box.h - lineHeight) / 2;
  // Boxes one line high, so that a long footer shrinks (down to 6 pt) or is cut, never wraps.
  const oneLine = (
    text: string,
    area: Box,
    weight: "regular" | "bold",
    color: string,
    align: "left" | "right",
  ) => {
    const style = { maxSizePt: size, minSizePt: 6, weight, color, align };
    drawFitted(ctx, text, rectOf({ ...area, y: lineTop, h: lineHeight * 1.05 }), style);
  };
  if (deck.meta.footer) {
    oneLine(deck.meta.footer, { ...box, w: textWidth - 0.2 }, "regular", theme.colors.muted, "left");
  }
  if (deck.meta.classification) {
    const area = { x: box.x + textWidth, y: box.y, w: box.w - textWidth - PAGE_NUMBER_WIDTH - 0.2, h: box.h };
    oneLine(deck.meta.classification, area, "bold", theme.colors.bad, "right");
  }
  const numberArea = rectOf({
    x: box.x + box.w - PAGE_NUMBER_WIDTH,
    y: box.y,
    w: PAGE_NUMBER_WIDTH,
    h: box.h,
  });
  drawLines(
    ctx,
    [String(pageNumber)],
    numberArea,
    {
      sizePt: size,
      weight: "regular",
      color: theme.colors.muted,
      align: "right",
    },
    "middle",
  );
}
