import type { NumberFormat } from "../../../deck/deck-model.js";
import { stepDecimals } from "../../chart-scale.js";

type Formatter = (value: number) => string;

const cache = new Map<string, Intl.NumberFormat>();

function intl(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    // "negative": a value that rounds to zero prints "0", never "-0".
    format = new Intl.NumberFormat(locale, { signDisplay: "negative", ...options });
    cache.set(key, format);
  }
  return format;
}

/** meta.language as an Intl locale; "en" when it is not a valid BCP 47 tag. */
export function intlLocale(language: string): string {
  try {
    return Intl.getCanonicalLocales(language.replace(/_/g, "-"))[0] ?? "en";
  } catch {
    return "en";
  }
}

function withUnit(text: string, unit: string | undefined): string {
  if (!unit) return text;
  return unit === "%" ? `${text}%` : `${text} ${unit}`;
}

/**
 * `decimals` overrides the format's own (axis ticks need as many as their step, no more);
 * `compact` writes 1.2M / 12K for narrow places. Percent values are fractions (0.42 → 42%), as in
 * Intl and Excel number formats.
 */
export function formatter(
  format: NumberFormat,
  locale: string,
  { decimals = format.decimals, compact = false }: { decimals?: number; compact?: boolean } = {},
): Formatter {
  const digits = { minimumFractionDigits: decimals, maximumFractionDigits: decimals };
  const notation: Intl.NumberFormatOptions = compact
    ? { notation: "compact", minimumFractionDigits: 0, maximumFractionDigits: Math.max(1, decimals) }
    : digits;
  switch (format.style) {
    case "number": {
      const number = intl(locale, notation);
      return (value) => withUnit(number.format(value), format.unit);
    }
    case "currency": {
      const currency = intl(locale, { style: "currency", currency: format.currency, ...notation });
      return (value) => currency.format(value);
    }
    case "percent": {
      const percent = intl(locale, { style: "percent", ...digits });
      return (value) => percent.format(value);
    }
  }
}

/**
 * Labels for axis ticks: just enough decimals for the step, compact notation for large values,
 * and more precision whenever two labels would read the same.
 */
export function tickLabels(format: NumberFormat, locale: string, ticks: number[]): string[] {
  const step = ticks.length > 1 ? Math.abs((ticks[1] ?? 0) - (ticks[0] ?? 0)) : 1;
  const largest = Math.max(0, ...ticks.map(Math.abs));
  const compact = format.style !== "percent" && largest >= 10_000;
  const base = compact ? 0 : stepDecimals(format, step);
  for (let decimals = base; decimals <= base + 3; decimals++) {
    const format_ = formatter(format, locale, { decimals, compact });
    const labels = ticks.map(format_);
    if (new Set(labels).size === labels.length) return labels;
  }
  return ticks.map(formatter(format, locale));
}
