import { isCalendarDate, type IsoDate } from "../../dates.js";
import { MAX_MAGNITUDE } from "../account-schema.js";
import type { CellValue } from "./table.js";

/**
 * Reading one cell as a date, a number or true/false the way exports write them. Text cells are
 * read strictly (a date in the chosen format, a number with the decimal separator the file uses);
 * anything else is an error naming what was expected, never a guess that could shift a value by a
 * factor of a thousand or swap day and month.
 */

export const DATE_FORMATS = ["YYYY-MM-DD", "DD/MM/YYYY", "MM/DD/YYYY", "DD.MM.YYYY"] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

export type Parsed<T> = { ok: true; value: T } | { ok: false; expected: string };

const pad = (text: string) => text.padStart(2, "0");

/** An optional time of day after a date ("2025-03-31 00:00:00", "2025-03-31T08:15Z"): ignored. */
const TIME_SUFFIX = String.raw`(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?`;

const DATE_PATTERNS: Record<DateFormat, RegExp> = {
  "YYYY-MM-DD": new RegExp(`^(?<year>\\d{4})-(?<month>\\d{2})-(?<day>\\d{2})${TIME_SUFFIX}$`),
  "DD/MM/YYYY": new RegExp(`^(?<day>\\d{1,2})/(?<month>\\d{1,2})/(?<year>\\d{4})${TIME_SUFFIX}$`),
  "MM/DD/YYYY": new RegExp(`^(?<month>\\d{1,2})/(?<day>\\d{1,2})/(?<year>\\d{4})${TIME_SUFFIX}$`),
  "DD.MM.YYYY": new RegExp(`^(?<day>\\d{1,2})\\.(?<month>\\d{1,2})\\.(?<year>\\d{4})${TIME_SUFFIX}$`),
};

/** Date formats whose countries also write decimal commas. */
export function isEuropeanDateFormat(format: DateFormat): boolean {
  return format === "DD/MM/YYYY" || format === "DD.MM.YYYY";
}

function dateFromText(text: string, format: DateFormat): IsoDate | undefined {
  // ISO dates are unambiguous, so they are read whatever format was chosen.
  for (const pattern of new Set([DATE_PATTERNS["YYYY-MM-DD"], DATE_PATTERNS[format]])) {
    const groups = pattern.exec(text)?.groups;
    if (!groups) continue;
    const date = `${groups.year}-${pad(groups.month!)}-${pad(groups.day!)}`;
    return isCalendarDate(date) ? date : undefined;
  }
  return undefined;
}

export function parseDateCell(cell: CellValue, format: DateFormat): Parsed<IsoDate> {
  const expected =
    format === "YYYY-MM-DD" ? "a date written YYYY-MM-DD" : `a date written ${format} (or YYYY-MM-DD)`;
  if (cell.kind === "date") return { ok: true, value: cell.date };
  if (cell.kind === "number") {
    return {
      ok: false,
      expected: `${expected}; this cell holds a plain number (format the column as dates)`,
    };
  }
  if (cell.kind !== "text") return { ok: false, expected };
  const date = dateFromText(cell.text.trim(), format);
  return date ? { ok: true, value: date } : { ok: false, expected };
}

/** Spaces, no-break and thin spaces and apostrophes group digits ("1 234,5", "1'234.5"). */
const GROUP_SPACES = /[\s\u00a0\u2009\u202f']/g;
const POINT_NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const COMMA_NUMBER = /^[+-]?(?:\d{1,3}(?:\.\d{3})+|\d+)?(?:,\d+)?(?:[eE][+-]?\d+)?$/;

export function numberFromText(raw: string, decimalComma: boolean): number | undefined {
  const text = raw
    .trim()
    .replace(/^\u2212/, "-")
    .replace(GROUP_SPACES, "");
  if (!/\d/.test(text)) return undefined;
  if (decimalComma) {
    if (!COMMA_NUMBER.test(text)) return undefined;
    return Number(text.replaceAll(".", "").replace(",", "."));
  }
  if (!POINT_NUMBER.test(text)) return undefined;
  return Number(text.replaceAll(",", ""));
}

export function parseNumberCell(cell: CellValue, decimalComma: boolean): Parsed<number> {
  const expected = decimalComma ? "a number such as 1234,5 (decimal comma)" : "a number such as 1234.5";
  let value: number | undefined;
  if (cell.kind === "number") value = cell.value;
  else if (cell.kind === "text") value = numberFromText(cell.text, decimalComma);
  if (value === undefined || !Number.isFinite(value)) return { ok: false, expected };
  if (Math.abs(value) > MAX_MAGNITUDE) return { ok: false, expected: "a number between -1e15 and 1e15" };
  return { ok: true, value };
}

const TRUE_WORDS = new Set(["true", "yes", "y", "x", "1", "done", "wahr", "ja", "vrai", "oui"]);
const FALSE_WORDS = new Set(["false", "no", "n", "0", "open", "falsch", "nein", "faux", "non"]);

export function parseBooleanCell(cell: CellValue): Parsed<boolean> {
  const expected = "TRUE or FALSE";
  if (cell.kind === "boolean") return { ok: true, value: cell.value };
  if (cell.kind === "number" && (cell.value === 0 || cell.value === 1))
    return { ok: true, value: cell.value === 1 };
  if (cell.kind !== "text") return { ok: false, expected };
  const word = cell.text.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return { ok: true, value: true };
  if (FALSE_WORDS.has(word)) return { ok: true, value: false };
  return { ok: false, expected };
}

/** A cell as plain text (numbers as written by JavaScript, dates as YYYY-MM-DD). */
export function cellText(cell: CellValue): string | undefined {
  switch (cell.kind) {
    case "text":
      return cell.text.trim() === "" ? undefined : cell.text.trim();
    case "number":
      return String(cell.value);
    case "date":
      return cell.date;
    case "boolean":
      return cell.value ? "TRUE" : "FALSE";
    default:
      return undefined;
  }
}
