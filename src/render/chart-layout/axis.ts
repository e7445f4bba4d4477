import type { ScaleLinear } from "d3-scale";
import type { NumberFormat } from "../../deck/deck-model.js";
import { valueScale } from "../chart-scale.js";
import { mix } from "../color.js";
import { tickLabels } from "./format.js";
import { AXIS_GAP, CHART_FONT, lineStep } from "./style.js";
import type { ChartEnv, ChartShape, Rect } from "./types.js";

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
  env: ChartEnv,
  format: NumberFormat,
  values: number[],
  tickCount: number,
  horizontalLength?: number,
): ValueAxis {
  const { text } = env;
  for (let count = Math.max(2, tickCount); ; count--) {
    const { scale, ticks } = valueScale(values, count, format);
    const labels = tickLabels(format, env.locale, ticks).map((label) => text.clean(label, "regular"));
    const labelWidth = Math.max(0, ...labels.map((label) => text.measure(label, CHART_FONT.tick, "regular")));
    const fits =
      horizontalLength === undefined || ticks.length * (labelWidth + MIN_LABEL_SPACING) <= horizontalLength;
    if (fits || count <= 2) return { scale, ticks, labels, labelWidth };
  }
}

/**
 * Gridlines at the value ticks, the zero line darker, then the tick labels: left of the plot
 * ("vertical": values run up the page) or under it ("horizontal": left to right).
 */
export function valueGrid(
  env: ChartEnv,
  axis: ValueAxis,
  plot: Rect,
  orientation: "vertical" | "horizontal",
): ChartShape[] {
  const { colors } = env.theme;
  const grid = mix(colors.muted, "FFFFFF", 0.75);
  const shapes: ChartShape[] = axis.ticks.map((tick) => {
    const at = axis.scale(tick);
    const color = tick === 0 ? colors.muted : grid;
    const width = tick === 0 ? 1 : 0.5;
    return orientation === "vertical"
      ? { kind: "line", x1: plot.x, y1: at, x2: plot.x + plot.w, y2: at, color, width }
      : { kind: "line", x1: at, y1: plot.y, x2: at, y2: plot.y + plot.h, color, width };
  });
  const style = { sizePt: CHART_FONT.tick, weight: "regular" as const, color: colors.muted };
  axis.ticks.forEach((tick, index) => {
    const label = axis.labels[index] ?? "";
    const at = axis.scale(tick);
    if (orientation === "vertical") {
      const box = { x: plot.x - axis.labelWidth - AXIS_GAP, y: at - lineStep(style.sizePt) / 2 };
      shapes.push({
        kind: "text",
        lines: [label],
        box: { ...box, w: axis.labelWidth, h: lineStep(style.sizePt) },
        align: "right",
        valign: "top",
        style,
      });
    } else {
      const width = env.text.measure(label, style.sizePt, "regular");
      shapes.push({
        kind: "label",
        text: label,
        x: at - width / 2,
        y: plot.y + plot.h + AXIS_GAP,
        anchor: "start",
        width,
        style,
      });
    }
  });
  return shapes;
}
