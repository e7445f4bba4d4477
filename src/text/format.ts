import { dayNumber, type IsoDate } from "../dates.js";

/**
 * How figures read on slides and in prompts. English wording, Intl formatting; money in the
 * account's currency. Rounded here for people — `analyze --json` keeps the unrounded numbers.
 */
const LOCALE = "en-US";

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALE, options);
    numberFormats.set(key, format);
  }
  return format;
}

/** 0.4222 → "42%"; keeps one decimal below 10% so small progress does not read as 0%. */
export function formatPercent(fraction: number | null | undefined): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return "n/a";
  const percent = fraction * 100;
  const decimals = Math.abs(percent) < 10 && Math.round(percent) !== percent ? 1 : 0;
  return numberFormat(`pct${decimals}`, { maximumFractionDigits: decimals }).format(percent) + "%";
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

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatCount(count)} ${count === 1 ? singular : pluralForm}`;
}
