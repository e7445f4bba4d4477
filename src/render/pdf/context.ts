import type { DeckMeta, Theme } from "../../deck/deck-model.js";
import type { Face, FontWeight } from "../fonts.js";
import type { GlyphCollector } from "./glyphs.js";
import type { ImageCache } from "./images.js";
import type { StructElement, Tagger } from "./tagging.js";

export type Doc = PDFKit.PDFDocument;

/** Everything a block or chart needs to draw itself on the current page. */
export interface DrawContext {
  doc: Doc;
  theme: Theme;
  meta: DeckMeta;
  /** BCP 47 tag usable with Intl (meta.language, or "en" when it is not a valid tag). */
  locale: string;
  /** What each weight is drawn with: DejaVu Sans, or the theme's brand faces with DejaVu behind them. */
  fonts: Record<FontWeight, Face>;
  glyphs: GlyphCollector;
  tagger: Tagger;
  images: ImageCache;
  /** The structure element of the current slide (a Sect). */
  section: StructElement;
  /** Problems to report besides missing glyphs (e.g. table rows that did not fit). */
  warnings: string[];
  /** Where the current slide is, for warnings: `pdf slide 3 ("scorecard")`, as the PPTX renderer says it. */
  slideLabel: string;
}
