import { describe, expect, it } from "vitest";
import { valueScale, valueTicks } from "../src/render/chart-scale.js";
import { tickLabels, formatter } from "../src/render/chart-layout/format.js";
import { axisFormatCode, labelFormatCode } from "../src/render/pptx/number-format.js";
import { formatMoney, formatMoneyCompact } from "../src/text/format.js";

/** Issue 12 §4: counts on whole-number axes; one money format in text, tiles and both renderers' charts. */

describe("a chart of counts", () => {
  const counts = { style: "number", decimals: 0, counts: true } as const;

  it("steps by whole numbers however few the values (no 0.5 accounts)", () => {
    expect(valueTicks([2, 1, 0], 5)).toContain(0.5);
    expect(valueTicks([2, 1, 0], 5, counts)).toEqual([0, 1, 2, 3]);
    expect(valueTicks([1, 0, 0], 6, counts)).toEqual([0, 1, 2]);
    const { scale, ticks } = valueScale([3, 1, 0], 8, counts);
    expect(ticks.every(Number.isInteger)).toBe(true);
    expect(scale.domain()).toEqual([ticks[0], ticks.at(-1)]);
  });

  it("keeps round steps above one as they are", () => {
    expect(valueTicks([40, 12, 3], 5, counts)).toEqual(valueTicks([40, 12, 3], 5));
  });

  it("gives PowerPoint a major unit of one and whole-number labels", () => {
    const ticks = valueTicks([2, 1, 0], 5, counts);
    expect(ticks[1]! - ticks[0]!).toBe(1);
    expect(axisFormatCode(counts, ticks)).toBe("#,##0");
    expect(tickLabels(counts, "en", ticks)).toEqual(["0", "1", "2", "3"]);
  });
});

describe("money", () => {
  const pounds = { style: "currency", currency: "GBP", decimals: 0 } as const;

  it("reads in full below a million and in millions with one decimal from it, in text and tiles", () => {
    expect(formatMoney(735_000, "GBP")).toBe("£735,000");
    expect(formatMoney(1_000_000, "GBP")).toBe("£1.0M");
    expect(formatMoney(999_950, "GBP")).toBe("£1.0M");
    expect(formatMoneyCompact(1_000_000, "GBP")).toBe("£1.0M");
    expect(formatMoneyCompact(12_480_000, "USD")).toBe("$12.5M");
  });

  it("labels PDF axes by the same rule, never '£1M' or '£200K'", () => {
    expect(tickLabels(pounds, "en", [0, 200_000, 400_000, 600_000, 800_000, 1_000_000])).toEqual([
      "£0",
      "£200,000",
      "£400,000",
      "£600,000",
      "£800,000",
      "£1.0M",
    ]);
    expect(tickLabels(pounds, "en", [1_000_000, 1_500_000, 2_000_000])).toEqual(["£1.0M", "£1.5M", "£2.0M"]);
    expect(tickLabels(pounds, "en", [1_000_000, 1_010_000, 1_020_000])).toEqual([
      "£1.00M",
      "£1.01M",
      "£1.02M",
    ]);
    expect(formatter(pounds, "en")(1_234_567)).toBe("£1.2M");
  });

  it("writes PowerPoint axes and data labels by the same rule, with a condition section", () => {
    expect(axisFormatCode(pounds, [0, 500_000, 1_000_000, 1_500_000])).toBe(
      '[>=999950]"£"#,##0.0,,"M";"£"#,##0',
    );
    expect(axisFormatCode(pounds, [0, 200_000, 400_000])).toBe('"£"#,##0');
    expect(labelFormatCode(pounds)).toBe('[>=999950]"£"#,##0.0,,"M";"£"#,##0');
  });
});
