import { EPSILON } from "../analysis/figures.js";
import { dayNumber, type IsoDate } from "../dates.js";

/**
 * How figures read on slides and in prompts. English wording, Intl formatting; money in the
 * account's currency. Rounded here for people — `analyze --json` keeps the unrounded numbers.
 * No formatter writes "-0": a value that rounds to zero prints without a sign.
 */
const LOCALE = "en-US";

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALE, { signDisplay: "negative", ...options });
    numberFormats.set(key, format);
  }
  return format;
}

/**
 * Fractions at which a verdict turns (a goal achieved at 1, a return below the contract under 1):
 * a printed percentage must stay on the same side of each as the value it stands for.
 */
export const DEFAULT_PERCENT_GUARDS: readonly number[] = [1];

/** Up to this many extra decimals are shown to keep a figure on its side of a guard. */
const MAX_GUARD_DECIMALS = 2;

/** `percent` rounded half away from zero to `decimals`, as Intl rounds it for display. */
function roundedPercent(percent: number, decimals: number): number {
  return Number(percent.toFixed(decimals));
}

/** True when `shown` (a rounded percentage) sits on the other side of a guard than `fraction`. */
function crossesGuard(fraction: number, shown: number, guards: readonly number[]): boolean {
  return guards.some((guard) => {
    // The same tolerance as the thresholds' comparisons (see analysis/figures.ts).
    const atOrAbove = fraction >= guard - EPSILON;
    return atOrAbove ? shown < guard * 100 - EPSILON : shown >= guard * 100;
  });
}

/** True when `fraction` shown as a percentage with `decimals` would cross one of `guards`. */
export function percentCrossesGuard(fraction: number, decimals: number, guards: readonly number[]): boolean {
  return crossesGuard(fraction, roundedPercent(fraction * 100, decimals), guards);
}

/**
 * 0.4222 → "42%"; keeps one decimal below 10% so small progress does not read as 0%. A figure
 * never contradicts the verdict printed next to it: when rounding would carry it across one of
 * `guards` (0.996 → "100%" beside "below the contract"), it gets one more decimal ("99.6%"), and
 * if that is not enough it is rounded toward its own side ("99.99%").
 */
export function formatPercent(
  fraction: number | null | undefined,
  guards: readonly number[] = DEFAULT_PERCENT_GUARDS,
): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return "n/a";
  const percent = fraction * 100;
  const decimals = Math.abs(percent) < 10 && Math.round(percent) !== percent ? 1 : 0;
  const show = (value: number, digits: number) =>
    numberFormat(`pct${digits}`, { maximumFractionDigits: digits }).format(value) + "%";
  for (let extra = 0; extra <= MAX_GUARD_DECIMALS; extra++) {
    if (!crossesGuard(fraction, roundedPercent(percent, decimals + extra), guards)) {
      return show(percent, decimals + extra);
    }
  }
  const digits = decimals + MAX_GUARD_DECIMALS;
  const crossed = guards.find((guard) => crossesGuard(fraction, roundedPercent(percent, digits), [guard]));
  const scale = 10 ** digits;
  const directed =
    crossed !== undefined && fraction < crossed - EPSILON
      ? Math.floor(percent * scale) / scale
      : Math.ceil(percent * scale) / scale;
  return show(directed, digits);
}

export function formatMoney(amount: number | null | undefined, currency: string): string {
  if (amount === null || amount === undefined || !Number.isFinite(amount)) return "n/a";
  const decimals = Math.abs(amount) < 100 && !Number.isInteger(amount) ? 2 : 0;
  return numberFormat(`money-${currency}-${decimals}`, {
    style: "currency",
    currency,
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(amount);
}

/** Short money for tiles and axes: "$1.2M", "€57K". */
export function formatMoneyCompact(amount: number | null | undefined, currency: string): string {
  if (amount === null || amount === undefined || !Number.isFinite(amount)) return "n/a";
  if (Math.abs(amount) < 10_000) return formatMoney(amount, currency);
  return numberFormat(`moneyc-${currency}`, {
    style: "currency",
    currency,
    notation: "compact",
    minimumFractionDigits: 0,
    maximumFractionDigits: 1,
  }).format(amount);
}

const CURRENCY_CODES = new Set(Intl.supportedValuesOf("currency"));

/**
 * 820 with unit "tickets" → "820 tickets"; "%" and "pp" attach without a space; a currency code
 * as unit ("USD", "GBP") formats the value as money.
 */
export function formatValue(value: number | null | undefined, unit?: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "n/a";
  if (unit && CURRENCY_CODES.has(unit)) return formatMoney(value, unit);
  const decimals = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  const text = numberFormat(`num${decimals}`, { maximumFractionDigits: decimals }).format(value);
  if (!unit) return text;
  if (unit === "%" || unit === "pp") return `${text}${unit}`;
  return `${text} ${unit}`;
}

/**
 * A number as the appendix and evidence print it, unrounded to 4 decimals: 0.42222 → "0.4222",
 * 820 → "820"; a value that rounds to zero is "0.0000", never "-0.0000".
 */
export function formatExact(value: number): string {
  if (Number.isInteger(value)) return String(value);
  const text = value.toFixed(4);
  return /^-0\.0+$/.test(text) ? text.slice(1) : text;
}

export function formatCount(value: number): string {
  return numberFormat("count", { maximumFractionDigits: 0 }).format(value);
}

const dateFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});
const monthFormat = new Intl.DateTimeFormat("en-GB", { month: "short", year: "numeric", timeZone: "UTC" });

/** Formatted dates by ISO date: Intl formatting is slow and a batch formats the same days over and over. */
const formattedDates = new Map<IsoDate, string>();
const FORMATTED_DATES_LIMIT = 4_096;

/** "2025-09-30" → "30 Sep 2025" style, unambiguous across regions. */
export function formatDate(date: IsoDate | null | undefined): string {
  if (!date) return "n/a";
  let text = formattedDates.get(date);
  if (text === undefined) {
    text = dateFormat.format(new Date(dayNumber(date) * 86_400_000)).replace("Sept", "Sep");
    if (formattedDates.size >= FORMATTED_DATES_LIMIT) formattedDates.clear();
    formattedDates.set(date, text);
  }
  return text;
}

export function formatMonth(date: IsoDate): string {
  return monthFormat.format(new Date(dayNumber(date) * 86_400_000)).replace("Sept", "Sep");
}

/** ["a","b","c"] → "a, b and c". */
export function formatList(items: readonly string[], conjunction = "and"): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} ${conjunction} ${items[items.length - 1]}`;
}

/**
 * A ratio as a multiple, one decimal: 2.437 → "2.4×" (value ÷ ARR; see the one-pager). A ratio that
 * is not a number prints "—" like the other formats' missing values.
 */
export function formatMultiple(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return "—";
  return `${(Math.round(ratio * 10) / 10).toFixed(1)}×`;
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatCount(count)} ${count === 1 ? singular : pluralForm}`;
}

/**
 * A change of a share in percentage points: +0.089 → "+8.9 pts", −0.2 → "−20 pts" (a minus sign,
 * as tables set it); a change that rounds to nothing reads "0 pts", never "+0" or "−0".
 */
export function formatPointsChange(delta: number): string {
  const size = formatPercent(Math.abs(delta), []).replace("%", " pts");
  if (size === "0 pts") return size;
  return `${delta > 0 ? "+" : "−"}${size}`;
}

/**
 * A day count from today, never negative: 12 → "in 12 days", 0 → "today", -3 → "3 days ago".
 * A renewal date in the past reads "3 days ago", not "-3 days to renewal".
 */
export function formatRelativeDays(days: number): string {
  if (days === 0) return "today";
  return days > 0 ? `in ${plural(days, "day")}` : `${plural(-days, "day")} ago`;
}
