import { createRequire } from "node:module";
import type Handlebars from "handlebars";
import HandlebarsRuntime from "handlebars/runtime.js";
import { InvalidInputError } from "../errors.js";
import { precompiledSpec } from "./precompiled.js";
import {
  formatDate,
  formatInSentence,
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
 * The Handlebars environment for every text qbr-deck writes (prompts, slide wording). Output is
 * plain text for slides, not HTML, so nothing is HTML-escaped. Templates are trusted like code;
 * the data they print comes from validated account files.
 *
 * The package's own templates are compiled at build time (precompiled.ts), so a run needs only
 * Handlebars' runtime; the compiler (with its parser and source-map, ~45 modules and a tenth of a
 * cold `qbr generate`'s module loading) is loaded the first time a template has to be compiled:
 * an edited template or a `--templates` folder. Both environments get the same helpers.
 */
type HandlebarsEnvironment = typeof Handlebars;

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

function registerHelpers(handlebars: HandlebarsEnvironment): void {
  /** Percentages keep to their side of the thresholds the caller passes as `@percentGuards`. */
  handlebars.registerHelper("pct", (value: unknown, options: HelperOptions) =>
    formatPercent(asNumber(value), (options.data as TextData | undefined)?.percentGuards),
  );
  handlebars.registerHelper("multiple", (value: unknown, options: HelperOptions) =>
    formatMultiple(asNumber(value), (options.data as TextData | undefined)?.percentGuards),
  );
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
  /** {{inSentence goal.metric}} → "patient no-show rate", "time to first value"; "NPS", "ARR growth" stay (rule: formatInSentence). */
  handlebars.registerHelper("inSentence", (value: unknown) =>
    typeof value === "string" ? formatInSentence(value) : "",
  );
  handlebars.registerHelper("eq", (a: unknown, b: unknown) => a === b);
  handlebars.registerHelper("gt", (a: unknown, b: unknown) => Number(a) > Number(b));
  handlebars.registerHelper("lt", (a: unknown, b: unknown) => Number(a) < Number(b));
  /** {{relativeDays daysToRenewal}} → "in 12 days", "today" or "3 days ago" (never "-3 days"). */
  handlebars.registerHelper("relativeDays", (value: unknown) => formatRelativeDays(asNumber(value) ?? 0));
  handlebars.registerHelper("abs", (value: unknown) => Math.abs(Number(value)));
}

const runtime = (HandlebarsRuntime as HandlebarsEnvironment).create();
registerHelpers(runtime);
let compiler: HandlebarsEnvironment | undefined;

function fullHandlebars(): HandlebarsEnvironment {
  if (!compiler) {
    const full = createRequire(import.meta.url)("handlebars") as HandlebarsEnvironment;
    compiler = full.create();
    registerHelpers(compiler);
  }
  return compiler;
}

/** What a caller passes beside the context: settings for the helpers, not data to print. */
export interface TextData {
  /** Verdict thresholds (fractions) that {{pct}} keeps its figures on the right side of. */
  percentGuards?: readonly number[];
}

export type TextTemplate = (context: object, data?: TextData) => string;

/**
 * A template string, compiled at its first use (Handlebars compiles lazily: a deck uses only some
 * of the templates, and compiling all of them was a tenth of a cold `qbr generate`). With
 * `checkSyntax` (a user's `--templates` file) the syntax is checked now, so a broken file is
 * reported where it is, before any deck is built; the package's own templates are checked by the
 * test suite (test/templates.test.ts) instead of at every start.
 */
export function compileText(source: string, file: string, path: string, checkSyntax = true): TextTemplate {
  // Most wording has no expression at all ("Agenda", a whole notes paragraph). Handlebars would
  // print it unchanged, but each call first merges and wraps every helper (~20) for the call:
  // measured ~3.5 % of a batch worker's CPU before this shortcut.
  if (!source.includes("{{")) {
    const text = collapse(source);
    return () => text;
  }
  // Compiled when the package was built (this exact text, so its syntax is known to be good).
  const spec = precompiledSpec(source);
  if (spec) return wrap(runtime.template(spec as unknown as TemplateSpecification));
  if (checkSyntax) {
    try {
      fullHandlebars().parse(source);
    } catch (error) {
      const message = (error as Error).message.split("\n")[0] ?? "invalid template";
      throw new InvalidInputError([
        { file, line: 0, column: 0, path, message: `template syntax: ${message}` },
      ]);
    }
  }
  return wrap(fullHandlebars().compile(source, { ...TEMPLATE_OPTIONS }));
}

/** Handlebars options of every text template (scripts/precompile-templates.mjs compiles with them too). */
export const TEMPLATE_OPTIONS = { noEscape: true, strict: false } as const;

/** Plain slide text: runs of spaces and tabs (from template line breaks) collapsed, ends trimmed. */
function wrap(template: Handlebars.TemplateDelegate): TextTemplate {
  return (context, data = {}) => collapse(template(context, { data }));
}

function collapse(text: string): string {
  return text.replace(/[ \t]+/g, " ").trim();
}
