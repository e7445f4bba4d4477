import type { Box } from "./deck-model.js";

/** 16:9 canvas in inches (PowerPoint's "Widescreen"). PDF pages use the same size at 72 pt/in. */
export const SLIDE_WIDTH = 13.333;
export const SLIDE_HEIGHT = 7.5;
export const MARGIN = 0.5;

/** Slide chrome shared by both renderers so that the two formats look alike. */
export const TITLE_BOX: Box = { x: MARGIN, y: 0.3, w: SLIDE_WIDTH - 2 * MARGIN - 1.4, h: 0.75 };
export const SUBTITLE_BOX: Box = { x: MARGIN, y: 1.0, w: SLIDE_WIDTH - 2 * MARGIN, h: 0.35 };
export const LOGO_CORNER_BOX: Box = { x: SLIDE_WIDTH - MARGIN - 1.2, y: 0.3, w: 1.2, h: 0.6 };
export const FOOTER_BOX: Box = { x: MARGIN, y: SLIDE_HEIGHT - 0.45, w: SLIDE_WIDTH - 2 * MARGIN, h: 0.3 };
/** Where blocks go on a content slide. */
export const CONTENT_BOX: Box = {
  x: MARGIN,
  y: 1.45,
  w: SLIDE_WIDTH - 2 * MARGIN,
  h: SLIDE_HEIGHT - 1.45 - 0.6,
};

/** Font sizes in points for each text style; renderers may shrink (never grow) text to fit its box. */
export const FONT_SIZES = {
  title: 28,
  subtitle: 14,
  heading: 16,
  display: 24,
  lead: 18,
  body: 14,
  callout: 16,
  small: 11,
  bullet: 14,
  kpiValue: 26,
  kpiLabel: 11,
  table: 13,
  tableHeader: 12,
  footer: 9,
} as const;

/** The smallest size text may be shrunk to before it is cut with an ellipsis. */
export const MIN_FONT_SIZE = 8;

/**
 * The cover ("title" layout): accent bar on the left, the account's logo top left, the vendor's
 * (theme `logo.file`) top right, large title and subtitle. Each logo keeps its place whether the
 * other is there or not; both boxes are as high and aligned alike, so two logos sit on one line.
 */
export const COVER = {
  bar: { x: 0, y: 0, w: 0.28, h: SLIDE_HEIGHT },
  logo: { x: 0.9, y: 0.7, w: 2.8, h: 1.2 },
  vendorLogo: { x: SLIDE_WIDTH - 0.9 - 2.4, y: 0.7, w: 2.4, h: 1.2 },
  title: { x: 0.9, y: 2.2, w: SLIDE_WIDTH - 1.8, h: 1.7 },
  subtitle: { x: 0.9, y: 4.0, w: SLIDE_WIDTH - 1.8, h: 0.6 },
  /** Where the deck builder puts the cover's own blocks (meeting date, author, as-of). */
  details: { x: 0.9, y: 4.8, w: SLIDE_WIDTH - 1.8, h: 1.2 },
  classification: { x: 0.9, y: SLIDE_HEIGHT - 0.8, w: 8, h: 0.35 },
  titleSize: 40,
  subtitleSize: 20,
} as const;
