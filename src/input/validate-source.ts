import { z } from "zod";
import { InvalidInputError, type ValidationIssue } from "../errors.js";
import {
  escapeUnshowable,
  formatPath,
  MAX_ISSUES,
  shorten,
  type DataPath,
  type ParsedSource,
} from "./parse-source.js";

/**
 * Validates parsed data against a zod schema and reports every problem at once, each located
 * in the file and worded as "what was expected, what was found".
 */

export { formatPath } from "./parse-source.js";

const TYPE_NAMES: Record<string, string> = {
  string: "a text",
  number: "a number",
  boolean: "true or false",
  object: "a mapping (key: value pairs)",
  array: "a list",
  date: "a date",
};

export function describeValue(value: unknown): string {
  if (value === null) return "nothing (null)";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string") {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    // JSON escapes the C0 controls; the rest that could act on a terminal is escaped after it.
    return escapeUnshowable(JSON.stringify(shown));
  }
  return String(value);
}

type SchemaDef = Record<string, unknown> & { type?: string };

function defOf(node: unknown): SchemaDef | undefined {
  return (node as { _zod?: { def?: SchemaDef } } | undefined)?._zod?.def;
}

/**
 * The schema of the value at `path`, as the chain of its wrappers (optional, default, nullable,
 * pipe) down to the schema itself: metadata such as `format: "date"` may sit on any of them.
 */
function schemasAt(schema: z.ZodType, path: DataPath): unknown[] {
  let current: unknown = schema;
  const unwrap = (): unknown[] => {
    const layers = [current];
    for (;;) {
      const def = defOf(current);
      if (def?.type === "optional" || def?.type === "default" || def?.type === "nullable")
        current = def.innerType;
      else if (def?.type === "pipe") current = def.in;
      else return layers;
      layers.push(current);
    }
  };
  for (const segment of path) {
    unwrap();
    const def = defOf(current);
    if (def?.type === "object" && typeof segment === "string") {
      current = (def.shape as Record<string, unknown>)[segment];
    } else if (def?.type === "array" && typeof segment === "number") {
      current = def.element;
    } else {
      return [];
    }
    if (current === undefined) return [];
  }
  return unwrap();
}

/** The keys a strict object at `path` of the schema accepts, for "did you mean" hints. */
function knownKeys(schema: z.ZodType, path: DataPath): string[] {
  const def = defOf(schemasAt(schema, path).at(-1));
  return def?.type === "object" ? Object.keys(def.shape as Record<string, unknown>) : [];
}

/** The `format` metadata of the schema at `path` (`isoDate` has "date"), if any. */
function formatAt(schema: z.ZodType, path: DataPath): string | undefined {
  for (const layer of schemasAt(schema, path)) {
    const meta = z.globalRegistry.get(layer as z.ZodType) as { format?: unknown } | undefined;
    if (typeof meta?.format === "string") return meta.format;
  }
  return undefined;
}

/** Text formats named in the user's terms rather than as "a text". */
const FORMAT_NAMES: Record<string, string> = {
  date: "a date (YYYY-MM-DD)",
};

/** "a date (YYYY-MM-DD)" where the schema at `path` is a date, else the JSON type's name. */
function expectedName(schema: z.ZodType, path: DataPath, type: string): string {
  const format = formatAt(schema, path);
  return (format !== undefined ? FORMAT_NAMES[format] : undefined) ?? TYPE_NAMES[type] ?? type;
}

/** A value short enough to quote after "got" (a text, number or true/false — not a whole mapping). */
function isShownValue(value: unknown): boolean {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean";
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const saved = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = saved;
    }
  }
  return row[b.length]!;
}

function unknownKeyMessage(key: string, known: string[]): string {
  if (key.length > 64) return `unknown key "${shorten(key)}"`;
  const closest = known
    .map((candidate) => ({ candidate, distance: editDistance(key.toLowerCase(), candidate.toLowerCase()) }))
    .sort((x, y) => x.distance - y.distance)[0];
  const hint =
    closest && closest.distance <= Math.max(2, Math.floor(key.length / 3))
      ? ` — did you mean "${closest.candidate}"?`
      : known.length > 0
        ? ` (expected one of: ${known.join(", ")})`
        : "";
  return `unknown key "${shorten(key)}"${hint}`;
}

function issueMessage(issue: z.core.$ZodIssue, schema: z.ZodType, path: DataPath): string {
  switch (issue.code) {
    case "invalid_type": {
      const expected = expectedName(schema, path, issue.expected);
      if (issue.input === undefined) return `is missing; expected ${expected}`;
      return `expected ${expected}, got ${describeValue(issue.input)}`;
    }
    case "invalid_value": {
      const options = issue.values.map((value) => JSON.stringify(value)).join(", ");
      const expected = issue.values.length === 1 ? options : `one of ${options}`;
      return `expected ${expected}, got ${describeValue(issue.input)}`;
    }
    case "invalid_format":
    case "custom":
      // a text in the wrong format ("31/12/2025" for a date): the schema's sentence and what was written
      return (issue.code === "invalid_format" || formatAt(schema, path) === "date") &&
        isShownValue(issue.input)
        ? `${issue.message}, got ${describeValue(issue.input)}`
        : issue.message;
    default:
      return issue.message;
  }
}

export function validateSource<Schema extends z.ZodType>(
  source: ParsedSource,
  schema: Schema,
): z.output<Schema> {
  const result = schema.safeParse(source.data, { reportInput: true });
  if (result.success) return result.data;
  const issues: ValidationIssue[] = [];
  // Each problem is located in the file (a walk of the document); only the first MAX_ISSUES are,
  // so a file with thousands of unknown keys is answered as fast as one with a typo.
  let unreported = 0;
  const reported = new Set<string>();
  const report = (make: () => ValidationIssue) => {
    if (issues.length < MAX_ISSUES) issues.push(make());
    else unreported++;
  };
  for (const issue of result.error.issues) {
    const path = issue.path.filter((segment): segment is string | number => typeof segment !== "symbol");
    if (issue.code === "unrecognized_keys") {
      const known = knownKeys(schema, path);
      for (const key of issue.keys) {
        report(() => ({
          file: source.file,
          ...source.locate([...path, key], "key"),
          path: formatPath([...path, shorten(key)]),
          message: unknownKeyMessage(key, known),
        }));
      }
      continue;
    }
    const isRoot = path.length === 0;
    const message =
      isRoot && issue.code === "invalid_type"
        ? `expected ${TYPE_NAMES[issue.expected] ?? issue.expected} at the top of the file, got ${describeValue(issue.input)}`
        : issueMessage(issue, schema, path);
    // one bad value, one message: a second check failing on the same value adds nothing
    const shown = formatPath(path);
    if (reported.has(shown)) continue;
    reported.add(shown);
    report(() => ({ file: source.file, ...source.locate(path), path: shown, message }));
  }
  issues.sort((a, b) => a.line - b.line || a.column - b.column);
  if (unreported > 0) {
    issues.push({
      file: source.file,
      line: 0,
      column: 0,
      path: "",
      message: `…and ${unreported} more problems`,
    });
  }
  throw new InvalidInputError(issues);
}
