import { describe, expect, it } from "vitest";
import { dayNumber, fromDayNumber } from "../src/dates.js";
import { formatDate } from "../src/text/format.js";

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
