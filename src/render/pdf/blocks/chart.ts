import type { ChartBlock } from "../../../deck/deck-model.js";
import { drawChart } from "../charts/draw.js";
import type { DrawContext } from "../context.js";
import { rectOf } from "../units.js";

/** A chart is one Figure for screen readers; its alt text carries the numbers. */
export function drawChartBlock(ctx: DrawContext, block: ChartBlock): void {
  const area = rectOf(block.box);
  ctx.tagger.leaf(ctx.section, "Figure", () => drawChart(ctx, block.chart, area), {
    alt: block.alt,
    bbox: [area.x, area.y, area.x + area.w, area.y + area.h],
  });
}
