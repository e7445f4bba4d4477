import type { Kpi, KpisBlock } from "../../../deck/deck-model.js";
import { FONT_SIZES } from "../../../deck/geometry.js";
import type { Face } from "../../fonts.js";
import { fitText, textWidthPt, type FittedText } from "../../text-fit.js";
import type { DrawContext } from "../context.js";
import { drawLines, fitInRect, lineStep } from "../text.js";
import { accentColor, css, POINTS_PER_INCH, pt, rectOf, toneColor, type Rect } from "../units.js";

/** Tile geometry as in the PPTX: side by side, a stripe on the left, these insets. */
const GAP = pt(0.2);
const STRIPE = pt(0.07);
const PADDING = { left: pt(0.2), right: pt(0.12), top: pt(0.1), bottom: pt(0.08) };
const LINE_GAP = 3;
const DETAIL_SIZE = 10;
const MIN_DETAIL_SIZE = 7;

function tileRects(area: Rect, count: number): Rect[] {
  const w = (area.w - GAP * (count - 1)) / count;
  return Array.from({ length: count }, (_, index) => ({
    x: area.x + index * (w + GAP),
    y: area.y,
    w,
    h: area.h,
  }));
}

function innerRect(tile: Rect): Rect {
  return {
    x: tile.x + PADDING.left,
    y: tile.y + PADDING.top,
    w: tile.w - PADDING.left - PADDING.right,
    h: tile.h - PADDING.top - PADDING.bottom,
  };
}

const MIN_VALUE_SIZE = 10;

/**
 * One value size for all tiles, so that the row reads as a set: the largest (0.5 pt steps) at
 * which every value fits its tile on one line. Values too wide even then are cut with "…".
 */
function valueSize(values: string[], inner: Rect, face: Face): number {
  const widest = Math.max(...values.map((value) => textWidthPt(value, 1, face)));
  const fitting = widest > 0 ? Math.floor((inner.w / widest) * 2) / 2 : FONT_SIZES.kpiValue;
  const tallest = Math.floor((inner.h / 2.4) * 2) / 2;
  return Math.max(MIN_VALUE_SIZE, Math.min(FONT_SIZES.kpiValue, tallest, fitting));
}

interface TileText {
  value: FittedText;
  label: FittedText;
  detail: FittedText | null;
}

/** Value (one line), label (≤ 2 lines) and detail (what room is left) for one tile. */
function layOutTile(ctx: DrawContext, kpi: Kpi, value: string, inner: Rect, valueSizePt: number): TileText {
  const valueText = fitText(
    value,
    { w: inner.w / POINTS_PER_INCH, h: (valueSizePt * 1.3) / POINTS_PER_INCH },
    valueSizePt,
    ctx.fonts.bold,
    valueSizePt,
  );
  const free = inner.h - lineStep(valueSizePt) - LINE_GAP;
  const labelBox = { ...inner, h: Math.max(lineStep(8), Math.min(free, lineStep(FONT_SIZES.kpiLabel) * 2)) };
  const label = fitInRect(ctx, kpi.label, labelBox, FONT_SIZES.kpiLabel, "bold");
  const left = free - label.lines.length * lineStep(label.sizePt) - LINE_GAP;
  const detail =
    kpi.detail && left >= lineStep(MIN_DETAIL_SIZE)
      ? fitInRect(ctx, kpi.detail, { ...inner, h: left }, DETAIL_SIZE, "regular", MIN_DETAIL_SIZE)
      : null;
  return { value: { ...valueText, lines: valueText.lines.slice(0, 1) }, label, detail };
}

function textHeight(text: TileText): number {
  const height = (fitted: FittedText) => fitted.lines.length * lineStep(fitted.sizePt);
  return (
    height(text.value) + LINE_GAP + height(text.label) + (text.detail ? LINE_GAP + height(text.detail) : 0)
  );
}

/** KPI tiles side by side: value large, label, detail; a tone-coloured stripe. One value size for all. */
export function drawKpisBlock(ctx: DrawContext, block: KpisBlock): void {
  const { doc, theme, tagger } = ctx;
  if (block.items.length === 0) return;
  const tiles = tileRects(rectOf(block.box), block.items.length);
  const inners = tiles.map(innerRect);
  const values = block.items.map((kpi) => ctx.glyphs.clean(kpi.value, "bold"));
  const valueSizePt = valueSize(values, inners[0] ?? rectOf(block.box), ctx.fonts.bold);
  const texts = block.items.map((kpi, index) =>
    layOutTile(ctx, kpi, values[index] ?? "", inners[index] ?? rectOf(block.box), valueSizePt),
  );
  // The same top offset in every tile, so that values line up across the row.
  const tallest = Math.max(...texts.map(textHeight));
  block.items.forEach((kpi, index) => {
    const tile = tiles[index];
    const inner = inners[index];
    const text = texts[index];
    if (!tile || !inner || !text) return;
    tagger.artifact(() => {
      doc.rect(tile.x, tile.y, tile.w, tile.h).fill(css(theme.colors.surface));
      doc.rect(tile.x, tile.y, STRIPE, tile.h).fill(css(accentColor(theme, kpi.tone)));
    });
    let y = inner.y + Math.max(0, (inner.h - tallest) / 2);
    const draw = (fitted: FittedText, weight: "regular" | "bold", color: string) => {
      drawLines(
        ctx,
        fitted.lines,
        { ...inner, y, h: fitted.lines.length * lineStep(fitted.sizePt) },
        {
          sizePt: fitted.sizePt,
          weight,
          color,
        },
      );
      y += fitted.lines.length * lineStep(fitted.sizePt) + LINE_GAP;
    };
    tagger.leaf(ctx.section, "P", () => {
      const valueColor =
        kpi.tone && kpi.tone !== "neutral" ? toneColor(theme, kpi.tone) : theme.colors.primary;
      draw(text.value, "bold", valueColor);
      draw(text.label, "bold", theme.colors.text);
      if (text.detail) draw(text.detail, "regular", theme.colors.muted);
    });
  });
}
