import type { Theme } from "../../../deck/deck-model.js";
import type { SeriesStyle } from "../../chart-style.js";
import { CHART_FONT } from "../../pdf/charts/style.js";
import { num } from "../markup.js";
import { lineStep, type Rect, type SvgCanvas } from "./svg.js";

/** Title and legend as render/pdf/charts/frame.ts draws them. */
export interface LegendEntry {
  label: string;
  style: SeriesStyle;
  swatch: "line" | "box";
}

const SWATCH_LINE = 22;
const SWATCH_BOX = 9;
const SWATCH_GAP = 5;
const ENTRY_GAP = 16;
const TITLE_GAP = 4;
const POINTS_PER_INCH = 72;

export function drawFrame(
  svg: SvgCanvas,
  theme: Theme,
  title: string,
  legend: LegendEntry[],
  area: Rect,
): Rect {
  let top = area.y;
  if (title) {
    const box = {
      w: area.w / POINTS_PER_INCH,
      h: Math.min(area.h / 4, lineStep(CHART_FONT.title) * 2) / POINTS_PER_INCH,
    };
    const fitted = svg.fit(title, box, CHART_FONT.title, "bold", 9);
    svg.lines(
      fitted.lines,
      { ...area, h: box.h * POINTS_PER_INCH },
      {
        sizePt: fitted.sizePt,
        weight: "bold",
        color: theme.colors.text,
      },
    );
    top += fitted.lines.length * lineStep(fitted.sizePt) + TITLE_GAP;
  }
  if (legend.length > 0) top += drawLegend(svg, theme, legend, { ...area, y: top }) + TITLE_GAP * 2;
  return { x: area.x, y: top, w: area.w, h: Math.max(0, area.y + area.h - top) };
}

function drawLegend(svg: SvgCanvas, theme: Theme, entries: LegendEntry[], area: Rect): number {
  const size = CHART_FONT.legend;
  const rowHeight = lineStep(size) + 2;
  let x = area.x;
  let y = area.y;
  for (const entry of entries) {
    const swatch = entry.swatch === "line" ? SWATCH_LINE : SWATCH_BOX;
    const width = swatch + SWATCH_GAP + svg.measure(entry.label, size, "regular");
    if (x > area.x && x + width > area.x + area.w) {
      x = area.x;
      y += rowHeight;
    }
    const middle = y + lineStep(size) / 2;
    const { style } = entry;
    if (entry.swatch === "box") {
      svg.rect(x, middle - SWATCH_BOX / 2, SWATCH_BOX, SWATCH_BOX, style.color);
    } else {
      svg.strokePath(`M${num(x)} ${num(middle)}H${num(x + SWATCH_LINE)}`, style);
      if (style.markers) svg.circle(x + SWATCH_LINE / 2, middle, 3, style.color, "FFFFFF", 1);
    }
    svg.label(entry.label, x + swatch + SWATCH_GAP, y, width, {
      sizePt: size,
      weight: "regular",
      color: theme.colors.text,
    });
    x += width + ENTRY_GAP;
  }
  return y + rowHeight - area.y;
}
