import { line } from "d3-shape";
import type { Theme } from "../../../deck/deck-model.js";
import { layoutChart } from "../../chart-layout/layout.js";
import { lineStep } from "../../chart-layout/style.js";
import type { Chart, ChartShape, ChartText, Rect } from "../../chart-layout/types.js";
import { num } from "../markup.js";
import type { SvgCanvas } from "./svg.js";

const POINTS_PER_INCH = 72;

/**
 * The shared chart layout (render/chart-layout/), measured with the page's faces, drawn as SVG.
 * The page draws text as given (the browser falls back for missing glyphs), so nothing is cleaned.
 */
export function drawChart(svg: SvgCanvas, theme: Theme, locale: string, chart: Chart, area: Rect): void {
  const text: ChartText = {
    clean: (value) => value,
    measure: (value, sizePt, weight) => svg.measure(value, sizePt, weight),
    fit: (value, rect, maxSizePt, weight, minSizePt) =>
      svg.fit(
        value,
        { w: rect.w / POINTS_PER_INCH, h: rect.h / POINTS_PER_INCH },
        maxSizePt,
        weight,
        minSizePt,
      ),
  };
  for (const shape of layoutChart({ theme, locale, text }, chart, area)) drawShape(svg, shape);
}

/** Two decimals of a point are finer than any screen shows. */
const seriesPath = line().digits(2);

const horizontalPath = (x1: number, x2: number, y: number) => `M${num(x1)} ${num(y)}H${num(x2)}`;

function drawShape(svg: SvgCanvas, shape: ChartShape): void {
  switch (shape.kind) {
    case "line":
      svg.line(shape.x1, shape.y1, shape.x2, shape.y2, shape.color, shape.width);
      return;
    case "rect":
      svg.rect(shape.x, shape.y, shape.w, shape.h, shape.color);
      return;
    case "series":
      svg.strokePath(seriesPath(shape.points) ?? "", shape.style);
      return;
    case "rule":
      svg.strokePath(horizontalPath(shape.x1, shape.x2, shape.y), shape.style);
      return;
    case "marker":
      svg.circle(shape.x, shape.y, shape.r, shape.fill, shape.outline, shape.outlineWidth);
      return;
    case "swatch":
      svg.strokePath(horizontalPath(shape.x1, shape.x2, shape.y), shape.style);
      if (shape.marker)
        svg.circle(shape.marker.x, shape.y, shape.marker.r, shape.style.color, shape.marker.outline, 1);
      return;
    case "text":
      svg.lines(shape.lines, shape.box, { ...shape.style, align: shape.align }, shape.valign);
      return;
    case "label": {
      // A zero-width box: its left edge or its centre is the anchor.
      const box = { x: shape.x, y: shape.y, w: 0, h: lineStep(shape.style.sizePt) };
      svg.lines([shape.text], box, { ...shape.style, align: shape.anchor === "middle" ? "center" : "left" });
      return;
    }
  }
}
