import Handlebars from "handlebars";
import { InvalidInputError } from "../errors.js";
import {
  formatDate,
  formatList,
  formatMoney,
  formatMoneyCompact,
  formatMultiple,
  formatPercent,
  formatRelativeDays,
  formatValue,
  plural,
} from "./format.js";

/**
 * One Handlebars environment for every text qbr-deck writes (prompts, slide wording). Output is
 * plain text for slides, not HTML, so nothing is HTML-escaped. Templates are trusted like code;
 * the data they print comes from validated account files.
 */
const handlebars = Handlebars.create();

type HelperOptions = Handlebars.HelperOptions;
const currencyOf = (options: HelperOptions): string =>
  (options.data?.root as { currency?: string } | undefined)?.currency ?? "USD";
const asNumber = (value: unknown): number | null => (typeof value === "number" ? value : null);
const titleOf = (item: unknown): string =>
  typeof item === "string"
    ? item
    : String(
        (item as { title?: unknown; name?: unknown })?.title ?? (item as { name?: unknown })?.name ?? "",
      );

/** Percentages keep to their side of the thresholds the caller passes as `@percentGuards`. */
handlebars.registerHelper("pct", (value: unknown, options: HelperOptions) =>
  formatPercent(asNumber(value), (options.data as TextData | undefined)?.percentGuards),
);
handlebars.registerHelper("money", (value: unknown, options: HelperOptions) =>
  formatMoney(asNumber(value), currencyOf(options)),
);
handlebars.registerHelper("moneyShort", (value: unknown, options: HelperOptions) =>
  formatMoneyCompact(asNumber(value), currencyOf(options)),
);
/** {{multiple roi}} → "2.4×" */
handlebars.registerHelper("multiple", (value: unknown) => formatMultiple(asNumber(value)));
handlebars.registerHelper("value", (value: unknown, unit: unknown) =>
  formatValue(asNumber(value), typeof unit === "string" ? unit : undefined),
);
handlebars.registerHelper("date", (value: unknown) => formatDate(typeof value === "string" ? value : null));
/** {{list tasks}} → "A, B and C"; objects print their title (or name). {{list items "or"}} */
handlebars.registerHelper("list", (items: unknown, conjunction: unknown) => {
  const texts = Array.isArray(items) ? items.map(titleOf).filter(Boolean) : [];
  return formatList(texts, typeof conjunction === "string" ? conjunction : "and");
});
/** {{plural 3 "task"}} → "3 tasks" */
handlebars.registerHelper("plural", (count: unknown, singular: unknown) =>
  plural(asNumber(count) ?? 0, String(singular)),
);
handlebars.registerHelper("eq", (a: unknown, b: unknown) => a === b);
handlebars.registerHelper("gt", (a: unknown, b: unknown) => Number(a) > Number(b));
handlebars.registerHelper("lt", (a: unknown, b: unknown) => Number(a) < Number(b));
/** {{relativeDays daysToRenewal}} → "in 12 days", "today" or "3 days ago" (never "-3 days"). */
handlebars.registerHelper("relativeDays", (value: unknown) => formatRelativeDays(asNumber(value) ?? 0));
handlebars.registerHelper("abs", (value: unknown) => Math.abs(Number(value)));

/** What a caller passes beside the context: settings for the helpers, not data to print. */
export interface TextData {
  /** Verdict thresholds (fractions) that {{pct}} keeps its figures on the right side of. */
  percentGuards?: readonly number[];
}

export type TextTemplate = (context: object, data?: TextData) => string;

/**
 * Compiles a template string, checking its syntax now (Handlebars would only fail at first use)
 * so a broken `--templates` file is reported where it is, before any deck is built.
 */
export function compileText(source: string, file: string, path: string): TextTemplate {
  try {
    handlebars.parse(source);
  } catch (error) {
    const message = (error as Error).message.split("\n")[0] ?? "invalid template";
    throw new InvalidInputError([{ file, line: 0, column: 0, path, message: `template syntax: ${message}` }]);
  }
  const template = handlebars.compile(source, { noEscape: true, strict: false });
  return (context, data = {}) =>
    template(context, { data })
      .replace(/[ \t]+/g, " ")
      .trim();
}
