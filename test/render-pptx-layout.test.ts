import { describe, expect, it } from "vitest";
import type { TableBlock, TimelineChart } from "../src/deck/deck-model.js";
import { FONT_SIZES, MIN_FONT_SIZE } from "../src/deck/geometry.js";
import { alignTimeline, formatDateLabels } from "../src/render/pptx/chart-data.js";
import { layoutTable } from "../src/render/pptx/blocks/table-layout.js";
import { containImage } from "../src/render/pptx/image-fit.js";
import { chartFormatCode, excelFormatCode } from "../src/render/pptx/number-format.js";
import { fitParagraphs } from "../src/render/pptx/text-layout.js";
import { largestFittingSize } from "../src/render/text-fit.js";

describe("number formats for charts", () => {
  it("turns NumberFormat into Excel format codes", () => {
    expect(excelFormatCode({ style: "number", decimals: 0 })).toBe("#,##0");
    expect(excelFormatCode({ style: "number", decimals: 1, unit: "h" })).toBe('#,##0.0 "h"');
    expect(excelFormatCode({ style: "percent", decimals: 0 })).toBe("0%");
    expect(excelFormatCode({ style: "percent", decimals: 2 })).toBe("0.00%");
    expect(excelFormatCode({ style: "currency", currency: "EUR", decimals: 0 })).toBe('"€"#,##0');
    expect(excelFormatCode({ style: "currency", currency: "usd", decimals: 2 })).toBe('"$"#,##0.00');
    expect(excelFormatCode({ style: "currency", currency: "CHF", decimals: 0 })).toBe('"CHF"#,##0');
  });

  it("writes large chart amounts in thousands or millions so labels stay short", () => {
    const euros = { style: "currency", currency: "EUR", decimals: 0 } as const;
    expect(chartFormatCode(euros, 9_999)).toBe('"€"#,##0');
    expect(chartFormatCode(euros, 610_000)).toBe('"€"#,##0,"k"');
    expect(chartFormatCode(euros, 1_240_000)).toBe('"€"#,##0.0,,"M"');
    expect(chartFormatCode({ style: "number", decimals: 0, unit: "tickets" }, 50_000)).toBe(
      '#,##0,"k" "tickets"',
    );
    expect(chartFormatCode({ style: "percent", decimals: 0 }, 50_000)).toBe("0%");
  });
});

describe("timeline alignment", () => {
  const chart: TimelineChart = {
    type: "timeline",
    title: "Backlog",
    format: { style: "number", decimals: 0 },
    series: [
      {
        name: "Plan",
        role: "plan",
        points: [
          { date: "2025-03-31", value: 10 },
          { date: "2025-01-31", value: 0 },
        ],
      },
      { name: "Actual", role: "actual", points: [{ date: "2025-02-28", value: 7 }] },
    ],
    referenceLines: [{ label: "Target", value: 4, role: "target" }],
  };

  it("uses the sorted union of dates and aligns each series with nulls", () => {
    const aligned = alignTimeline(chart, "en");
    expect(aligned.dates).toEqual(["2025-01-31", "2025-02-28", "2025-03-31"]);
    expect(aligned.labels).toEqual(["Jan 2025", "Feb 2025", "Mar 2025"]);
    expect(aligned.series.map((series) => series.values)).toEqual([
      [0, null, 10],
      [null, 7, null],
      [4, 4, 4],
    ]);
    expect(aligned.series.map((series) => series.reference)).toEqual([false, false, true]);
  });

  it("writes the day when two dates share a month", () => {
    expect(formatDateLabels(["2025-03-01", "2025-03-31"], "en")).toEqual(["Mar 1, 2025", "Mar 31, 2025"]);
    expect(formatDateLabels(["2025-03-01", "2025-03-31"], "en-GB")).toEqual(["1 Mar 2025", "31 Mar 2025"]);
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
