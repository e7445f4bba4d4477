import { line } from "d3-shape";
import { layoutChart } from "../../chart-layout/layout.js";
import type { Chart, ChartShape, ChartText, Rect, SwatchShape } from "../../chart-layout/types.js";
import { isDotted, type SeriesStyle } from "../../chart-style.js";
import type { DrawContext } from "../context.js";
import { drawLines, fitInRect, lineStep, measure } from "../text.js";
import { css } from "../units.js";

/** The shared chart layout (render/chart-layout/), measured with the document's fonts, drawn with pdfkit. */
export function drawChart(ctx: DrawContext, chart: Chart, area: Rect): void {
  const text: ChartText = {
    clean: (value, weight) => ctx.glyphs.clean(value, weight),
    measure: (value, sizePt, weight) => measure(ctx, value, sizePt, weight),
    fit: (value, rect, maxSizePt, weight, minSizePt) =>
      fitInRect(ctx, value, rect, maxSizePt, weight, minSizePt),
  };
  for (const shape of layoutChart({ theme: ctx.theme, locale: ctx.locale, text }, chart, area)) {
    drawShape(ctx, shape);
  }
}

/** d3's path of a series at its default precision (the numbers the PDFs were made with). */
const seriesPath = line();

function drawShape(ctx: DrawContext, shape: ChartShape): void {
  const { doc } = ctx;
  switch (shape.kind) {
    case "line":
      doc
        .moveTo(shape.x1, shape.y1)
        .lineTo(shape.x2, shape.y2)
        .lineWidth(shape.width)
        .stroke(css(shape.color));
      return;
    case "rect":
      doc.rect(shape.x, shape.y, shape.w, shape.h).fill(css(shape.color));
      return;
    case "series":
      stroke(ctx, seriesPath(shape.points) ?? "", shape.style);
      return;
    case "rule":
      stroke(ctx, `M${shape.x1},${shape.y}H${shape.x2}`, shape.style);
      return;
    case "marker":
      doc
        .circle(shape.x, shape.y, shape.r)
        .lineWidth(shape.outlineWidth)
        .fillAndStroke(css(shape.fill), css(shape.outline));
      return;
    case "swatch":
      drawSwatch(ctx, shape);
      return;
    case "text":
      drawLines(ctx, shape.lines, shape.box, { ...shape.style, align: shape.align }, shape.valign);
      return;
    case "label": {
      // Drawn left-aligned from where its measured width puts its left edge.
      const x = shape.anchor === "middle" ? shape.x - shape.width / 2 : shape.x;
      drawLines(
        ctx,
        [shape.text],
        { x, y: shape.y, w: shape.width, h: lineStep(shape.style.sizePt) },
        shape.style,
      );
      return;
    }
  }
}

/**
 * Saves the graphics state and sets a series' pen: its role's width and dashes, dots with round
 * caps, and round joins where asked (the caller restores).
 */
function pen(ctx: DrawContext, style: SeriesStyle, roundJoins: boolean): void {
  const { doc } = ctx;
  doc.save().lineWidth(style.width);
  if (roundJoins) doc.lineJoin("round");
  doc.lineCap(isDotted(style) ? "round" : "butt");
  if (style.dash) doc.dash(style.dash[0], { space: style.dash[1] });
}

/** A series or reference line. */
function stroke(ctx: DrawContext, d: string, style: SeriesStyle): void {
  pen(ctx, style, true);
  ctx.doc.path(d).stroke(css(style.color));
  ctx.doc.restore();
}

/**
 * A legend's line sample. One segment has no joins, so none is set (nor the marker's outline
 * width): the PDFs have always been drawn so, and setting them would change their bytes.
 */
function drawSwatch(ctx: DrawContext, shape: SwatchShape): void {
  const { doc } = ctx;
  const { style } = shape;
  pen(ctx, style, false);
  doc.moveTo(shape.x1, shape.y).lineTo(shape.x2, shape.y).stroke(css(style.color));
  doc.restore();
  if (shape.marker) {
    doc
      .circle(shape.marker.x, shape.y, shape.marker.r)
      .fillAndStroke(css(style.color), css(shape.marker.outline));
  }
}
