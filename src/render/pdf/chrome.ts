import type { Deck, Slide } from "../../deck/deck-model.js";
import {
  FONT_SIZES,
  FOOTER_BOX,
  LOGO_CORNER_BOX,
  SLIDE_HEIGHT,
  SLIDE_WIDTH,
  SUBTITLE_BOX,
  TITLE_BOX,
} from "../../deck/geometry.js";
import type { DrawContext } from "./context.js";
import { drawFitted, drawLines, fitInRect, measure } from "./text.js";
import { css, mix, pt, rect, rectOf } from "./units.js";

/**
 * The cover page (layout "title"). geometry.ts defines only content-slide chrome, so the cover's
 * boxes live here; an accent bar on the left, the logo top left, a large title and subtitle.
 */
const COVER = {
  bar: { x: 0, y: 0, w: 0.28, h: SLIDE_HEIGHT },
  logo: { x: 0.9, y: 0.7, w: 2.6, h: 1.1 },
  title: { x: 0.9, y: 2.1, w: SLIDE_WIDTH - 1.8, h: 1.6 },
  subtitle: { x: 0.9, y: 3.75, w: SLIDE_WIDTH - 1.8, h: 0.6 },
  titleSize: 40,
  subtitleSize: 20,
} as const;

export function drawBackground(ctx: DrawContext): void {
  const { doc, theme } = ctx;
  ctx.tagger.artifact(() => {
    doc.rect(0, 0, pt(SLIDE_WIDTH), pt(SLIDE_HEIGHT)).fill(css(theme.colors.background));
  });
}

export function drawCoverChrome(ctx: DrawContext, deck: Deck, slide: Slide): void {
  const { doc, theme, tagger } = ctx;
  tagger.artifact(() => {
    const bar = rectOf(COVER.bar);
    doc.rect(bar.x, bar.y, bar.w, bar.h).fill(css(theme.colors.primary));
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
  tagger.leaf(ctx.section, "H1", () => {
    drawFitted(
      ctx,
      slide.title,
      rectOf(COVER.title),
      { maxSizePt: COVER.titleSize, weight: "bold", color: theme.colors.primary },
      "bottom",
    );
  });
  if (slide.subtitle) {
    const subtitle = slide.subtitle;
    tagger.leaf(ctx.section, "P", () => {
      drawFitted(ctx, subtitle, rectOf(COVER.subtitle), {
        maxSizePt: COVER.subtitleSize,
        weight: "regular",
        color: theme.colors.muted,
      });
    });
  }
  drawFooter(ctx, deck, null);
}

export function drawContentChrome(ctx: DrawContext, deck: Deck, slide: Slide, pageNumber: number): void {
  const { theme, tagger } = ctx;
  tagger.leaf(ctx.section, "H1", () => {
    drawFitted(
      ctx,
      slide.title,
      rectOf(TITLE_BOX),
      {
        maxSizePt: FONT_SIZES.title,
        minSizePt: FONT_SIZES.subtitle,
        weight: "bold",
        color: theme.colors.primary,
      },
      "middle",
    );
  });
  if (slide.subtitle) {
    const subtitle = slide.subtitle;
    tagger.leaf(ctx.section, "P", () => {
      drawFitted(
        ctx,
        subtitle,
        rectOf(SUBTITLE_BOX),
        { maxSizePt: FONT_SIZES.subtitle, weight: "regular", color: theme.colors.muted },
        "middle",
      );
    });
  }
  if (deck.logo && theme.logo.placement === "every-slide") {
    const logo = deck.logo;
    tagger.artifact(() => ctx.images.draw(logo, rectOf(LOGO_CORNER_BOX), { x: "right", y: "middle" }));
  }
  drawFooter(ctx, deck, pageNumber);
}

/**
 * Footer: a hairline, then meta.footer on the left and, on the right, the classification and the
 * page number ("3 / 12"). The cover carries the classification only.
 */
function drawFooter(ctx: DrawContext, deck: Deck, pageNumber: number | null): void {
  const { doc, theme } = ctx;
  const box = rectOf(FOOTER_BOX);
  const size = FONT_SIZES.footer;
  const gap = pt(0.3);
  ctx.tagger.artifact(() => {
    if (pageNumber !== null) {
      doc
        .moveTo(box.x, box.y - 4)
        .lineTo(box.x + box.w, box.y - 4)
        .lineWidth(0.5)
        .strokeColor(css(mix(theme.colors.muted, "FFFFFF", 0.55)))
        .stroke();
    }
    let right = box.x + box.w;
    if (pageNumber !== null) {
      const label = `${pageNumber} / ${ctx.pageCount}`;
      const width = measure(ctx, label, size, "regular");
      drawLines(
        ctx,
        [label],
        rect(right - width, box.y, width, box.h),
        {
          sizePt: size,
          weight: "regular",
          color: theme.colors.muted,
        },
        "middle",
      );
      right -= width + gap;
    }
    const classification = deck.meta.classification;
    if (classification) {
      const available = rect(box.x + box.w / 2, box.y, right - box.x - box.w / 2, box.h);
      const fitted = fitInRect(ctx, classification, { ...available, h: size * 1.25 }, size, "bold", 6);
      const line = fitted.lines[0] ?? "";
      const width = Math.min(available.w, measure(ctx, line, fitted.sizePt, "bold"));
      const color = deck.meta.audience === "internal" ? theme.colors.bad : theme.colors.muted;
      drawLines(
        ctx,
        [line],
        rect(right - width, box.y, width, box.h),
        {
          sizePt: fitted.sizePt,
          weight: "bold",
          color,
        },
        "middle",
      );
      right -= width + gap;
    }
    if (pageNumber !== null && deck.meta.footer) {
      const available = rect(box.x, box.y, right - box.x, box.h);
      const fitted = fitInRect(ctx, deck.meta.footer, { ...available, h: size * 1.25 }, size, "regular", 6);
      drawLines(
        ctx,
        fitted.lines.slice(0, 1),
        available,
        {
          sizePt: fitted.sizePt,
          weight: "regular",
          color: theme.colors.muted,
        },
        "middle",
      );
    }
  }, "Pagination");
}
