import Handlebars from "handlebars";
import { InvalidInputError } from "../errors.js";
import {
  formatDate,
  formatList,
  formatMoney,
  formatMoneyCompact,
  formatPercent,
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

handlebars.registerHelper("pct", (value: unknown) => formatPercent(asNumber(value)));
handlebars.registerHelper("money", (value: unknown, options: HelperOptions) =>
  formatMoney(asNumber(value), currencyOf(options)),
);
handlebars.registerHelper("moneyShort", (value: unknown, options: HelperOptions) =>
  formatMoneyCompact(asNumber(value), currencyOf(options)),
);
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
handlebars.registerHelper("abs", (value: unknown) => Math.abs(Number(value)));

export type TextTemplate = (context: object) => string;

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
  return (context) =>
    template(context)
      .replace(/[ \t]+/g, " ")
      .trim();
}
