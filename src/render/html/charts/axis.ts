import type { ScaleLinear } from "d3-scale";
import type { NumberFormat, Theme } from "../../../deck/deck-model.js";
import { valueScale } from "../../chart-scale.js";
import { tickLabels } from "../../pdf/charts/format.js";
import { CHART_FONT } from "../../pdf/charts/style.js";
import { mix } from "../../pdf/units.js";
import { lineStep, type Rect, type SvgCanvas } from "./svg.js";

/** The value axis as render/pdf/charts/axis.ts computes it: same domain, ticks and label widths. */
export interface ValueAxis {
  scale: ScaleLinear<number, number>;
  ticks: number[];
  labels: string[];
  labelWidth: number;
}

const MIN_LABEL_SPACING = 12;
export const AXIS_GAP = 6;

export function valueAxis(
  svg: SvgCanvas,
  format: NumberFormat,
  locale: string,
  values: number[],
  tickCount: number,
  horizontalLength?: number,
): ValueAxis {
  for (let count = Math.max(2, tickCount); ; count--) {
    const { scale, ticks } = valueScale(values, count, format);
    const labels = tickLabels(format, locale, ticks);
    const labelWidth = Math.max(0, ...labels.map((label) => svg.measure(label, CHART_FONT.tick, "regular")));
    const fits =
      horizontalLength === undefined || ticks.length * (labelWidth + MIN_LABEL_SPACING) <= horizontalLength;
    if (fits || count <= 2) return { scale, ticks, labels, labelWidth };
  }
}

export function drawValueGrid(
  svg: SvgCanvas,
  theme: Theme,
  axis: ValueAxis,
  plot: Rect,
  orientation: "vertical" | "horizontal",
): void {
  const grid = mix(theme.colors.muted, "FFFFFF", 0.75);
  for (const tick of axis.ticks) {
    const at = axis.scale(tick);
    const color = tick === 0 ? theme.colors.muted : grid;
    const width = tick === 0 ? 1 : 0.5;
    if (orientation === "vertical") svg.line(plot.x, at, plot.x + plot.w, at, color, width);
    else svg.line(at, plot.y, at, plot.y + plot.h, color, width);
  }
}

export function drawValueTicks(
  svg: SvgCanvas,
  theme: Theme,
  axis: ValueAxis,
  plot: Rect,
  orientation: "vertical" | "horizontal",
): void {
  const style = { sizePt: CHART_FONT.tick, weight: "regular" as const, color: theme.colors.muted };
  axis.ticks.forEach((tick, index) => {
    const label = axis.labels[index] ?? "";
    const at = axis.scale(tick);
    if (orientation === "vertical") {
      const x = plot.x - axis.labelWidth - AXIS_GAP;
      svg.label(label, x, at - lineStep(style.sizePt) / 2, axis.labelWidth, { ...style, align: "right" });
    } else {
      const width = svg.measure(label, style.sizePt, "regular");
      svg.label(label, at - width / 2, plot.y + plot.h + AXIS_GAP, width, style);
    }
  });
}
