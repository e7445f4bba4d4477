import { scaleUtc } from "d3-scale";
import { describe, expect, it } from "vitest";
import type { BarChart, TimelineChart } from "../src/deck/deck-model.js";
import { valueAxis } from "../src/render/chart-layout/axis.js";
import { bands } from "../src/render/chart-layout/bar-parts.js";
import { dateLabels, timeTicks } from "../src/render/chart-layout/dates.js";
import { layoutChart } from "../src/render/chart-layout/layout.js";
import type { ChartEnv, ChartShape, ChartText } from "../src/render/chart-layout/types.js";
import { theme } from "./fixtures/pdf-deck.js";

/**
 * The renderer-neutral chart layout (src/render/chart-layout/) with a stand-in text measure:
 * every character half an em wide, titles and category labels on one line at their largest size.
 */
const text: ChartText = {
  clean: (value) => value,
  measure: (value, sizePt) => value.length * sizePt * 0.5,
  fit: (value, _rect, maxSizePt) => ({ lines: [value], sizePt: maxSizePt }) as ReturnType<ChartText["fit"]>,
};
const env: ChartEnv = { theme, locale: "en", text };
const NUMBER = { style: "number", decimals: 0 } as const;

/** One series of values by category. */
function valueBars(
  direction: BarChart["direction"],
  title: string,
  values: Record<string, number>,
): BarChart {
  const series = [{ name: "Value", role: "value" as const, values: Object.values(values) }];
  return { type: "bar", title, format: NUMBER, direction, categories: Object.keys(values), series };
}

function ofKind<K extends ChartShape["kind"]>(
  shapes: ChartShape[],
  kind: K,
): Extract<ChartShape, { kind: K }>[] {
  return shapes.filter((shape): shape is Extract<ChartShape, { kind: K }> => shape.kind === kind);
}

describe("value axis", () => {
  it("takes d3's nice ticks over the values and zero, labelled in the chart's format", () => {
    const axis = valueAxis(env, NUMBER, [12, 95], 5);
    expect(axis.ticks).toEqual([0, 20, 40, 60, 80, 100]);
    expect(axis.labels).toEqual(["0", "20", "40", "60", "80", "100"]);
    // "100" at 9 pt: 3 × 4.5.
    expect(axis.labelWidth).toBe(13.5);
    expect(axis.scale.domain()).toEqual([0, 100]);
  });

  it("thins ticks until their labels fit side by side along a horizontal axis", () => {
    // Six labels of 13.5 pt need 6 × (13.5 + 12) = 153 pt; in 100 pt d3 offers 0, 50, 100.
    const axis = valueAxis(env, NUMBER, [12, 95], 5, 100);
    expect(axis.ticks).toEqual([0, 50, 100]);
    expect(axis.ticks.length * (axis.labelWidth + 12)).toBeLessThanOrEqual(100);
  });
});

describe("bar positions", () => {
  it("puts each category's band 30% apart, with 15% outer padding, a single bar 92% of it", () => {
    const { outer, inner, barStart } = bands(["a", "b"], 1, [0, 100], "vertical");
    // Step 100 / (2 − 0.3 + 2 × 0.15) = 50, bands 35 wide, the first starting 7.5 in.
    expect(outer("a")).toBeCloseTo(7.5, 9);
    expect(outer("b")).toBeCloseTo(57.5, 9);
    expect(outer.bandwidth()).toBeCloseTo(35, 9);
    // d3 keeps one slot's inner padding (8%) even with one series: 32.2 wide, centred.
    expect(inner.bandwidth()).toBeCloseTo(32.2, 9);
    expect(barStart("b", 0)).toBeCloseTo(57.5 + 1.4, 9);
  });

  it("caps bars at 44 pt (vertical) and keeps a capped bar in the middle of its band", () => {
    const categories = ["c0", "c1", "c2", "c3", "c4"];
    const { outer, inner, barStart } = bands(categories, 1, [0, 1000], "vertical");
    // Step 200, bands 140 wide from 30.
    expect(outer("c0")).toBeCloseTo(30, 9);
    expect(outer.bandwidth()).toBeCloseTo(140, 9);
    expect(inner.bandwidth()).toBeCloseTo(44, 9);
    // Centred: 30 + 140 / 2 − 44 / 2.
    expect(barStart("c0", 0)).toBeCloseTo(78, 9);
  });

  it("places grouped bars side by side, 8% of a slot apart", () => {
    const { inner, barStart } = bands(["a"], 2, [0, 100], "horizontal");
    // One band of 100 / (1 − 0.3 + 0.3) × 0.7 = 70; two 26 pt bars cap the group at 52 / 0.92,
    // which d3 splits into two slots of group / 1.92: bars of 52 / 1.92 ≈ 27.08 (the cap is
    // exact for one series only, as the PDFs have always drawn it).
    const group = 52 / 0.92;
    expect(inner.bandwidth()).toBeCloseTo(52 / 1.92, 9);
    expect(barStart("a", 0)).toBeCloseTo(15 + (70 - group) / 2, 9);
    expect(barStart("a", 1) - barStart("a", 0)).toBeCloseTo(inner.step(), 9);
    expect(inner.step()).toBeCloseTo(group / (2 - 0.08), 9);
  });

  it("lays a vertical chart's bars from the zero line, value labels centred over them", () => {
    const chart = valueBars("vertical", "", { Up: 40, Down: -20 });
    const shapes = layoutChart(env, chart, { x: 0, y: 0, w: 300, h: 200 });
    const [up, down] = ofKind(shapes, "rect");
    const zeroLine = ofKind(shapes, "line").at(-1)!;
    expect(zeroLine).toMatchObject({ y1: zeroLine.y2, width: 1 });
    // The positive bar ends on the zero line, the negative one starts there.
    expect(up!.y + up!.h).toBeCloseTo(zeroLine.y1, 9);
    expect(down!.y).toBeCloseTo(zeroLine.y1, 9);
    expect(up!.w).toBeCloseTo(44, 9);
    const [above, below] = ofKind(shapes, "label");
    expect(above).toMatchObject({ text: "40", anchor: "middle", x: up!.x + up!.w / 2, width: 9 });
    // Over the positive bar (one line of 9 pt and a point above its end), under the negative one.
    expect(above!.y).toBeCloseTo(up!.y - 9 * 1.2 - 1, 9);
    expect(below!.y).toBeCloseTo(down!.y + down!.h + 1, 9);
    // Category labels centred under their band, value-axis labels right-aligned left of the plot.
    const categories = ofKind(shapes, "text").filter((shape) => shape.align === "center");
    expect(categories.map((shape) => shape.lines[0])).toEqual(["Up", "Down"]);
    expect(ofKind(shapes, "text").filter((shape) => shape.align === "right").length).toBeGreaterThan(2);
  });

  it("puts a horizontal chart's value labels past the bar ends, on the left for negatives", () => {
    const chart = valueBars("horizontal", "Change", { Gain: 30, Loss: -10 });
    const shapes = layoutChart(env, chart, { x: 0, y: 0, w: 400, h: 160 });
    const [gain, loss] = ofKind(shapes, "rect");
    const labels = ofKind(shapes, "label").filter((label) => label.text === "30" || label.text === "-10");
    expect(labels[0]!.x).toBeCloseTo(gain!.x + gain!.w + 3, 9);
    expect(labels[1]!.x).toBeCloseTo(loss!.x - labels[1]!.width - 3, 9);
    expect(gain!.h).toBeCloseTo(26, 9);
    // The title first, bold, at the top of the area.
    expect(shapes[0]).toMatchObject({ kind: "text", lines: ["Change"], box: { x: 0, y: 0 } });
  });
});

describe("date axis", () => {
  it("writes the year only where it changes", () => {
    const monthly = ["2024-11-01", "2025-01-01", "2025-03-01"].map((day) => new Date(`${day}T00:00:00Z`));
    expect(dateLabels(monthly, "en")).toEqual(["Nov 2024", "Jan 2025", "Mar"]);
    const yearly = ["2023-01-01", "2024-01-01"].map((day) => new Date(`${day}T00:00:00Z`));
    expect(dateLabels(yearly, "en")).toEqual(["2023", "2024"]);
  });

  it("takes the most ticks whose labels keep 14 pt apart", () => {
    const x = scaleUtc()
      .domain([new Date("2025-01-01T00:00:00Z"), new Date("2025-12-01T00:00:00Z")])
      .range([0, 300]);
    const { ticks, labels, widths } = timeTicks(text, "en", x, 300);
    expect(labels).toEqual(["Jan 2025", "Apr", "Jul", "Oct"]);
    expect(widths).toEqual([36, 13.5, 13.5, 13.5]);
    const centres = ticks.map((tick) => x(tick));
    centres.slice(1).forEach((centre, index) => {
      const gap = centre - centres[index]!;
      expect(gap).toBeGreaterThanOrEqual((widths[index]! + widths[index + 1]!) / 2 + 14);
    });
    // Monthly ticks would need ~25 pt each: at 300 pt they overlap, so d3's quarters it is.
    expect(ticks.map((tick) => tick.toISOString().slice(0, 10))).toEqual([
      "2025-01-01",
      "2025-04-01",
      "2025-07-01",
      "2025-10-01",
    ]);
  });

  it("lays a timeline: series through its points, markers on the actual, the target labelled at the left", () => {
    const chart: TimelineChart = {
      type: "timeline",
      title: "",
      format: NUMBER,
      series: [
        {
          name: "Actual",
          role: "actual",
          points: Object.entries({ "2025-01-01": 10, "2025-07-01": 30 }).map(([date, value]) => ({
            date,
            value,
          })),
        },
      ],
      referenceLines: [{ label: "Target", role: "target", value: 50 }],
    };
    const shapes = layoutChart(env, chart, { x: 0, y: 0, w: 400, h: 200 });
    const [series] = ofKind(shapes, "series");
    const markers = ofKind(shapes, "marker");
    expect(series!.points).toHaveLength(2);
    expect(markers.map((marker) => [marker.x, marker.y])).toEqual(series!.points);
    expect(markers[0]).toMatchObject({ r: 3.2, outline: theme.colors.background, outlineWidth: 1 });
    const [rule] = ofKind(shapes, "rule");
    // The first point at the plot's left edge, the last 18 pt short of the area's right edge.
    expect(series!.points[0]![0]).toBe(rule!.x1);
    expect(series!.points[1]![0]).toBeCloseTo(400 - 18, 9);
    const label = ofKind(shapes, "label").find((shape) => shape.text === "Target: 50")!;
    expect(label).toMatchObject({ x: rule!.x1 + 7, style: { weight: "bold" } });
    // Above its line when there is room, on a background-coloured box 3 pt wider each side.
    expect(label.y).toBeCloseTo(rule!.y - 9 * 1.2 - 2, 9);
    expect(ofKind(shapes, "rect").at(-1)).toMatchObject({ x: rule!.x1 + 4, w: label.width + 6 });
    // The legend's line sample with a marker comes before the plot.
    expect(shapes.findIndex((shape) => shape.kind === "swatch")).toBeLessThan(shapes.indexOf(series!));
  });
});
