import type { NumberFormat } from "../../deck/deck-model.js";

/**
 * NumberFormat → Excel number format code, as chart axes and data labels take them.
 * Literal text (units, currency symbols) is quoted so Excel never reads it as format syntax.
 */
export function excelFormatCode(format: NumberFormat): string {
  const decimals = Math.max(0, Math.min(10, Math.trunc(format.decimals)));
  const fraction = decimals > 0 ? `.${"0".repeat(decimals)}` : "";
  switch (format.style) {
    case "number":
      return `#,##0${fraction}${format.unit ? ` ${quoted(format.unit)}` : ""}`;
    case "percent":
      return `0${fraction}%`;
    case "currency": {
      const symbol = currencySymbol(format.currency);
      const number = `#,##0${fraction}`;
      return symbol.position === "before"
        ? `${quoted(symbol.text)}${number}`
        : `${number} ${quoted(symbol.text)}`;
    }
  }
}

/**
 * The format for chart axes and data labels: large amounts are written in thousands or millions
 * ("€610k", "1.2M") so that labels stay short enough not to collide. Percentages and small
 * numbers keep the plain format.
 */
export function chartFormatCode(format: NumberFormat, largestAbsolute: number): string {
  if (format.style === "percent" || largestAbsolute < 10_000) return excelFormatCode(format);
  const millions = largestAbsolute >= 1_000_000;
  // Each trailing comma in an Excel number format divides by 1,000.
  const scaled = millions ? "#,##0.0,," : "#,##0,";
  const suffix = millions ? "M" : "k";
  if (format.style === "number") {
    return `${scaled}${quoted(suffix)}${format.unit ? ` ${quoted(format.unit)}` : ""}`;
  }
  const symbol = currencySymbol(format.currency);
  return symbol.position === "before"
    ? `${quoted(symbol.text)}${scaled}${quoted(suffix)}`
    : `${scaled}${quoted(suffix)} ${quoted(symbol.text)}`;
}

/** Excel has no escape for '"' inside a quoted literal; drop it rather than break the code. */
function quoted(text: string): string {
  return `"${text.replace(/"/g, "")}"`;
}

const symbolCache = new Map<string, { text: string; position: "before" | "after" }>();

/** The narrow symbol for a currency code ("$", "€", "£", "CHF"), placed as English writes it. */
function currencySymbol(currency: string): { text: string; position: "before" | "after" } {
  const code = currency.toUpperCase();
  let symbol = symbolCache.get(code);
  if (!symbol) {
    try {
      const parts = new Intl.NumberFormat("en", {
        style: "currency",
        currency: code,
        currencyDisplay: "narrowSymbol",
      }).formatToParts(1);
      const index = parts.findIndex((part) => part.type === "currency");
      const integer = parts.findIndex((part) => part.type === "integer");
      symbol = { text: parts[index]?.value ?? code, position: index < integer ? "before" : "after" };
    } catch {
      symbol = { text: code, position: "after" };
    }
    symbolCache.set(code, symbol);
  }
  return symbol;
}
