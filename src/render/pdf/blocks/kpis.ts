import type { Kpi, KpisBlock } from "../../../deck/deck-model.js";
import { FONT_SIZES } from "../../../deck/geometry.js";
import { fitText, type FittedText } from "../../text-fit.js";
import type { DrawContext } from "../context.js";
import { drawLines, fitInRect, lineStep } from "../text.js";
import { css, inset, mix, POINTS_PER_INCH, rectOf, toneColor, type Rect } from "../units.js";

const GAP = 12;
const ACCENT = 5;
const PADDING = 10;
const LINE_GAP = 3;
/** Narrower tiles than this go onto a second row. */
const MIN_TILE_WIDTH = 1.9 * POINTS_PER_INCH;
const DETAIL_SIZE = 10;
const MIN_DETAIL_SIZE = 7;

function tileRects(area: Rect, count: number): Rect[] {
  const maxColumns = Math.max(1, Math.floor((area.w + GAP) / (MIN_TILE_WIDTH + GAP)));
  const rows = Math.ceil(count / Math.min(count, maxColumns));
  const columns = Math.ceil(count / rows);
  const w = (area.w - GAP * (columns - 1)) / columns;
  const h = (area.h - GAP * (rows - 1)) / rows;
  return Array.from({ length: count }, (_, index) => ({
    x: area.x + (index % columns) * (w + GAP),
    y: area.y + Math.floor(index / columns) * (h + GAP),
    w,
    h,
  }));
}

/** One value size for all tiles, so that the row reads as a set: the largest at which each fits one line. */
function valueSize(values: string[], inner: Rect): number {
  const maxSize = Math.max(10, Math.min(FONT_SIZES.kpiValue, inner.h / 2.4));
  const oneLine = { w: inner.w / POINTS_PER_INCH, h: (maxSize * 1.3) / POINTS_PER_INCH };
  return Math.min(maxSize, ...values.map((value) => fitText(value, oneLine, maxSize, "bold", 10).sizePt));
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
    "bold",
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

/** KPI tiles: value large, label, detail; a tone-coloured bar on top. All tiles share one value size. */
export function drawKpisBlock(ctx: DrawContext, block: KpisBlock): void {
  const { doc, theme, tagger } = ctx;
  if (block.items.length === 0) return;
  const tiles = tileRects(rectOf(block.box), block.items.length);
  const inners = tiles.map((tile) => inset({ ...tile, y: tile.y + ACCENT, h: tile.h - ACCENT }, PADDING));
  const values = block.items.map((kpi) => ctx.glyphs.clean(kpi.value, "bold"));
  const valueSizePt = valueSize(values, inners[0] ?? rectOf(block.box));
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
    const accent = toneColor(theme, kpi.tone, theme.colors.accent);
    tagger.artifact(() => {
      doc.roundedRect(tile.x, tile.y, tile.w, tile.h, 4).fill(css(mix(theme.colors.surface, "FFFFFF", 0.1)));
      doc.rect(tile.x, tile.y, tile.w, ACCENT).fill(css(accent));
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
      draw(text.value, "bold", kpi.tone && kpi.tone !== "neutral" ? accent : theme.colors.text);
      draw(text.label, "bold", theme.colors.text);
      if (text.detail) draw(text.detail, "regular", theme.colors.muted);
    });
  });
}
