import type { NumberFormat } from "../../deck/deck-model.js";
import { MONEY_IN_MILLIONS_FROM } from "../../text/format.js";
import { stepDecimals } from "../chart-scale.js";

/**
 * NumberFormat → Excel number format codes, for chart axes, data labels, the chart's cached data
 * and the cells of its workbook. The codes are read off Intl's own formatting of the deck's
 * language (the symbol, its place and the space beside it, the compact suffix), so that a chart
 * shows "$57,000", "CHF 57,000", "71%" or "$1.2M" exactly as the slide text and the PDF write
 * them. Literal text is quoted so Excel never reads it as format syntax ("%" unquoted would
 * multiply by 100).
 */

export interface FormatCodeOptions {
  /** Decimals to show; the format's own by default (axes need as many as their step, no more). */
  decimals?: number;
  /** Divide by this power of 1,000 and add the language's compact suffix ("K", "M", "B"). */
  thousands?: 0 | 1 | 2 | 3;
  /**
   * Money only, for what a reader sees (axes, data labels): the decks' money rule with this many
   * decimals (at least one) in millions ("£1.0M"). Without it, amounts are written in full (the
   * cached data and the chart's workbook keep every digit).
   */
  millionDecimals?: number;
}

export function excelFormatCode(
  format: NumberFormat,
  language = "en",
  { decimals = format.decimals, thousands = 0, millionDecimals }: FormatCodeOptions = {},
): string {
  const digits = Math.max(0, Math.min(10, Math.trunc(decimals)));
  const integer = format.style === "percent" ? "0" : "#,##0";
  const number = `${integer}${digits > 0 ? `.${"0".repeat(digits)}` : ""}${",".repeat(thousands)}`;
  const suffix = thousands > 0 ? quoted(compactSuffix(language, thousands)) : "";
  switch (format.style) {
    case "number":
      return `${number}${suffix}${format.unit ? quoted(unitText(format.unit)) : ""}`;
    case "percent":
      return `${number}%`;
    case "currency": {
      const money = (code: string) =>
        currencyPattern(language, format.currency)
          .map((part) => (part === NUMBER ? code : quoted(part)))
          .join("");
      if (thousands > 0 || millionDecimals === undefined) return money(`${number}${suffix}`);
      // The decks' one money rule (text/format.ts): in full below a million, in millions with at
      // least one decimal from it on — a condition section, so each value picks its own.
      const millionDigits = Math.max(1, Math.min(10, Math.trunc(millionDecimals)));
      const millions = money(`#,##0.${"0".repeat(millionDigits)},,${quoted(compactSuffix(language, 2))}`);
      // Negative money is never charted (value is at least zero), so the rest reads in full.
      return `[>=${MONEY_IN_MILLIONS_FROM}]${millions};${money(number)}`;
    }
  }
}

/**
 * The format of a value axis with these ticks: as many decimals as the step needs, and — as the
 * PDF writes its ticks — plain numbers in thousands or millions ("12K", "1.5M") once the ticks
 * reach 10,000, money by the decks' money rule ("$500,000", "$1.5M").
 */
export function axisFormatCode(format: NumberFormat, ticks: readonly number[], language = "en"): string {
  const step = ticks.length > 1 ? Math.abs((ticks[1] ?? 0) - (ticks[0] ?? 0)) : 1;
  const largest = Math.max(0, ...ticks.map(Math.abs));
  if (format.style === "currency") {
    const decimals = stepDecimals(format, step);
    if (largest < MONEY_IN_MILLIONS_FROM) return excelFormatCode(format, language, { decimals });
    return excelFormatCode(format, language, {
      decimals,
      millionDecimals: stepDecimals({ style: "number", decimals: 0 }, step / 1e6),
    });
  }
  if (format.style === "percent" || largest < 10_000) {
    return excelFormatCode(format, language, { decimals: stepDecimals(format, step) });
  }
  const thousands = largest >= 1e9 ? 3 : largest >= 1e6 ? 2 : 1;
  const scaledStep = step / 1000 ** thousands;
  const scaled = excelFormatCode(format, language, {
    thousands,
    decimals: stepDecimals({ style: "number", decimals: 0 }, scaledStep),
  });
  // Sections for positive; negative; zero: the zero tick reads "$0" rather than "$0K".
  return `${scaled};-${scaled};${excelFormatCode(format, language, { decimals: 0 })}`;
}

/** The format code of what a reader sees of a value: money by the decks' rule, the rest as excelFormatCode. */
export function labelFormatCode(format: NumberFormat, language = "en", decimals = format.decimals): string {
  return excelFormatCode(format, language, { decimals, millionDecimals: 1 });
}

/** "%" and "pp" follow the number as the slide text writes them ("71%"); other units after a space. */
function unitText(unit: string): string {
  return unit === "%" || unit === "pp" ? unit : ` ${unit}`;
}

/** Excel has no escape for '"' inside a quoted literal; drop it rather than break the code. */
function quoted(text: string): string {
  return text === "" ? "" : `"${text.replace(/"/g, "")}"`;
}

const NUMBER = Symbol("number");
type Pattern = (string | typeof NUMBER)[];
const patternCache = new Map<string, Pattern>();

function numberFormat(language: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  try {
    return new Intl.NumberFormat(language || "en", options);
  } catch {
    return new Intl.NumberFormat("en", options);
  }
}

/** The text around the number in the language's money format: ["$", NUMBER] or ["CHF ", NUMBER]. */
function currencyPattern(language: string, currency: string): Pattern {
  const key = `${language}|${currency}`;
  let pattern = patternCache.get(key);
  if (!pattern) {
    let parts: Intl.NumberFormatPart[];
    try {
      parts = numberFormat(language, { style: "currency", currency }).formatToParts(1234.5);
    } catch {
      parts = [
        { type: "literal", value: `${currency} ` },
        { type: "integer", value: "1" },
      ];
    }
    // Text before and after the number, each as one literal ("CHF" and its no-break space).
    let before = "";
    let after = "";
    let seenNumber = false;
    for (const part of parts) {
      if (part.type === "integer" || part.type === "group") seenNumber = true;
      else if (part.type === "currency" || part.type === "literal") {
        if (seenNumber) after += part.value;
        else before += part.value;
      }
    }
    pattern = [before, NUMBER, after];
    patternCache.set(key, pattern);
  }
  return pattern;
}

const suffixCache = new Map<string, string>();

/** Intl's compact suffix for 1,000^thousands in the language ("K", "M", "B" in English). */
function compactSuffix(language: string, thousands: number): string {
  const key = `${language}|${thousands}`;
  let suffix = suffixCache.get(key);
  if (suffix === undefined) {
    suffix = numberFormat(language, { notation: "compact" })
      .formatToParts(1000 ** thousands)
      .filter((part) => part.type === "compact" || part.type === "literal")
      .map((part) => part.value)
      .join("");
    suffixCache.set(key, suffix);
  }
  return suffix;
}
