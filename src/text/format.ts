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

/**
 * Value ÷ ARR as a multiple of the contract, never as a percentage ("24%" of a contract reads as a
 * 76% loss): 0.2375 → "0.24×", 2.4 → "2.4×", 14.2 → "14×". Like formatPercent, a multiple never
 * rounds across one of `guards` (0.996 → "0.996×", not "1.00×" beside "below the contract").
 */
export function formatMultiple(
  ratio: number | null | undefined,
  guards: readonly number[] = DEFAULT_PERCENT_GUARDS,
): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return "n/a";
  const size = Math.abs(ratio);
  const decimals = size < 1 ? 2 : size < 10 ? 1 : 0;
  const show = (value: number, digits: number) =>
    numberFormat(`mult${digits}`, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
      value,
    ) + "×";
  for (let extra = 0; extra <= MAX_GUARD_DECIMALS; extra++) {
    const shown = Number(ratio.toFixed(decimals + extra));
    if (!crossesGuard(ratio, shown * 100, guards)) return show(ratio, decimals + extra);
  }
  // Still across a guard at the finest precision: cut toward the ratio's own side.
  const digits = decimals + MAX_GUARD_DECIMALS;
  const scale = 10 ** digits;
  const below = guards.some((guard) => ratio < guard - EPSILON && Math.round(ratio * scale) / scale >= guard);
  return show((below ? Math.floor : Math.ceil)(ratio * scale) / scale, digits);
}

/** Money in a deck's text: in full below a million ("£735,000"), in millions from it on ("£1.2M"). */
export function formatMoney(amount: number | null | undefined, currency: string): string {
  if (amount === null || amount === undefined || !Number.isFinite(amount)) return "n/a";
  if (Math.abs(amount) >= MONEY_IN_MILLIONS_FROM) return formatMoneyCompact(amount, currency);
  const decimals = Math.abs(amount) < 100 && !Number.isInteger(amount) ? 2 : 0;
  return numberFormat(`money-${currency}-${decimals}`, {
    style: "currency",
    currency,
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(amount);
}

/**
 * From this amount on, money reads in millions ("£1.0M"): the amounts that round to a million
 * with one decimal. The one rule of every deck's money — slide text, tiles, chart axes and
 * labels in both formats (render/chart-layout/format.ts, render/pptx/number-format.ts).
 */
export const MONEY_IN_MILLIONS_FROM = 999_950;

/**
 * Money for tiles, where space is short — by the same rule as everywhere else in a deck: in full
 * below a million ("£735,000", as formatMoney writes it), in millions with one decimal from a
 * million on ("£1.0M", "$12.5M"). One amount never reads "£96K" on one slide and "£96,000" on the
 * next. `millionDecimals` (at least one) is for axis ticks a finer step apart ("£1.25M").
 */
export function formatMoneyCompact(
  amount: number | null | undefined,
  currency: string,
  millionDecimals = 1,
): string {
  if (amount === null || amount === undefined || !Number.isFinite(amount)) return "n/a";
  if (Math.abs(amount) < MONEY_IN_MILLIONS_FROM) return formatMoney(amount, currency);
  const decimals = Math.max(1, millionDecimals);
  return numberFormat(`moneyc-${currency}-${decimals}`, {
    style: "currency",
    currency,
    notation: "compact",
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(amount);
}

const CURRENCY_CODES = new Set(Intl.supportedValuesOf("currency"));

/** A metric unit that is a currency code ("GBP") is money: it prints as "£500,000". */
export function isCurrencyCode(unit: string): boolean {
  return CURRENCY_CODES.has(unit);
}

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

/**
 * A name as it reads in the middle of a sentence: "Patient no-show rate" → "patient no-show rate",
 * "Time to First Value" → "time to first value" ("the progress on time to first value"). Account
 * files write metric names as labels, capitalised for tables and chart titles; mid-sentence those
 * capitals read as typos, and lowering only the first letter leaves "time to First Value".
 *
 * The rule, word by word (a word's parts split at "-" and "/" are judged one by one):
 * - A part with a capital after its first letter, or a lone capital letter, is an acronym or a
 *   mixed-case name and stays as written: "NPS", "ARR", "iOS", "SLA%", "McKinsey", "A/B", "Q4".
 * - A label in Title Case — every word other than acronyms and short joining words ("to", "of",
 *   "per", …) capitalised, at least one of them after the first word — is lower-cased throughout:
 *   "Weekly Active Users" → "weekly active users", "On-time Delivery %" → "on-time delivery %".
 * - Otherwise the label is in sentence case and only its first word is lowered; a capital further
 *   in is deliberate, a proper noun, and stays: "Tickets closed in Zendesk" → "tickets closed in
 *   Zendesk".
 * A capitalised first word cannot be told from a brand by its shape ("Salesforce adoption" reads
 * like "Patient no-show rate"), so it is lowered: labels start with a capital far more often than
 * with a brand. Write a brand in its own case (e.g. "SAP sync rate", "adoption of Salesforce") to
 * keep it.
 */
export function formatInSentence(name: string): string {
  // Words, and within them the parts between "-" and "/": ["On", "-", "time", " ", "Delivery", …].
  const tokens = name.split(/(\s+|[-/])/u);
  const kinds = tokens.map(partKind);
  const firstWordEnd = tokens.findIndex((token) => /^\s+$/u.test(token));
  const inFirstWord = (index: number) => firstWordEnd < 0 || index < firstWordEnd;
  // The words that show the label's casing: not acronyms, not joining words, and not the part of a
  // compound after its hyphen (Title Case often writes "On-time", "Follow-up").
  const startsWord = (index: number) => index === 0 || /^\s+$/u.test(tokens[index - 1] ?? "");
  const ordinary = tokens.flatMap((token, index) =>
    (kinds[index] === "capitalised" || kinds[index] === "lower") && startsWord(index)
      ? [{ index, kind: kinds[index] }]
      : [],
  );
  const titleCase =
    ordinary.every(({ kind }) => kind === "capitalised") && ordinary.some(({ index }) => !inFirstWord(index));
  return tokens
    .map((token, index) =>
      kinds[index] === "capitalised" && (titleCase || inFirstWord(index))
        ? token.toLocaleLowerCase("en")
        : token,
    )
    .join("");
}

/** Short words a Title Case label may leave in lower case ("Time to First Value"). */
const JOINING_WORDS = new Set("a an and at by for in of on or per the to vs".split(" "));

type PartKind = "kept" | "capitalised" | "lower" | "joining" | "none";

/** What a part of a name is, for formatInSentence: see its rule. */
function partKind(part: string): PartKind {
  const letters = part.match(/\p{L}/gu) ?? [];
  if (letters.length === 0) return "none";
  const [first = "", ...rest] = letters;
  const isUpper = (letter: string) => letter !== letter.toLocaleLowerCase("en");
  if (rest.some(isUpper) || (rest.length === 0 && isUpper(first))) return "kept";
  if (isUpper(first)) return "capitalised";
  return JOINING_WORDS.has(part.toLocaleLowerCase("en")) ? "joining" : "lower";
}
