/**
 * The renderer-neutral deck: plain, JSON-able data. Built once from an Analysis (deck/build-deck.ts),
 * drawn by every renderer (render/pptx, render/pdf). A renderer never decides *what* a slide says —
 * only how it looks — so audience filtering done while building cannot be undone by a renderer.
 *
 * Geometry is in inches on a 16:9 canvas of SLIDE_WIDTH × SLIDE_HEIGHT (see deck/geometry.ts);
 * every block carries the box it must fit in.
 */

export type Audience = "internal" | "customer";
export type DeckKind = "qbr" | "renewal" | "kickoff" | "onepager";

/** Semantic colour of a piece of content; each renderer maps it through the theme. */
export type Tone = "neutral" | "good" | "warn" | "bad" | "accent" | "muted";

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** How a number on a chart axis or label is written. Renderers turn this into Intl / Excel formats. */
export type NumberFormat =
  /** `counts`: the values are things counted (accounts): axes step by whole numbers, never 0.5. */
  | { style: "number"; decimals: number; unit?: string; counts?: true }
  | { style: "currency"; currency: string; decimals: number }
  | { style: "percent"; decimals: number };

export interface Theme {
  name: string;
  colors: {
    primary: string; // hex without '#', e.g. "1F3A5F": title bars, headings
    accent: string;
    text: string;
    muted: string;
    background: string;
    surface: string; // tiles, table header fill
    good: string;
    warn: string;
    bad: string;
    plan: string; // chart series colours
    actual: string;
    forecast: string;
    target: string;
  };
  fonts: {
    /** Font face names written into the PPTX (the viewer substitutes when missing). */
    heading: string;
    body: string;
  };
  logo: {
    /** Where the account logo is drawn: on the title slide only, or in the corner of every slide. */
    placement: "title" | "every-slide" | "none";
    /**
     * The vendor's own logo (theme file `logo.file`), drawn on the cover beside the account's
     * (without a company template; a template's master brings its own). Absent when none is set.
     */
    vendor?: ImageData;
  };
}

export interface DeckMeta {
  title: string;
  subject: string;
  /** The CSM (document author); empty when unknown. */
  author: string;
  /** The vendor / tool line shown as the company property. */
  company: string;
  keywords: string[];
  language: string;
  audience: Audience;
  kind: DeckKind;
  accountName: string;
  periodLabel: string;
  /** YYYY-MM-DD; renderers use it as the document date so output is reproducible. */
  asOf: string;
  /** Footer text shown on content slides (page numbers are added by the renderer). */
  footer: string;
  /** Optional "confidential" style marker shown in the footer, e.g. "Internal — do not share". */
  classification: string;
  /**
   * Print the slides' notes as pages where a format has no notes of its own (the PDF draws them as
   * "Preparation notes" pages after the slides; the PPTX keeps them as speaker notes). Set on
   * internal decks, whose notes hold the evidence and the questions; never on customer decks.
   */
  printNotes?: { title: string; continued: string } | null;
}

export interface Deck {
  meta: DeckMeta;
  theme: Theme;
  /** Account logo, when the account file names one and the theme places it. */
  logo: ImageData | null;
  slides: Slide[];
}

export interface ImageData {
  mime: "image/png" | "image/jpeg";
  /** Base64 of the file bytes. */
  base64: string;
  widthPx: number;
  heightPx: number;
}

export interface Slide {
  /**
   * Stable id of the part of the deck the slide belongs to ("summary", "goal-backlog"; see
   * deck/slide-ids.ts): continuation pages share it, and `review.hide` / `--deck` name it.
   */
  id: string;
  layout: "title" | "content";
  title: string;
  subtitle?: string;
  blocks: Block[];
  /** Speaker notes, plain text with "\n" line breaks. */
  notes: string;
}

export type Block = TextBlock | BulletsBlock | KpisBlock | TableBlock | ChartBlock | ImageBlock;

export interface TextBlock {
  kind: "text";
  box: Box;
  text: string;
  /** `display`: large type for a slide with little on it (a short agenda), read from across the room. */
  style: "display" | "lead" | "body" | "callout" | "small" | "heading";
  tone?: Tone;
}

export interface BulletItem {
  text: string;
  level?: 0 | 1;
  tone?: Tone;
}

export interface BulletsBlock {
  kind: "bullets";
  box: Box;
  heading?: string;
  items: BulletItem[];
}

export interface Kpi {
  label: string;
  value: string;
  detail?: string;
  tone?: Tone;
}

export interface KpisBlock {
  kind: "kpis";
  box: Box;
  items: Kpi[];
}

export interface TableCell {
  text: string;
  tone?: Tone;
  bold?: boolean;
}

export interface TableColumn {
  header: string;
  align: "left" | "right" | "center";
  /** Relative width; the renderer scales all columns to the box width. */
  width: number;
}

export interface TableBlock {
  kind: "table";
  box: Box;
  columns: TableColumn[];
  rows: TableCell[][];
}

export interface ChartBlock {
  kind: "chart";
  box: Box;
  chart: TimelineChart | BarChart;
  /** Text alternative describing the chart's numbers (PDF alt text, PPTX alt text). */
  alt: string;
}

export type SeriesRole = "plan" | "actual" | "forecast" | "target" | "value" | "planned";

export interface TimePoint {
  /** YYYY-MM-DD */
  date: string;
  value: number;
}

/** Values over calendar dates: plan vs actual vs forecast, with the target as a reference line. */
export interface TimelineChart {
  type: "timeline";
  title: string;
  format: NumberFormat;
  series: { name: string; role: SeriesRole; points: TimePoint[] }[];
  /**
   * `decimals`: how many the line's own label shows ("Target: 80%", not "80.0%" beside an axis
   * that needs one decimal); the chart's format's decimals when absent.
   */
  referenceLines: { label: string; value: number; role: SeriesRole; decimals?: number }[];
}

/** Grouped bars over named categories (e.g. value realized vs planned per goal). */
export interface BarChart {
  type: "bar";
  title: string;
  format: NumberFormat;
  direction: "vertical" | "horizontal";
  categories: string[];
  series: { name: string; role: SeriesRole; values: number[] }[];
}

export interface ImageBlock {
  kind: "image";
  box: Box;
  image: ImageData;
  alt: string;
}
