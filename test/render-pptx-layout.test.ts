import { describe, expect, it } from "vitest";
import type { TableBlock, TimelineChart } from "../src/deck/deck-model.js";
import { FONT_SIZES, MIN_FONT_SIZE } from "../src/deck/geometry.js";
import { alignTimeline, excelSerial, roundForChart, timeAxis } from "../src/render/pptx/chart-data.js";
import { layoutTable } from "../src/render/pptx/blocks/table-layout.js";
import { containImage } from "../src/render/pptx/image-fit.js";
import { axisFormatCode, excelFormatCode } from "../src/render/pptx/number-format.js";
import { formatMoney } from "../src/text/format.js";
import { fitParagraphs } from "../src/render/pptx/text-layout.js";
import { largestFittingSize } from "../src/render/text-fit.js";

describe("number formats for charts", () => {
  it("writes NumberFormat as Excel format codes that read like the slide text", () => {
    expect(excelFormatCode({ style: "number", decimals: 0 })).toBe("#,##0");
    expect(excelFormatCode({ style: "number", decimals: 1, unit: "h" })).toBe('#,##0.0" h"');
    // "71%" and "5pp" as formatValue writes them; a quoted "%" does not multiply by 100.
    expect(excelFormatCode({ style: "number", decimals: 1, unit: "%" })).toBe('#,##0.0"%"');
    expect(excelFormatCode({ style: "number", decimals: 0, unit: "pp" })).toBe('#,##0"pp"');
    expect(excelFormatCode({ style: "percent", decimals: 0 })).toBe("0%");
    expect(excelFormatCode({ style: "percent", decimals: 2 })).toBe("0.00%");
    expect(excelFormatCode({ style: "currency", currency: "EUR", decimals: 0 })).toBe('"€"#,##0');
    expect(excelFormatCode({ style: "currency", currency: "usd", decimals: 2 })).toBe('"$"#,##0.00');
    // The symbol, its place and its space as the slide text writes money: "CHF 57,000", "CA$1,200".
    expect(excelFormatCode({ style: "currency", currency: "CHF", decimals: 0 })).toBe('"CHF\u00a0"#,##0');
    expect(formatMoney(57_000, "CHF")).toBe("CHF\u00a057,000");
    expect(excelFormatCode({ style: "currency", currency: "CAD", decimals: 0 })).toBe('"CA$"#,##0');
    expect(formatMoney(1_200, "CAD")).toBe("CA$1,200");
    expect(excelFormatCode({ style: "currency", currency: "EUR", decimals: 0 }, "de")).toBe('#,##0"\u00a0€"');
    expect(excelFormatCode({ style: "number", decimals: 0, unit: 'say "hi"' })).toBe('#,##0" say hi"');
  });

  it("labels value axes with the decimals their step needs, numbers in thousands or millions from 10,000", () => {
    const euros = { style: "currency", currency: "EUR", decimals: 0 } as const;
    expect(axisFormatCode(euros, [0, 2_000, 4_000, 6_000])).toBe('"€"#,##0');
    // Money by the decks' one rule: in full below a million, in millions with a decimal from it.
    expect(axisFormatCode(euros, [0, 200_000, 400_000, 600_000])).toBe('"€"#,##0');
    expect(axisFormatCode(euros, [0, 500_000, 1_000_000, 1_500_000])).toBe(
      '[>=999950]"€"#,##0.0,,"M";"€"#,##0',
    );
    const share = { style: "number", decimals: 1, unit: "%" } as const;
    expect(axisFormatCode(share, [0, 20, 40, 60, 80, 100])).toBe('#,##0"%"');
    expect(axisFormatCode(share, [0, 0.5, 1, 1.5])).toBe('#,##0.0"%"');
    expect(axisFormatCode({ style: "percent", decimals: 0 }, [0, 0.05, 0.1])).toBe("0%");
    expect(axisFormatCode({ style: "percent", decimals: 0 }, [0, 0.005, 0.01])).toBe("0.0%");
    expect(axisFormatCode({ style: "number", decimals: 0, unit: "tickets" }, [0, 20_000, 40_000])).toBe(
      '#,##0,"K"" tickets";-#,##0,"K"" tickets";#,##0" tickets"',
    );
  });
});

describe("timeline data", () => {
  const chart: TimelineChart = {
    type: "timeline",
    title: "Backlog",
    format: { style: "number", decimals: 1, unit: "%" },
    series: [
      {
        name: "Plan",
        role: "plan",
        points: [
          { date: "2025-03-31", value: 10 },
          { date: "2025-01-31", value: 0 },
        ],
      },
      { name: "Actual", role: "actual", points: [{ date: "2025-02-28", value: 70.86743301847562 }] },
    ],
    referenceLines: [{ label: "Target", value: 4.04, role: "target" }],
  };

  it("aligns each series to the sorted union of dates, as Excel day numbers, with nulls", () => {
    const aligned = alignTimeline(chart, 6);
    expect(aligned.dates).toEqual(["2025-01-31", "2025-02-28", "2025-03-31"]);
    // Excel counts days from 1899-12-30: 2025-01-31 is day 45688.
    expect(aligned.serials).toEqual([45688, 45716, 45747]);
    expect(aligned.series.map((series) => series.values)).toEqual([
      [0, null, 10],
      [null, 70.9, null],
      [4, 4, 4],
    ]);
    expect(aligned.series.map((series) => series.reference)).toEqual([false, false, true]);
  });

  it("draws a reference line across the axis when there is a single date", () => {
    const single: TimelineChart = {
      ...chart,
      series: [{ name: "Actual", role: "actual", points: [{ date: "2025-09-15", value: 71.2 }] }],
    };
    const aligned = alignTimeline(single, 6);
    expect(aligned.dates).toEqual(["2025-08-31", "2025-09-15", "2025-09-30"]);
    expect(aligned.series.map((series) => series.values)).toEqual([
      [null, 71.2, null],
      [4, 4, 4],
    ]);
    const withoutTarget = alignTimeline({ ...single, referenceLines: [] }, 6);
    expect(withoutTarget.dates).toEqual(["2025-09-15"]);
  });

  it("rounds to what the chart shows: the format's decimals, two more for fractions", () => {
    const oneDecimal = { style: "number", decimals: 1 } as const;
    expect(roundForChart(70.86743301847562, oneDecimal)).toBe(70.9);
    expect(roundForChart(-0.04, oneDecimal)).toBe(0);
    expect(Object.is(roundForChart(-0.04, oneDecimal), 0)).toBe(true);
    expect(roundForChart(658.7979650484401, { style: "number", decimals: 0 })).toBe(659);
    expect(roundForChart(0.42224, { style: "percent", decimals: 0 })).toBe(0.42);
    expect(roundForChart(57_000.4, { style: "currency", currency: "USD", decimals: 0 })).toBe(57_000);
  });

  it("spaces ticks as the PDF does: quarters over a year, months over a few, days over weeks", () => {
    const year = ["2025-01-15", "2025-03-31", "2025-06-30", "2025-09-15", "2025-12-31"];
    expect(timeAxis(year, 6.5)).toEqual({
      min: excelSerial("2025-01-01"),
      max: excelSerial("2026-01-01"),
      majorUnit: 3,
      majorTimeUnit: "months",
      formatCode: "mmm yyyy",
    });
    // A narrow chart: labels every quarter would collide, so yearly ones (d3 has no half years).
    expect(timeAxis(year, 2.5)).toMatchObject({ majorUnit: 12, majorTimeUnit: "months", formatCode: "yyyy" });
    expect(timeAxis(["2025-02-10", "2025-05-20"], 6.5)).toMatchObject({
      min: excelSerial("2025-02-01"),
      max: excelSerial("2025-06-01"),
      majorUnit: 1,
      majorTimeUnit: "months",
    });
    expect(timeAxis(["2020-03-01", "2025-09-30"], 6.5)).toMatchObject({
      min: excelSerial("2020-01-01"),
      majorUnit: 12,
      formatCode: "yyyy",
    });
    expect(timeAxis(["2025-09-01", "2025-09-29"], 6.5)).toMatchObject({
      min: excelSerial("2025-09-01"),
      max: excelSerial("2025-09-29"),
      majorTimeUnit: "days",
      formatCode: "d mmm",
    });
    // One date: a month around it.
    expect(timeAxis(["2025-09-15"], 6.5)).toMatchObject({
      min: excelSerial("2025-08-31"),
      max: excelSerial("2025-09-30"),
      majorTimeUnit: "days",
    });
  });
});

describe("table layout", () => {
  const table = (rows: number, h: number): TableBlock => ({
    kind: "table",
    box: { x: 0, y: 0, w: 8, h },
    columns: [
      { header: "Goal", align: "left", width: 3 },
      { header: "Actual", align: "right", width: 1 },
    ],
    rows: Array.from({ length: rows }, (_, index) => [
      { text: `Goal ${index} with a description long enough to wrap in a narrow column` },
      { text: "42" },
    ]),
  });
  const total = (heights: number[]) => heights.reduce((sum, height) => sum + height, 0);

  it("scales relative widths to the box and keeps the largest size that fits", () => {
    const layout = layoutTable(table(3, 4));
    expect(layout.columnWidths).toEqual([6, 2]);
    expect(layout.fontSizePt).toBe(FONT_SIZES.table);
    expect(layout.headerSizePt).toBe(Math.min(FONT_SIZES.tableHeader, FONT_SIZES.table));
    expect(layout.shownRows).toBe(3);
  });

  it("shrinks the font until every row fits the box height", () => {
    const layout = layoutTable(table(16, 4));
    expect(layout.fontSizePt).toBeLessThan(FONT_SIZES.table);
    expect(layout.headerSizePt).toBeLessThanOrEqual(layout.fontSizePt);
    expect(layout.fontSizePt).toBeGreaterThanOrEqual(MIN_FONT_SIZE);
    expect(layout.shownRows).toBe(16);
    expect(total(layout.rowHeights)).toBeLessThanOrEqual(4);
  });

  it("shows as many rows as fit at the minimum size and leaves room for a summary row", () => {
    const layout = layoutTable(table(60, 4));
    expect(layout.fontSizePt).toBe(MIN_FONT_SIZE);
    expect(layout.shownRows).toBeLessThan(60);
    expect(layout.shownRows).toBeGreaterThan(0);
    expect(total(layout.rowHeights) + layout.moreRowHeight).toBeLessThanOrEqual(4);
  });
});

describe("text fitting for lists", () => {
  const items = (count: number) =>
    Array.from({ length: count }, (_, index) => ({
      text: `Bullet ${index}: a sentence long enough to need a second line in a narrow box`,
      indentEm: 1.3,
      weight: "regular" as const,
    }));

  it("keeps the full size when the list fits, and shrinks when it does not", () => {
    expect(fitParagraphs(items(2), { w: 6, h: 3 }, 14).sizePt).toBe(14);
    const shrunk = fitParagraphs(items(12), { w: 6, h: 3 }, 14);
    expect(shrunk.sizePt).toBeLessThan(14);
    expect(shrunk.truncated).toBe(false);
  });

  it("keeps the bullets that fit at the minimum size and ends the last with an ellipsis", () => {
    const cut = fitParagraphs(items(80), { w: 6, h: 3 }, 14);
    expect(cut.truncated).toBe(true);
    expect(cut.sizePt).toBe(MIN_FONT_SIZE);
    expect(cut.texts.length).toBeLessThan(80);
    expect(cut.texts.at(-1)).toMatch(/…$/);
  });

  it("finds the same size by bisection as a scan from the top would", () => {
    for (const limit of [8, 9.5, 12, 14, 20]) {
      expect(largestFittingSize(14, (size) => size <= limit)).toBe(Math.min(14, limit));
    }
    expect(largestFittingSize(14, () => false)).toBeUndefined();
  });
});

describe("images", () => {
  it("keeps the aspect ratio inside the box", () => {
    const wide = { mime: "image/png" as const, base64: "", widthPx: 200, heightPx: 50 };
    expect(containImage(wide, { x: 1, y: 1, w: 2, h: 2 })).toEqual({ x: 1, y: 1.75, w: 2, h: 0.5 });
    expect(containImage(wide, { x: 0, y: 0, w: 10, h: 1 }, "right")).toEqual({ x: 6, y: 0, w: 4, h: 1 });
  });
});
