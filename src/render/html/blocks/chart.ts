import type { ChartBlock } from "../../../deck/deck-model.js";
import { drawChart } from "../charts/draw.js";
import { SvgCanvas } from "../charts/svg.js";
import type { HtmlContext } from "../context.js";
import { boxStyle, element, escapeText, num } from "../markup.js";

const POINTS_PER_INCH = 72;

/**
 * Inline SVG (the HTML parser puts it in the SVG namespace, so no xmlns URL is written). A chart is one image for screen readers, as in the tagged PDF: role="img", named by the same
 * alt text (which carries the numbers), with the chart's title and that text as <title> and <desc>.
 */
export function chartBlock(ctx: HtmlContext, block: ChartBlock, index: number): string {
  const w = block.box.w * POINTS_PER_INCH;
  const h = block.box.h * POINTS_PER_INCH;
  const svg = new SvgCanvas(ctx.fonts);
  const area = { x: 0, y: 0, w, h };
  drawChart(svg, ctx.theme, ctx.locale, block.chart, area);
  const id = `${ctx.idPrefix}-chart-${index + 1}`;
  const drawing = element(
    "svg",
    {
      viewBox: `0 0 ${num(w)} ${num(h)}`,
      role: "img",
      "aria-label": block.alt,
      "aria-describedby": `${id}-desc`,
    },
    `<title>${escapeText(block.chart.title || block.alt)}</title><desc id="${id}-desc">${escapeText(block.alt)}</desc>${svg.toString()}`,
  );
  return element("figure", { class: "chart", style: boxStyle(block.box) }, drawing);
}
