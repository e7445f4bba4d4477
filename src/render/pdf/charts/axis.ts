import type { ScaleLinear } from "d3-scale";
import type { NumberFormat } from "../../../deck/deck-model.js";
import { valueScale } from "../../chart-scale.js";
import type { DrawContext } from "../context.js";
import { drawLabel, lineStep, measure } from "../text.js";
import { css, mix, type Rect } from "../units.js";
import { tickLabels } from "./format.js";
import { CHART_FONT } from "./style.js";

export interface ValueAxis {
  scale: ScaleLinear<number, number>;
  ticks: number[];
  labels: string[];
  /** Width of the widest tick label in points. */
  labelWidth: number;
}

const MIN_LABEL_SPACING = 12;

/**
 * A value scale over `values` (always including zero), with d3's nice ticks labelled per the
 * chart's NumberFormat. The range is set by the caller once the plot area is known. With
 * `horizontalLength` (values left to right), ticks are thinned until their labels fit side by side.
 */
export function valueAxis(
  ctx: DrawContext,
  format: NumberFormat,
  values: number[],
  tickCount: number,
  horizontalLength?: number,
): ValueAxis {
  for (let count = Math.max(2, tickCount); ; count--) {
    const { scale, ticks } = valueScale(values, count, format);
    const labels = tickLabels(format, ctx.locale, ticks).map((label) => ctx.glyphs.clean(label, "regular"));
    const labelWidth = Math.max(0, ...labels.map((label) => measure(ctx, label, CHART_FONT.tick, "regular")));
    const fits =
      horizontalLength === undefined || ticks.length * (labelWidth + MIN_LABEL_SPACING) <= horizontalLength;
    if (fits || count <= 2) return { scale, ticks, labels, labelWidth };
  }
}

export const AXIS_GAP = 6;

/**
 * Gridlines at the value ticks; the zero line darker. "vertical" means values run up the page
 * (timeline, vertical bars), "horizontal" left to right.
 */
export function drawValueGrid(
  ctx: DrawContext,
  axis: ValueAxis,
  plot: Rect,
  orientation: "vertical" | "horizontal",
): void {
  const { doc, theme } = ctx;
  const grid = css(mix(theme.colors.muted, "FFFFFF", 0.75));
  for (const tick of axis.ticks) {
    const at = axis.scale(tick);
    if (orientation === "vertical") doc.moveTo(plot.x, at).lineTo(plot.x + plot.w, at);
    else doc.moveTo(at, plot.y).lineTo(at, plot.y + plot.h);
    doc.lineWidth(tick === 0 ? 1 : 0.5).stroke(tick === 0 ? css(theme.colors.muted) : grid);
  }
}

/** Tick labels left of the plot ("vertical") or under it ("horizontal"). */
export function drawValueTicks(
  ctx: DrawContext,
  axis: ValueAxis,
  plot: Rect,
  orientation: "vertical" | "horizontal",
): void {
  const size = CHART_FONT.tick;
  const color = ctx.theme.colors.muted;
  axis.ticks.forEach((tick, index) => {
    const label = axis.labels[index] ?? "";
    const at = axis.scale(tick);
    if (orientation === "vertical") {
      drawLabel(ctx, label, plot.x - axis.labelWidth - AXIS_GAP, at - lineStep(size) / 2, axis.labelWidth, {
        sizePt: size,
        weight: "regular",
        color,
        align: "right",
      });
    } else {
      const width = measure(ctx, label, size, "regular");
      drawLabel(ctx, label, at - width / 2, plot.y + plot.h + AXIS_GAP, width + 1, {
        sizePt: size,
        weight: "regular",
        color,
      });
    }
  });
}
