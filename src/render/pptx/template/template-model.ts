import type { Box } from "../../../deck/deck-model.js";

/**
 * A company PowerPoint template (.potx or .pptx) as the PPTX renderer uses it: the brand's colour
 * and font schemes, the one slide master our decks are built on, the layouts our slides go on
 * (with where their title and content sit), and the parts copied into every deck. Read once per
 * process by read-template.ts; plain data (the parts are bytes), so it can be cached and shared.
 */

export const SCHEME_COLORS = [
  "dk1",
  "lt1",
  "dk2",
  "lt2",
  "accent1",
  "accent2",
  "accent3",
  "accent4",
  "accent5",
  "accent6",
  "hlink",
  "folHlink",
] as const;
export type SchemeColor = (typeof SCHEME_COLORS)[number];

/** The master's colour map: which scheme colour text (tx1, tx2) and backgrounds (bg1, bg2) use. */
export type ColorMap = Record<"bg1" | "tx1" | "bg2" | "tx2", SchemeColor>;

export interface TemplateLayout {
  /** Part name, e.g. "ppt/slideLayouts/slideLayout2.xml". */
  part: string;
  /** The layout's name as PowerPoint shows it ("Title Only"). */
  name: string;
  /** ST_SlideLayoutType ("title", "titleOnly", "obj", "blank", "cust", …). */
  type: string;
  /** The title placeholder's box (inches), its own or the master's; undefined without one. */
  title?: Box;
  /** "ctrTitle" on title slide layouts, else "title". */
  titleType?: "title" | "ctrTitle";
  /** The subtitle placeholder (title slide layouts) and its idx. */
  subtitle?: { box: Box; idx: string };
  /** The layout's slide number placeholder (its box, or the master's), if it shows one. */
  slideNumber?: Box;
  /** Where content goes: the layout's body/object placeholder, else the master's body. */
  content: Box;
}

export interface PptxTemplate {
  /** The file as the user named it, for messages. */
  file: string;
  /** Slide size in inches. */
  slide: { width: number; height: number };
  themeName: string;
  colors: Record<SchemeColor, string>;
  colorMap: ColorMap;
  fonts: { major: string; minor: string };
  /** The master's title size (its title style), which titles are shrunk from when they must fit. */
  titleSizePt: number;
  /** The master's id in the template's presentation.xml (layout ids are numbered after it). */
  masterId: string;
  layouts: TemplateLayout[];
  /**
   * Parts to copy into a deck, under the names they get there (theme → ppt/theme/theme1.xml,
   * master → ppt/slideMasters/slideMaster1.xml, layouts keep theirs, media are prefixed), with
   * their relationships already pointing at those names.
   */
  parts: Map<string, Uint8Array | string>;
  /** Content type of each copied part that needs an override ("/ppt/…" → type). */
  contentTypes: Map<string, string>;
  /** Default content types by extension the copied media need ("png" → "image/png"). */
  defaultTypes: Map<string, string>;
}

/** A template with the layouts chosen for our cover and content slides: what the renderer gets. */
export interface AppliedTemplate {
  template: PptxTemplate;
  cover: TemplateLayout;
  content: TemplateLayout;
}

/** Layouts named in the theme file (`template: { layouts: { cover, content } }`). */
export interface LayoutNames {
  cover?: string;
  content?: string;
}
