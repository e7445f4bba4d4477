import type { Block } from "../../../deck/deck-model.js";
import type { DrawContext } from "../context.js";
import { drawBulletsBlock } from "./bullets.js";
import { drawChartBlock } from "./chart.js";
import { drawImageBlock } from "./image.js";
import { drawKpisBlock } from "./kpis.js";
import { drawTableBlock } from "./table.js";
import { drawTextBlock } from "./text.js";

export function drawBlock(ctx: DrawContext, block: Block): void {
  switch (block.kind) {
    case "text":
      return drawTextBlock(ctx, block);
    case "bullets":
      return drawBulletsBlock(ctx, block);
    case "kpis":
      return drawKpisBlock(ctx, block);
    case "table":
      return drawTableBlock(ctx, block);
    case "chart":
      return drawChartBlock(ctx, block);
    case "image":
      return drawImageBlock(ctx, block);
  }
}
