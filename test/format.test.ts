import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dayNumber, fromDayNumber } from "../src/dates.js";
import type { NumberFormat } from "../src/deck/deck-model.js";
import { formatter, tickLabels } from "../src/render/chart-layout/format.js";
import {
  formatCount,
  formatDate,
  formatInSentence,
  formatExact,
  formatMoney,
  formatMoneyCompact,
  formatMultiple,
  formatPercent,
  formatPointsChange,
  formatRelativeDays,
  formatValue,
} from "../src/text/format.js";

describe("formatDate", () => {
  it("writes day, short month and year, with Sep rather than Sept", () => {
    expect(formatDate("2025-09-30")).toBe("30 Sep 2025");
    expect(formatDate("2024-02-29")).toBe("29 Feb 2024");
    expect(formatDate(null)).toBe("n/a");
    expect(formatDate(undefined)).toBe("n/a");
  });

  it("gives the same text from its memo as on first use, for thousands of days", () => {
    const days = Array.from({ length: 5_000 }, (_, index) => fromDayNumber(18_000 + index * 3));
    const first = days.map(formatDate);
    expect(days.map(formatDate)).toEqual(first);
    expect(first[0]).toBe("14 Apr 2019");
  });
});

describe("dayNumber", () => {
  it("counts days since 1970-01-01 and round-trips with fromDayNumber", () => {
    expect(dayNumber("1970-01-01")).toBe(0);
    expect(dayNumber("2025-09-30")).toBe(20_361);
    for (const date of ["1999-12-31", "2000-02-29", "2025-01-01", "2099-12-31"]) {
      expect(fromDayNumber(dayNumber(date))).toBe(date);
    }
  });
});

describe("formatPercent keeps a figure on the side of its verdict", () => {
  it("shows one more decimal where rounding would cross a guard", () => {
    expect(formatPercent(0.996)).toBe("99.6%");
    expect(formatPercent(1.004)).toBe("100%");
    expect(formatPercent(1)).toBe("100%");
    expect(formatPercent(0.8993, [1, 0.9])).toBe("89.9%");
    expect(formatPercent(0.896, [1, 0.9])).toBe("89.6%");
    expect(formatPercent(0.696, [1, 0.9, 0.7])).toBe("69.6%");
    expect(formatPercent(0.4222, [1, 0.9, 0.7])).toBe("42%");
    expect(formatPercent(0.07)).toBe("7%");
    expect(formatPercent(0.075)).toBe("7.5%");
  });

  it("rounds toward its own side when two more decimals are not enough", () => {
    expect(formatPercent(0.9999999)).toBe("99.99%");
    expect(formatPercent(0.89999999, [0.9])).toBe("89.99%");
  });

  it("counts a value within the thresholds' tolerance as at the threshold, as the verdicts do", () => {
    expect(formatPercent(0.8999999999, [0.9])).toBe("90%");
    expect(formatPercent(1 - 1e-12)).toBe("100%");
  });

  it("never prints a number on the other side of any guard", () => {
    const guards = [1, 0.9, 0.7, 0.6];
    fc.assert(
      fc.property(fc.double({ min: -2, max: 3, noNaN: true }), (fraction) => {
        const shown = Number(formatPercent(fraction, guards).replace(/[%,]/g, "")) / 100;
        for (const guard of guards) {
          if (fraction >= guard - 1e-9) expect(shown).toBeGreaterThanOrEqual(guard - 1e-9);
          else expect(shown).toBeLessThan(guard);
        }
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('no formatter writes "-0"', () => {
  const negativeZero = /[-−]0(?:[.,]0+)?(?![\d.,])/;

  it("prints values that round to zero without a sign", () => {
    for (const value of [-0, -1e-12, -0.0004, -0.004]) {
      expect(formatPercent(value / 100)).toBe("0%");
      expect(formatValue(value / 10, "tickets")).toBe("0 tickets");
      expect(formatValue(value, "%")).toBe("0%");
      expect(formatMoney(value, "USD")).toMatch(/^\$0(\.00)?$/);
      expect(formatMoneyCompact(value, "EUR")).toMatch(/^€0(\.00)?$/);
      expect(formatCount(value)).toBe("0");
      expect(formatExact(value / 100)).toMatch(/^0(\.0000)?$/);
      expect(formatPointsChange(value / 100)).toBe("0 pts");
    }
    expect(formatValue(-0.4, "tickets")).toBe("-0.4 tickets");
    expect(formatExact(-0.00004)).toBe("0.0000");
    expect(formatExact(-0.4222)).toBe("-0.4222");
  });

  it("signs point changes only when they do not round to zero", () => {
    expect(formatPointsChange(0.089)).toBe("+8.9 pts");
    expect(formatPointsChange(-0.2)).toBe("−20 pts");
    expect(formatPointsChange(0)).toBe("0 pts");
  });

  it("holds for any small value, in every formatter and in the PDF chart formats", () => {
    const chartFormats: NumberFormat[] = [
      { style: "number", decimals: 0, unit: "tickets" },
      { style: "number", decimals: 2 },
      { style: "percent", decimals: 0 },
      { style: "currency", currency: "USD", decimals: 0 },
    ];
    fc.assert(
      fc.property(fc.double({ min: -0.01, max: 0, noNaN: true }), (value) => {
        const texts = [
          formatPercent(value),
          formatValue(value),
          formatValue(value * 100, "days"),
          formatMoney(value, "GBP"),
          formatMoneyCompact(value * 100, "USD"),
          formatCount(value * 100),
          formatExact(value / 1000),
          formatPointsChange(value),
          ...chartFormats.flatMap((format) => [
            formatter(format, "en")(value),
            formatter(format, "en", { compact: true })(value),
            ...tickLabels(format, "en", [value, 0, 1]),
          ]),
        ];
        for (const text of texts) expect(text).not.toMatch(negativeZero);
      }),
      { numRuns: 500 },
    );
  });
});

describe("formatRelativeDays", () => {
  it("never shows a negative day count", () => {
    expect(formatRelativeDays(93)).toBe("in 93 days");
    expect(formatRelativeDays(1)).toBe("in 1 day");
    expect(formatRelativeDays(0)).toBe("today");
    expect(formatRelativeDays(-1)).toBe("1 day ago");
    expect(formatRelativeDays(-1003)).toBe("1,003 days ago");
  });
});

describe("formatMultiple (value ÷ ARR)", () => {
  it("reads as a multiple of the contract, never as a percentage", () => {
    expect(formatMultiple(0.2375)).toBe("0.24×");
    expect(formatMultiple(2.4)).toBe("2.4×");
    expect(formatMultiple(1)).toBe("1.0×");
    expect(formatMultiple(14.2)).toBe("14×");
    expect(formatMultiple(0)).toBe("0.00×");
    expect(formatMultiple(null)).toBe("n/a");
  });

  it("never rounds across 1×", () => {
    expect(formatMultiple(0.996)).toBe("0.996×");
    expect(formatMultiple(0.99999)).toBe("0.9999×");
    expect(formatMultiple(0.96)).toBe("0.96×");
  });
});

describe("formatInSentence (issue 12)", () => {
  it("lower-cases the first letter of a label inserted mid-sentence", () => {
    expect(formatInSentence("Patient no-show rate")).toBe("patient no-show rate");
    expect(formatInSentence("Öffnungsrate")).toBe("öffnungsrate");
    expect(formatInSentence("already lower")).toBe("already lower");
    expect(formatInSentence("")).toBe("");
  });

  it("keeps a first word with two or more capitals: an acronym or a proper name", () => {
    expect(formatInSentence("NPS")).toBe("NPS");
    expect(formatInSentence("EU support hub tickets")).toBe("EU support hub tickets");
    expect(formatInSentence("SAP uptime")).toBe("SAP uptime");
    expect(formatInSentence("McKinsey score")).toBe("McKinsey score");
  });

  it("lower-cases a Title Case label throughout, keeping acronyms and mixed-case words", () => {
    expect(formatInSentence("Time to First Value")).toBe("time to first value");
    expect(formatInSentence("Weekly Active Users")).toBe("weekly active users");
    expect(formatInSentence("On-time Delivery %")).toBe("on-time delivery %");
    expect(formatInSentence("Time To Value")).toBe("time to value");
    expect(formatInSentence("NPS Detractor Share")).toBe("NPS detractor share");
    expect(formatInSentence("iOS Crash-Free Sessions")).toBe("iOS crash-free sessions");
    expect(formatInSentence("A/B Test Win Rate")).toBe("A/B test win rate");
    expect(formatInSentence("P1 Incidents per Month")).toBe("P1 incidents per month");
  });

  it("keeps acronyms, mixed case and a proper noun inside a sentence-case label", () => {
    expect(formatInSentence("ARR growth")).toBe("ARR growth");
    expect(formatInSentence("SAP sync rate")).toBe("SAP sync rate");
    expect(formatInSentence("SLA% met")).toBe("SLA% met");
    expect(formatInSentence("iOS")).toBe("iOS");
    expect(formatInSentence("Tickets closed in Zendesk")).toBe("tickets closed in Zendesk");
    expect(formatInSentence("Open tickets older than 7 days")).toBe("open tickets older than 7 days");
  });

  it("reads a lone capitalised word as label casing, not as a brand", () => {
    expect(formatInSentence("Salesforce adoption")).toBe("salesforce adoption");
    expect(formatInSentence("Revenue")).toBe("revenue");
  });
});
