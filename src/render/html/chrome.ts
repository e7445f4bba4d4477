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
import { fitText, LINE_HEIGHT } from "../text-fit.js";
import type { Face } from "../fonts.js";
import type { PageFonts } from "./font-face.js";
import { fittedContent } from "./blocks/text.js";
import { dataUri } from "./blocks/image.js";
import { boxStyle, element, inches, pt, voidElement } from "./markup.js";

/**
 * Slide chrome placed as render/pdf/chrome.ts places it: content slides get the top bar, the
 * title (h2) and subtitle, the corner logo and the footer; the cover (h1) a band on the left, the
 * logo, a large title and the classification. Decoration is hidden from screen readers.
 */
const TOP_BAR_HEIGHT = 0.08;
const COVER_RULE: Box = { x: COVER.title.x, y: COVER.title.y + COVER.title.h + 0.01, w: 1.6, h: 0.05 };
const PAGE_NUMBER_WIDTH = 0.6;
const FOOTER_TEXT_SHARE = 0.6;
const FOOTER_RULE_GAP = 0.06;

type VAlign = "top" | "middle" | "bottom";

function fittedText(
  tag: string,
  text: string,
  box: Box,
  sizes: { max: number; min?: number },
  face: Face,
  classes: string,
  valign: VAlign,
  id?: string,
): string {
  const fitted = fitText(text, box, sizes.max, face, sizes.min);
  return element(
    tag,
    { id, class: `stack ${valign} ${classes}`, style: `${boxStyle(box)};font-size:${pt(fitted.sizePt)}` },
    fittedContent(fitted.lines, fitted.truncated, text),
  );
}

function fill(box: Box, color: "primary" | "accent"): string {
  return element("div", { "aria-hidden": "true", style: `${boxStyle(box)};background:var(--${color})` }, "");
}

export function coverChrome(deck: Deck, slide: Slide, titleId: string, fonts: PageFonts): string {
  const parts = [fill(COVER.bar, "primary"), fill(COVER_RULE, "accent")];
  if (deck.logo && deck.theme.logo.placement !== "none") {
    parts.push(
      voidElement("img", {
        class: "logo",
        src: dataUri(deck.logo),
        alt: `${deck.meta.accountName} logo`,
        style: `${boxStyle(COVER.logo)};object-position:left top`,
      }),
    );
  }
  parts.push(
    fittedText(
      "h1",
      slide.title,
      COVER.title,
      { max: COVER.titleSize },
      fonts.bold,
      "title",
      "bottom",
      titleId,
    ),
  );
  if (slide.subtitle) {
    parts.push(
      fittedText(
        "p",
        slide.subtitle,
        COVER.subtitle,
        { max: COVER.subtitleSize },
        fonts.regular,
        "muted",
        "top",
      ),
    );
  }
  if (deck.meta.classification) {
    parts.push(
      fittedText(
        "p",
        deck.meta.classification,
        COVER.classification,
        { max: FONT_SIZES.small },
        fonts.bold,
        "muted",
        "bottom",
      ),
    );
  }
  return parts.join("");
}

export function contentChrome(
  deck: Deck,
  slide: Slide,
  pageNumber: number,
  titleId: string,
  fonts: PageFonts,
): string {
  const parts = [fill({ x: 0, y: 0, w: SLIDE_WIDTH, h: TOP_BAR_HEIGHT }, "primary")];
  const title = { max: FONT_SIZES.title, min: FONT_SIZES.subtitle };
  parts.push(
    fittedText(
      "h2",
      slide.title,
      TITLE_BOX,
      title,
      fonts.bold,
      "title",
      slide.subtitle ? "bottom" : "middle",
      titleId,
    ),
  );
  if (slide.subtitle) {
    parts.push(
      fittedText(
        "p",
        slide.subtitle,
        SUBTITLE_BOX,
        { max: FONT_SIZES.subtitle },
        fonts.regular,
        "muted",
        "middle",
      ),
    );
  }
  if (deck.logo && deck.theme.logo.placement === "every-slide") {
    // Decoration, drawn from the one copy of the image in the style sheet (styles.ts).
    parts.push(
      element("div", { class: "corner-logo", "aria-hidden": "true", style: boxStyle(LOGO_CORNER_BOX) }, ""),
    );
  }
  parts.push(footer(deck, pageNumber, fonts));
  return parts.join("");
}

/** One line each, shrunk down to 6 pt and then cut, as the PDF's footer. */
function footerPart(text: string, widthIn: number, face: Face, className: string): string {
  const height = (FONT_SIZES.footer * LINE_HEIGHT * 1.05) / 72;
  const fitted = fitText(text, { w: widthIn, h: height }, FONT_SIZES.footer, face, 6);
  return element(
    "span",
    { class: className, style: `width:${inches(widthIn)};font-size:${pt(fitted.sizePt)}` },
    fittedContent(fitted.lines.slice(0, 1), fitted.truncated, text),
  );
}

function footer(deck: Deck, pageNumber: number, fonts: PageFonts): string {
  const box = FOOTER_BOX;
  const textWidth = (box.w - PAGE_NUMBER_WIDTH) * FOOTER_TEXT_SHARE;
  const classificationWidth = box.w - textWidth - PAGE_NUMBER_WIDTH - 0.2;
  const parts = [
    footerPart(deck.meta.footer, textWidth - 0.2, fonts.regular, "text"),
    deck.meta.classification
      ? footerPart(deck.meta.classification, classificationWidth, fonts.bold, "classification")
      : element("span", { style: `width:${inches(classificationWidth)}` }, ""),
    element(
      "span",
      { class: "page", style: `width:${inches(PAGE_NUMBER_WIDTH)};font-size:${pt(FONT_SIZES.footer)}` },
      String(pageNumber),
    ),
  ];
  const area = { ...box, y: box.y - FOOTER_RULE_GAP, h: box.h + FOOTER_RULE_GAP };
  return element(
    "footer",
    { class: "footer", style: `${boxStyle(area)};padding-top:${inches(FOOTER_RULE_GAP)}` },
    parts.join(""),
  );
}
