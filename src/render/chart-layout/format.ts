import type { NumberFormat } from "../../deck/deck-model.js";
import { MONEY_IN_MILLIONS_FROM } from "../../text/format.js";
import { stepDecimals } from "../chart-scale.js";

type Formatter = (value: number) => string;

/**
 * The Intl format for `locale` and `options` from `cache`, made by `make` the first time: Intl
 * formats are slow to create and used for every tick of every chart.
 */
export function cachedIntl<Options, Format>(
  cache: Map<string, Format>,
  locale: string,
  options: Options,
  make: () => Format,
): Format {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) cache.set(key, (format = make()));
  return format;
}

const numberFormats = new Map<string, Intl.NumberFormat>();

function intl(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  // "negative": a value that rounds to zero prints "0", never "-0".
  return cachedIntl(numberFormats, locale, options, () => {
    return new Intl.NumberFormat(locale, { signDisplay: "negative", ...options });
  });
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
 * Intl and Excel number formats. Money always follows the decks' one rule (text/format.ts): in
 * full below a million, in millions with `millionDecimals` (at least one) from a million on.
 */
export function formatter(
  format: NumberFormat,
  locale: string,
  {
    decimals = format.decimals,
    compact = false,
    millionDecimals = 1,
  }: { decimals?: number; compact?: boolean; millionDecimals?: number } = {},
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
      const full = intl(locale, { style: "currency", currency: format.currency, ...digits });
      const inMillions = Math.max(1, millionDecimals);
      const millions = intl(locale, {
        style: "currency",
        currency: format.currency,
        notation: "compact",
        minimumFractionDigits: inMillions,
        maximumFractionDigits: inMillions,
      });
      return (value) =>
        Math.abs(value) >= MONEY_IN_MILLIONS_FROM ? millions.format(value) : full.format(value);
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
  // Money has its own rule (full below a million), so only plain numbers go compact.
  const compact = format.style === "number" && largest >= 10_000;
  const base = compact ? 0 : stepDecimals(format, step);
  const millionBase = stepDecimals({ style: "number", decimals: 0 }, step / 1e6);
  for (let extra = 0; extra <= 3; extra++) {
    const format_ = formatter(format, locale, {
      decimals: base + extra,
      compact,
      millionDecimals: millionBase + extra,
    });
    const labels = ticks.map(format_);
    if (new Set(labels).size === labels.length) return labels;
  }
  return ticks.map(formatter(format, locale));
}
