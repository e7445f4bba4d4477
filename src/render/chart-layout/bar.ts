import type { BarChart } from "../../deck/deck-model.js";
import { valueAxis, valueGrid, type ValueAxis } from "./axis.js";
import {
  bands,
  barSeries,
  CATEGORY_SIZE,
  MIN_LABEL_SIZE,
  valueLabels,
  type Bands,
  type BarSeries,
  type ValueLabels,
} from "./bar-parts.js";
import { frame } from "./frame.js";
import { AXIS_GAP, CHART_FONT, lineStep } from "./style.js";
import type { ChartEnv, ChartShape, LabelShape, Rect, TextShape } from "./types.js";

/** Grouped bars with value labels, category labels and a value axis, inside `area`. */
export function layoutBarChart(env: ChartEnv, chart: BarChart, area: Rect): ChartShape[] {
  const series = barSeries(env, chart);
  const legend =
    series.length > 1
      ? series.map((entry) => ({ label: entry.name, style: entry.style, swatch: "box" as const }))
      : [];
  const { shapes, plot } = frame(env, chart.title, legend, area);
  if (chart.categories.length === 0 || series.length === 0) return shapes;
  const values = series.flatMap((entry) => entry.values);
  return [...shapes, ...DIRECTIONS[chart.direction](env, chart, series, values, plot)];
}

/** One bar: its slot across the band, and where its value puts its end on the value axis. */
interface Bar {
  value: number;
  offset: number;
  thickness: number;
  zero: number;
  end: number;
}

/** What a direction decides: where a bar's value label and a category's label go. */
interface Placement {
  valueLabel(bar: Bar, width: number, sizePt: number): Pick<LabelShape, "x" | "y" | "anchor">;
  categoryLabel(category: string, bandStart: number): TextShape;
}

/** Per category: each series' bar and value label, then the category's label; the zero line last. */
function barShapes(
  env: ChartEnv,
  chart: BarChart,
  series: BarSeries[],
  labels: ValueLabels | null,
  { axis, plot, direction }: { axis: ValueAxis; plot: Rect; direction: BarChart["direction"] },
  { outer, inner, barStart }: Bands,
  place: Placement,
): ChartShape[] {
  const { colors } = env.theme;
  const vertical = direction === "vertical";
  const zero = axis.scale(0);
  const shapes = valueGrid(env, axis, plot, vertical ? "vertical" : "horizontal");
  chart.categories.forEach((category, categoryIndex) => {
    series.forEach((entry, seriesIndex) => {
      const value = entry.values[categoryIndex] ?? 0;
      const bar: Bar = {
        value,
        offset: barStart(category, seriesIndex),
        thickness: inner.bandwidth(),
        zero,
        end: axis.scale(value),
      };
      // Across the band from its slot's start, along the value axis from zero to the value.
      const across = { at: bar.offset, size: bar.thickness };
      const along = { at: Math.min(zero, bar.end), size: Math.abs(zero - bar.end) };
      const [x, y] = vertical ? [across, along] : [along, across];
      shapes.push({ kind: "rect", x: x.at, y: y.at, w: x.size, h: y.size, color: entry.style.color });
      const text = labels?.texts[seriesIndex]?.[categoryIndex];
      if (labels && text) {
        const width = env.text.measure(text, labels.sizePt, "regular");
        const style = { sizePt: labels.sizePt, weight: "regular" as const, color: colors.text };
        shapes.push({ kind: "label", text, width, style, ...place.valueLabel(bar, width, labels.sizePt) });
      }
    });
    const bandStart = outer(category) ?? (vertical ? plot.x : plot.y);
    shapes.push(place.categoryLabel(category, bandStart));
  });
  const zeroLine = vertical
    ? { x1: plot.x, y1: zero, x2: plot.x + plot.w, y2: zero }
    : { x1: zero, y1: plot.y, x2: zero, y2: plot.y + plot.h };
  shapes.push({ kind: "line", ...zeroLine, color: colors.muted, width: 1 });
  return shapes;
}

/** A category's label wrapped and shrunk (10 pt down to 7) into `fitBox`, drawn in `box`. */
function categoryText(
  env: ChartEnv,
  category: string,
  box: Rect,
  fitBox: Rect,
  align: TextShape["align"],
  valign: TextShape["valign"],
): TextShape {
  const fitted = env.text.fit(category, fitBox, CATEGORY_SIZE, "regular", MIN_LABEL_SIZE);
  const style = { sizePt: fitted.sizePt, weight: "regular" as const, color: env.theme.colors.text };
  return { kind: "text", lines: fitted.lines, box, align, valign, style };
}

/** Lays out the plot area (`area`, below the title and legend) of bars in one direction. */
type DirectionLayout = (
  env: ChartEnv,
  chart: BarChart,
  series: BarSeries[],
  values: number[],
  area: Rect,
) => ChartShape[];

/** Bars up from the zero line, values over them, categories under the plot in two lines at most. */
const vertical: DirectionLayout = (env, chart, series, values, area) => {
  const categoryHeight = lineStep(CATEGORY_SIZE) * 2 + AXIS_GAP;
  const valueHeight = lineStep(CHART_FONT.value) + 2;
  const axis = valueAxis(env, chart.format, values, Math.floor((area.h - categoryHeight) / 42));
  const plot: Rect = {
    x: area.x + axis.labelWidth + AXIS_GAP,
    y: area.y + valueHeight,
    w: Math.max(10, area.w - axis.labelWidth - AXIS_GAP),
    h: Math.max(10, area.h - categoryHeight - valueHeight),
  };
  axis.scale.range([plot.y + plot.h, plot.y]);
  const slots = bands(chart.categories, series.length, [plot.x, plot.x + plot.w], "vertical");
  const labels = valueLabels(env, chart, series, slots.inner.step());
  const { outer } = slots;
  return barShapes(env, chart, series, labels, { axis, plot, direction: "vertical" }, slots, {
    valueLabel: ({ value, offset, thickness, end }, _width, sizePt) => ({
      x: offset + thickness / 2,
      y: value >= 0 ? end - lineStep(sizePt) - 1 : end + 1,
      anchor: "middle",
    }),
    categoryLabel: (category, left) => {
      const box: Rect = {
        x: left - (outer.step() - outer.bandwidth()) / 2,
        y: plot.y + plot.h + AXIS_GAP,
        w: outer.step(),
        h: categoryHeight - AXIS_GAP,
      };
      return categoryText(env, category, box, box, "center", "top");
    },
  });
};

/** Bars right from the zero line (left when negative), values past their ends, categories on the left. */
const horizontal: DirectionLayout = (env, chart, series, values, area) => {
  const { text } = env;
  const tickHeight = lineStep(CHART_FONT.tick) + AXIS_GAP;
  const natural = Math.max(
    ...chart.categories.map((category) =>
      text.measure(text.clean(category, "regular"), CATEGORY_SIZE, "regular"),
    ),
  );
  const categoryWidth = Math.min(area.w * 0.3, natural + 2);
  const labels = valueLabels(env, chart, series, area.w * 0.15);
  const labelRoom = labels
    ? Math.max(0, ...labels.texts.flat().map((label) => text.measure(label, labels.sizePt, "regular"))) + 4
    : 0;
  // Value labels sit past the bar ends: on the right, and on the left too when bars go negative.
  const leftRoom = values.some((value) => value < 0) ? labelRoom : 0;
  const plotWidth = area.w - categoryWidth - AXIS_GAP - leftRoom - labelRoom;
  const axis = valueAxis(env, chart.format, values, Math.floor(plotWidth / 70), plotWidth);
  const plot: Rect = {
    x: area.x + categoryWidth + AXIS_GAP + leftRoom,
    y: area.y,
    w: Math.max(10, area.w - categoryWidth - AXIS_GAP - leftRoom - Math.max(labelRoom, axis.labelWidth / 2)),
    h: Math.max(10, area.h - tickHeight),
  };
  axis.scale.range([plot.x, plot.x + plot.w]);
  const slots = bands(chart.categories, series.length, [plot.y, plot.y + plot.h], "horizontal");
  return barShapes(env, chart, series, labels, { axis, plot, direction: "horizontal" }, slots, {
    valueLabel: ({ value, offset, thickness, end }, width, sizePt) => ({
      x: value >= 0 ? end + 3 : end - width - 3,
      y: offset + thickness / 2 - lineStep(sizePt) / 2,
      anchor: "start",
    }),
    categoryLabel: (category, top) => {
      const box: Rect = { x: area.x, y: top, w: categoryWidth, h: slots.outer.bandwidth() };
      // A thin band still gets one line of the smallest size, overlapping its neighbours' gap.
      const fitBox = { ...box, h: Math.max(box.h, lineStep(MIN_LABEL_SIZE)) };
      return categoryText(env, category, box, fitBox, "right", "middle");
    },
  });
};

const DIRECTIONS: Record<BarChart["direction"], DirectionLayout> = { vertical, horizontal };
