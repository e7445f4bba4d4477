import type { ScaleTime } from "d3-scale";
import type { TimePoint } from "../../deck/deck-model.js";
import { cachedIntl } from "./format.js";
import { CHART_FONT } from "./style.js";
import type { ChartText } from "./types.js";

const MIN_TICK_SPACING = 14;

export interface Point {
  date: Date;
  value: number;
}

/** A series' points as UTC dates, in date order, without unreadable dates or values. */
export function toPoints(points: TimePoint[]): Point[] {
  return points
    .map((point) => ({ date: new Date(`${point.date}T00:00:00Z`), value: point.value }))
    .filter((point) => !Number.isNaN(point.date.getTime()) && Number.isFinite(point.value))
    .sort((a, b) => a.date.getTime() - b.date.getTime());
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return cachedIntl(dateFormats, locale, options, () => {
    return new Intl.DateTimeFormat(locale, { timeZone: "UTC", ...options });
  });
}

/**
 * Date labels that carry the year only where it changes: "Jan 2025", "Apr", "Jul", … for monthly
 * ticks, "5 Jan 2025", "12 Jan", … when ticks are closer than a month apart, "2025" for yearly.
 */
export function dateLabels(ticks: Date[], locale: string): string[] {
  const monthly = ticks.every((tick) => tick.getUTCDate() === 1);
  const yearly = monthly && ticks.every((tick) => tick.getUTCMonth() === 0);
  const parts: Intl.DateTimeFormatOptions = monthly ? { month: "short" } : { month: "short", day: "numeric" };
  return ticks.map((tick, index) => {
    if (yearly) return dateFormat(locale, { year: "numeric" }).format(tick);
    const previous = ticks[index - 1];
    const newYear = !previous || previous.getUTCFullYear() !== tick.getUTCFullYear();
    return dateFormat(locale, newYear ? { ...parts, year: "numeric" } : parts).format(tick);
  });
}

/** The most ticks (from d3's nice time intervals) whose labels do not overlap, with their widths. */
export function timeTicks(
  text: ChartText,
  locale: string,
  x: ScaleTime<number, number>,
  width: number,
): { ticks: Date[]; labels: string[]; widths: number[] } {
  for (let count = Math.max(2, Math.floor(width / 60)); count >= 1; count--) {
    const ticks = x.ticks(count);
    const labels = dateLabels(ticks, locale).map((label) => text.clean(label, "regular"));
    const centres = ticks.map((tick) => x(tick));
    const widths = labels.map((label) => text.measure(label, CHART_FONT.tick, "regular"));
    const overlaps = centres.some((centre, index) => {
      if (index === 0) return false;
      const gap = centre - (centres[index - 1] ?? 0);
      return gap < ((widths[index] ?? 0) + (widths[index - 1] ?? 0)) / 2 + MIN_TICK_SPACING;
    });
    if (!overlaps || count === 1) return { ticks, labels, widths };
  }
  return { ticks: [], labels: [], widths: [] };
}
