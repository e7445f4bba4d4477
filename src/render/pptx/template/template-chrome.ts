import type { Block, Box } from "../../../deck/deck-model.js";
import { CONTENT_BOX, COVER, FONT_SIZES, MARGIN, SLIDE_WIDTH, SUBTITLE_BOX } from "../../../deck/geometry.js";
import { fitText } from "../../text-fit.js";
import { excerpt, warnOnSlide, type DrawContext } from "../context.js";
import { containImage, imageDataUri } from "../image-fit.js";
import { SUBTITLE_SHAPE, TITLE_SHAPE, type SlidePlaceholders } from "../postprocess/placeholders.js";
import { drawFittedText } from "../text-box.js";
import { hex } from "../theme.js";
import type { AppliedTemplate, TemplateLayout } from "./template-model.js";

/**
 * A slide on a template's layout: the template's master and layout draw the background, logo and
 * decorations (our top bar, corner logo, footer rule and page number give way); the title goes
 * into the layout's title placeholder (postprocess/placeholders.ts makes it one), and the rest of
 * the slide — subtitle and blocks, laid out by the Deck for our own canvas — is mapped onto the
 * layout's content area, where the renderer fits text and charts into their new boxes as usual.
 * The classification keeps a strip at the bottom of that area: it must stay on every slide.
 */

/** The part of our canvas a content slide's subtitle and blocks live in (Deck geometry). */
const CONTENT_SOURCE: Box = {
  x: MARGIN,
  y: SUBTITLE_BOX.y,
  w: SLIDE_WIDTH - 2 * MARGIN,
  h: CONTENT_BOX.y + CONTENT_BOX.h - SUBTITLE_BOX.y,
};
const CLASSIFICATION_STRIP = 0.3;

export interface TemplateSlide {
  layout: TemplateLayout;
  placeholders: SlidePlaceholders;
  /** Moves a block from our canvas into the layout's area for it. */
  place(block: Block): Block;
}

export function templateSlide(applied: AppliedTemplate, ctx: DrawContext): TemplateSlide {
  const cover = ctx.source.layout === "title";
  const layout = cover ? applied.cover : applied.content;
  const placeholders: SlidePlaceholders = {
    title: layout.titleType ?? "title",
    inherit: true,
    ...(cover && layout.subtitle ? { subtitleIdx: layout.subtitle.idx } : {}),
  };
  const mapping = cover ? coverMapping(applied, layout) : contentMapping(ctx, layout);
  return { layout, placeholders, place: (block) => ({ ...block, box: mapBox(block.box, mapping) }) };
}

interface Mapping {
  from: Box;
  to: Box;
}

function mapBox(box: Box, { from, to }: Mapping): Box {
  const sx = to.w / from.w;
  const sy = to.h / from.h;
  return { x: to.x + (box.x - from.x) * sx, y: to.y + (box.y - from.y) * sy, w: box.w * sx, h: box.h * sy };
}

function contentMapping(ctx: DrawContext, layout: TemplateLayout): Mapping {
  const strip = ctx.deck.meta.classification ? CLASSIFICATION_STRIP : 0;
  const area = layout.content;
  return { from: CONTENT_SOURCE, to: { ...area, h: Math.max(1, area.h - strip) } };
}

/** Where the cover's subtitle goes: the layout's subtitle placeholder, else just below the title. */
function coverSubtitleBox(layout: TemplateLayout): Box {
  if (layout.subtitle) return layout.subtitle.box;
  const title = layout.title ?? layout.content;
  return { x: title.x, y: title.y + title.h + 0.1, w: title.w, h: 0.6 };
}

/** The cover's own blocks (meeting date, author) go below the subtitle, in its width. */
function coverMapping(applied: AppliedTemplate, layout: TemplateLayout): Mapping {
  const anchor = coverSubtitleBox(layout);
  const top = anchor.y + anchor.h + 0.15;
  const height = Math.max(0.6, Math.min(COVER.details.h, applied.template.slide.height - top - 0.5));
  return { from: COVER.details, to: { x: anchor.x, y: top, w: anchor.w, h: height } };
}

export function drawTemplateChrome(ctx: DrawContext, applied: AppliedTemplate, slide: TemplateSlide): void {
  const { layout } = slide;
  const cover = ctx.source.layout === "title";
  drawTitle(ctx, ctx.source.title, layout.title ?? layout.content, applied.template.titleSizePt);
  const { colors, fonts } = ctx.theme;
  if (cover) {
    if (ctx.source.subtitle && layout.subtitle) {
      ctx.slide.addText(ctx.source.subtitle, { ...layout.subtitle.box, objectName: SUBTITLE_SHAPE });
    } else if (ctx.source.subtitle) {
      drawFittedText(ctx, ctx.source.subtitle, coverSubtitleBox(layout), {
        role: "cover subtitle",
        maxSizePt: COVER.subtitleSize,
        fontFace: fonts.body,
        color: hex(colors.muted),
        name: SUBTITLE_SHAPE,
      });
    }
    drawCoverLogo(ctx, layout);
  } else if (ctx.source.subtitle) {
    drawFittedText(
      ctx,
      ctx.source.subtitle,
      slide.place({ kind: "text", box: SUBTITLE_BOX, text: "", style: "body" }).box,
      {
        role: "slide subtitle",
        maxSizePt: FONT_SIZES.subtitle,
        fontFace: fonts.body,
        color: hex(colors.muted),
        valign: "middle",
        name: SUBTITLE_SHAPE,
      },
    );
  }
  drawClassification(ctx, layout);
  // The page number where the layout shows one (a layout without one, like most title slides, has none).
  if (layout.slideNumber) ctx.slide.slideNumber = { ...layout.slideNumber, align: "right", valign: "middle" };
}

/** The title's text only; its size only when it must shrink below the master's to fit. */
function drawTitle(ctx: DrawContext, title: string, box: Box, masterSizePt: number): void {
  const fitted = fitText(title, box, masterSizePt, "bold");
  if (fitted.truncated)
    warnOnSlide(ctx, `slide title "${excerpt(title)}" does not fit the template's title placeholder`);
  ctx.slide.addText(fitted.truncated ? fitted.lines.join(" ") : title, {
    ...box,
    objectName: TITLE_SHAPE,
    ...(fitted.sizePt < masterSizePt ? { fontSize: fitted.sizePt } : {}),
    lang: ctx.deck.meta.language,
  });
}

/** Co-branding on the cover: the template brings the vendor's logo, the account file the customer's. */
function drawCoverLogo(ctx: DrawContext, layout: TemplateLayout): void {
  const logo = ctx.deck.logo;
  if (!logo || ctx.deck.theme.logo.placement === "none") return;
  const anchor = layout.title ?? layout.content;
  const height = Math.min(1.0, Math.max(0.4, anchor.y - 0.4));
  const box: Box = {
    x: anchor.x,
    y: Math.max(0.2, anchor.y - height - 0.2),
    w: Math.min(2.8, anchor.w / 3),
    h: height,
  };
  ctx.slide.addImage({
    data: imageDataUri(logo),
    ...containImage(logo, box, "left"),
    altText: "Account logo",
    objectName: "Logo: account",
  });
}

/** At the bottom of the layout's content area, kept free of blocks: inside the template's own margins. */
function drawClassification(ctx: DrawContext, layout: TemplateLayout): void {
  const text = ctx.deck.meta.classification;
  if (!text) return;
  const area = layout.content;
  const box: Box = {
    x: area.x,
    y: area.y + area.h - CLASSIFICATION_STRIP + 0.05,
    w: area.w,
    h: CLASSIFICATION_STRIP - 0.05,
  };
  drawFittedText(ctx, text, box, {
    role: "classification",
    maxSizePt: FONT_SIZES.footer,
    fontFace: ctx.theme.fonts.body,
    color: hex(ctx.theme.colors.bad),
    bold: true,
    align: "right",
    valign: "middle",
    name: "Classification",
  });
}
