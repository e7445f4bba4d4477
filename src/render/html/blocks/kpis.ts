import type { Kpi, KpisBlock } from "../../../deck/deck-model.js";
import { FONT_SIZES } from "../../../deck/geometry.js";
import { fitText, LINE_HEIGHT, textWidthPt } from "../../text-fit.js";
import { accentColor, toneColor } from "../../pdf/units.js";
import type { Face } from "../../fonts.js";
import type { HtmlContext } from "../context.js";
import { boxStyle, element, escapeText, hex, pt } from "../markup.js";
import { fittedContent } from "./text.js";

/** Tile geometry in points, as the PDF and PPTX draw tiles (styles.ts holds the same insets). */
const GAP = 14.4;
const PADDING = { left: 14.4, right: 8.64, top: 7.2, bottom: 5.76 };
const LINE_GAP = 3;
const DETAIL_SIZE = 10;
const MIN_DETAIL_SIZE = 7;
const MIN_VALUE_SIZE = 10;
const POINTS_PER_INCH = 72;

const lineStep = (sizePt: number) => sizePt * LINE_HEIGHT;

/** One value size for the row: the largest (0.5 pt steps) at which every value fits on one line. */
function valueSize(values: string[], inner: { w: number; h: number }, face: Face): number {
  const widest = Math.max(...values.map((value) => textWidthPt(value, 1, face)));
  const fitting = widest > 0 ? Math.floor((inner.w / widest) * 2) / 2 : FONT_SIZES.kpiValue;
  const tallest = Math.floor((inner.h / 2.4) * 2) / 2;
  return Math.max(MIN_VALUE_SIZE, Math.min(FONT_SIZES.kpiValue, tallest, fitting));
}

interface Tile {
  /** The tile's markup, given how far below the padding its text starts. */
  markup(offset: number): string;
  /** The height of its text in points. */
  height: number;
}

function tile(ctx: HtmlContext, kpi: Kpi, inner: { w: number; h: number }, valueSizePt: number): Tile {
  const box = (h: number) => ({ w: inner.w / POINTS_PER_INCH, h: h / POINTS_PER_INCH });
  const free = inner.h - lineStep(valueSizePt) - LINE_GAP;
  const labelHeight = Math.max(lineStep(8), Math.min(free, lineStep(FONT_SIZES.kpiLabel) * 2));
  const label = fitText(kpi.label, box(labelHeight), FONT_SIZES.kpiLabel, ctx.fonts.bold);
  const left = free - label.lines.length * lineStep(label.sizePt) - LINE_GAP;
  const detail =
    kpi.detail && left >= lineStep(MIN_DETAIL_SIZE)
      ? fitText(kpi.detail, box(left), DETAIL_SIZE, ctx.fonts.regular, MIN_DETAIL_SIZE)
      : null;
  const toned = kpi.tone && kpi.tone !== "neutral";
  const parts = [
    element(
      "span",
      {
        class: "value",
        style: `font-size:${pt(valueSizePt)}${toned ? `;color:${hex(toneColor(ctx.theme, kpi.tone))}` : ""}`,
      },
      escapeText(kpi.value),
    ),
    element(
      "span",
      { class: "label", style: `font-size:${pt(label.sizePt)}` },
      fittedContent(label.lines, label.truncated, kpi.label),
    ),
    detail && kpi.detail
      ? element(
          "span",
          { class: "detail", style: `font-size:${pt(detail.sizePt)}` },
          fittedContent(detail.lines, detail.truncated, kpi.detail),
        )
      : "",
  ];
  const height =
    lineStep(valueSizePt) +
    LINE_GAP +
    label.lines.length * lineStep(label.sizePt) +
    (detail ? LINE_GAP + detail.lines.length * lineStep(detail.sizePt) : 0);
  const stripe = `border-left-color:${hex(accentColor(ctx.theme, kpi.tone))}`;
  return {
    height,
    markup: (offset) =>
      element(
        "li",
        { class: "kpi", style: `${stripe};padding-top:${pt(PADDING.top + offset)}` },
        parts.join(""),
      ),
  };
}

/** KPI tiles side by side, as a list: value large, label, detail. */
export function kpisBlock(ctx: HtmlContext, block: KpisBlock): string {
  if (block.items.length === 0) return "";
  const count = block.items.length;
  const tileWidth = (block.box.w * POINTS_PER_INCH - GAP * (count - 1)) / count;
  const inner = {
    w: tileWidth - PADDING.left - PADDING.right,
    h: block.box.h * POINTS_PER_INCH - PADDING.top - PADDING.bottom,
  };
  const size = valueSize(
    block.items.map((kpi) => kpi.value),
    inner,
    ctx.fonts.bold,
  );
  const tiles = block.items.map((kpi) => tile(ctx, kpi, inner, size));
  // The same top offset in every tile, so that values line up across the row (as in the PDF).
  const tallest = Math.max(...tiles.map((entry) => entry.height));
  const offset = Math.max(0, (inner.h - tallest) / 2);
  const markup = tiles.map((entry) => entry.markup(offset)).join("");
  return element("ul", { class: "kpis", style: boxStyle(block.box) }, markup);
}
