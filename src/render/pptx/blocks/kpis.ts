import type { Box, Kpi, KpisBlock } from "../../../deck/deck-model.js";
import { FONT_SIZES } from "../../../deck/geometry.js";
import { shapeName, type DrawContext } from "../context.js";
import { drawFittedText } from "../text-box.js";
import { accentColor, hex, toneColor } from "../theme.js";

const TILE_GAP = 0.2;
const STRIPE = 0.07;
const PADDING = { left: 0.2, right: 0.12, top: 0.1, bottom: 0.08 };
/** Vertical share of the tile interior for value, label and detail. */
const ROWS = { value: 0.46, label: 0.24 } as const;

/** KPI tiles side by side: a tinted panel, a tone-coloured stripe, the value big, label and detail below. */
export function drawKpisBlock(ctx: DrawContext, block: KpisBlock): void {
  const count = block.items.length;
  if (count === 0) return;
  const tileWidth = (block.box.w - TILE_GAP * (count - 1)) / count;
  block.items.forEach((kpi, index) => {
    drawTile(ctx, kpi, {
      x: block.box.x + index * (tileWidth + TILE_GAP),
      y: block.box.y,
      w: tileWidth,
      h: block.box.h,
    });
  });
}

function drawTile(ctx: DrawContext, kpi: Kpi, tile: Box): void {
  const { colors, fonts } = ctx.theme;
  const name = shapeName("KPI", kpi.label);
  ctx.slide.addShape("rect", { ...tile, fill: { color: hex(colors.surface) }, objectName: name });
  ctx.slide.addShape("rect", {
    objectName: `${name} (stripe)`,
    x: tile.x,
    y: tile.y,
    w: STRIPE,
    h: tile.h,
    fill: { color: accentColor(ctx.theme, kpi.tone) },
  });
  const inner = {
    x: tile.x + PADDING.left,
    y: tile.y + PADDING.top,
    w: tile.w - PADDING.left - PADDING.right,
    h: tile.h - PADDING.top - PADDING.bottom,
  };
  const valueHeight = inner.h * (kpi.detail ? ROWS.value : ROWS.value + 0.12);
  const labelHeight = inner.h * ROWS.label;
  drawFittedText(
    ctx,
    kpi.value,
    { ...inner, h: valueHeight },
    {
      role: "KPI value",
      name: `${name} (value)`,
      maxSizePt: FONT_SIZES.kpiValue,
      fontFace: fonts.heading,
      color: kpi.tone && kpi.tone !== "neutral" ? toneColor(ctx.theme, kpi.tone) : hex(colors.primary),
      bold: true,
      valign: "bottom",
    },
  );
  drawFittedText(
    ctx,
    kpi.label,
    { ...inner, y: inner.y + valueHeight, h: labelHeight },
    {
      role: "KPI label",
      name: `${name} (label)`,
      maxSizePt: FONT_SIZES.kpiLabel,
      fontFace: fonts.body,
      color: hex(colors.text),
      bold: true,
      valign: "top",
    },
  );
  if (kpi.detail) {
    const top = inner.y + valueHeight + labelHeight;
    drawFittedText(
      ctx,
      kpi.detail,
      { ...inner, y: top, h: inner.y + inner.h - top },
      {
        role: "KPI detail",
        name: `${name} (detail)`,
        maxSizePt: FONT_SIZES.small,
        fontFace: fonts.body,
        color: hex(colors.muted),
        valign: "top",
      },
    );
  }
}
