import {
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Document,
  type Node,
  type YAMLError,
} from "yaml";
import { parse as parseJson, printParseErrorCode, type ParseError } from "jsonc-parser";
import { InvalidInputError, type ValidationIssue } from "../errors.js";
import { visibleText } from "../text/sanitize.js";
import { applyCoreTags } from "./yaml-tags.js";
import { describeYamlMistake, unresolvedAliasMistake, type YamlMistake } from "./yaml-mistakes.js";

/**
 * Turns the bytes of a YAML or JSON file into plain data plus a way to find where any path of it
 * was written, so validation errors can say `file:line:col`. Hostile input is refused here:
 * binary junk, oversized files, alias bombs, duplicate keys, runaway nesting.
 */

export const MAX_INPUT_BYTES = 5 * 1024 * 1024;
/** Aliases a file may expand; a real account needs none, a "billion laughs" file needs millions. */
export const MAX_ALIAS_COUNT = 100;

/** A file with thousands of problems is reported by its first ones; the rest are counted. */
export const MAX_ISSUES = 50;

export type DataPath = readonly (string | number)[];

/** goals[1].target.value */
export function formatPath(path: DataPath): string {
  return path
    .map((segment, index) =>
      typeof segment === "number" ? `[${segment}]` : index === 0 ? segment : `.${segment}`,
    )
    .join("");
}

export interface ParsedSource {
  file: string;
  data: unknown;
  /**
   * Line and column (1-based) of the value at `path`, or of its nearest existing ancestor; a
   * spreadsheet source also names the cell (see ValidationIssue.cell).
   */
  locate(path: DataPath, at?: "key" | "value"): { line: number; column: number; cell?: string };
}

function fileIssue(file: string, message: string, line = 0, column = 0): InvalidInputError {
  return new InvalidInputError([{ file, line, column, path: "", message }]);
}

/** "file is 5,242,881 bytes; the limit is 5,242,880 bytes (5 MiB)": exact, so it never contradicts itself. */
export function fileSizeMessage(size: number, max: number): string {
  const bytes = (n: number) => `${n.toLocaleString("en-US")} bytes`;
  const mebibytes = max / (1024 * 1024);
  const limit = Number.isInteger(mebibytes) ? `${bytes(max)} (${mebibytes} MiB)` : bytes(max);
  return `file is ${bytes(size)}; the limit is ${limit}`;
}

/**
 * UTF-16 or UTF-32 text: a byte-order mark, or (without one) NUL bytes in every other position
 * of mostly-ASCII text, as Windows tools write "Unicode" files. Such a file is text, not binary.
 */
export function wideEncoding(bytes: Uint8Array): string | null {
  const [b0, b1, b2, b3] = bytes;
  if (b0 === 0x00 && b1 === 0x00 && b2 === 0xfe && b3 === 0xff) return "UTF-32";
  if (b0 === 0xff && b1 === 0xfe && b2 === 0x00 && b3 === 0x00) return "UTF-32";
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) return "UTF-16";
  const sample = bytes.subarray(0, Math.min(bytes.byteLength, 4096) & ~1);
  if (sample.byteLength < 2) return null;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let index = 0; index < sample.byteLength; index += 2) {
    if (sample[index] === 0) zeroEven++;
    if (sample[index + 1] === 0) zeroOdd++;
  }
  const pairs = sample.byteLength / 2;
  const mostly = (count: number) => count >= pairs * 0.6;
  const rarely = (count: number) => count <= pairs * 0.1;
  return (mostly(zeroOdd) && rarely(zeroEven)) || (mostly(zeroEven) && rarely(zeroOdd)) ? "UTF-16" : null;
}

function decodeText(file: string, bytes: Uint8Array): string {
  if (bytes.byteLength > MAX_INPUT_BYTES)
    throw fileIssue(file, fileSizeMessage(bytes.byteLength, MAX_INPUT_BYTES));
  const wide = wideEncoding(bytes);
  if (wide) throw fileIssue(file, `file is ${wide} text; an account file must be UTF-8 (save it as UTF-8)`);
  if (bytes.includes(0))
    throw fileIssue(file, "file is binary (it holds NUL bytes); expected YAML or JSON text");
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw fileIssue(file, "file is not UTF-8 text; expected YAML or JSON saved as UTF-8");
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === "")
    throw fileIssue(file, "file is empty; expected an account (run `qbr init` for a starter file)");
  return text;
}

const JSON_ERROR_WORDS: Record<string, string> = {
  InvalidSymbol: "unexpected character",
  InvalidNumberFormat: "malformed number",
  PropertyNameExpected: "expected a property name in double quotes",
  ValueExpected: "expected a value",
  ColonExpected: "expected ':'",
  CommaExpected: "expected ','",
  CloseBraceExpected: "expected '}'",
  CloseBracketExpected: "expected ']'",
  EndOfFileExpected: "expected the end of the file",
  InvalidCommentToken: "comments are not allowed in JSON",
  UnexpectedEndOfComment: "unterminated comment",
  UnexpectedEndOfString: "unterminated string",
  UnexpectedEndOfNumber: "unterminated number",
  InvalidUnicode: "invalid unicode escape",
  InvalidEscapeCharacter: "invalid escape character",
  InvalidCharacter: "invalid character in a string",
};

/** Strict JSON syntax check with positions (JSON.parse's messages differ between Node versions). */
function checkJsonSyntax(file: string, text: string): void {
  const errors: ParseError[] = [];
  try {
    parseJson(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  } catch (error) {
    if (error instanceof RangeError) throw fileIssue(file, "file is nested too deeply to be an account");
    throw error;
  }
  if (errors.length === 0) return;
  const counter = new LineCounter();
  let offset = 0;
  for (const line of text.split("\n")) {
    counter.addNewLine(offset);
    offset += line.length + 1;
  }
  throw new InvalidInputError(
    errors.slice(0, 5).map((error): ValidationIssue => {
      const { line, col } = counter.linePos(error.offset);
      const code = printParseErrorCode(error.error);
      return {
        file,
        line,
        column: col,
        path: "",
        message: `invalid JSON: ${JSON_ERROR_WORDS[code] ?? code}`,
      };
    }),
  );
}

function findNode(document: Document, path: DataPath, at: "key" | "value"): Node | null {
  let node: unknown = document.contents;
  let found: Node | null = (node as Node | null) ?? null;
  for (const [index, segment] of path.entries()) {
    const last = index === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => isPair(item) && isScalar(item.key) && item.key.value === segment,
      );
      if (!pair) return found;
      node = last && at === "key" ? pair.key : pair.value;
    } else if (isSeq(node) && typeof segment === "number") {
      node = node.items[segment];
    } else {
      return found;
    }
    if (!node || typeof node !== "object" || !("range" in node)) return found;
    found = node as Node;
  }
  return found;
}

/** Flow nesting a real account never needs (it uses about five levels); refused before parsing. */
export const MAX_NESTING = 64;

/**
 * Deepest `[`/`{` nesting outside quoted strings, in one linear pass. Hostile files nest a
 * million levels deep; the parsers recurse, so they must never see such a file.
 */
function flowNestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let quote: string | null = null;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (quote) {
      if (char === "\\" && quote === '"') index++;
      else if (char === quote) quote = null;
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === "[" || char === "{") {
      depth++;
      if (depth > deepest) deepest = depth;
    } else if ((char === "]" || char === "}") && depth > 0) {
      depth--;
    } else if (char === "\n") {
      quote = null;
    }
  }
  return deepest;
}

/**
 * Duplicate keys, found in one pass per mapping (the YAML library's own check compares every
 * key with every other one, which a file of 20,000 keys turns into minutes).
 */
function duplicateKeyIssues(
  file: string,
  document: Document,
  position: Locate,
  syntax: SyntaxName,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const stack: unknown[] = [document.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : null;
        if (key !== null) {
          if (seen.has(key) && pair.key && isScalar(pair.key) && pair.key.range) {
            issues.push({
              file,
              ...position(pair.key.range[0]),
              path: "",
              message: `invalid ${syntax}: duplicate key "${shorten(key)}"`,
            });
          }
          seen.add(key);
        }
        stack.push(pair.value);
      }
    } else if (isSeq(node)) {
      stack.push(...node.items);
    }
  }
  return issues;
}

type Locate = (offset: number) => { line: number; column: number };

/**
 * Characters that would act on a terminal or reorder what is shown around them (C0/C1 controls,
 * line and paragraph separators, bidirectional overrides), shown as `\uXXXX` in messages.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSHOWABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * Long keys and values are shown cut, so one hostile key cannot flood the terminal, and escaped,
 * so one cannot clear the screen or disguise the rest of the line.
 */
export function shorten(text: string, max = 40): string {
  return escapeUnshowable(text.length > max ? `${text.slice(0, max)}…` : text);
}

export function escapeUnshowable(text: string): string {
  return visibleText(text).replace(
    UNSHOWABLE,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/** What the file is written in, as messages name it: a `.json` file is JSON even to the YAML parser. */
type SyntaxName = "JSON" | "YAML";

/** The YAML library's message in the user's terms (no advice meant for programmers). */
function yamlErrorMessage(error: YAMLError, syntax: SyntaxName): string {
  if (error.code === "MULTIPLE_DOCS") {
    return "the file holds more than one YAML document (a second `---`); an account file is one document";
  }
  const message = error.message.split("\n")[0]?.replace(/ at line \d+, column \d+:?$/, "") ?? error.code;
  return `invalid ${syntax}: ${message}`;
}

function firstIssues(file: string, issues: ValidationIssue[]): ValidationIssue[] {
  if (issues.length <= MAX_ISSUES) return issues;
  const more = issues.length - MAX_ISSUES;
  return [
    ...issues.slice(0, MAX_ISSUES),
    { file, line: 0, column: 0, path: "", message: `…and ${more} more problems` },
  ];
}

export function parseSource(file: string, bytes: Uint8Array): ParsedSource {
  const text = decodeText(file, bytes);
  if (flowNestingDepth(text) > MAX_NESTING) {
    throw fileIssue(file, `file is nested more than ${MAX_NESTING} levels deep; an account needs about five`);
  }
  const syntax: SyntaxName = /\.json$/i.test(file) ? "JSON" : "YAML";
  if (syntax === "JSON") checkJsonSyntax(file, text);
  const lineCounter = new LineCounter();
  let document: Document;
  try {
    // The core schema even under a `%YAML 1.1` directive: dates stay text, `<<` is an ordinary key.
    document = parseDocument(text, {
      lineCounter,
      uniqueKeys: false,
      prettyErrors: false,
      strict: true,
      schema: "core",
    });
  } catch (error) {
    if (error instanceof RangeError) throw fileIssue(file, "file is nested too deeply to be an account");
    throw error;
  }
  const position: Locate = (offset) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const mistakeIssue = (mistake: YamlMistake): ValidationIssue => ({
    file,
    ...position(mistake.offset),
    // keys come from the file: shown cut and escaped like any quoted text
    path: formatPath(
      mistake.path.map((segment) => (typeof segment === "string" ? shorten(segment) : segment)),
    ),
    // the quoted value comes from the file: escaped like every quoted text
    message: escapeUnshowable(mistake.message),
  });
  const syntaxIssues = document.errors.map((error): ValidationIssue => {
    const mistake = syntax === "YAML" ? describeYamlMistake(document, text, error) : null;
    if (mistake) return mistakeIssue(mistake);
    return { file, ...position(error.pos[0]), path: "", message: yamlErrorMessage(error, syntax) };
  });
  const issues =
    syntaxIssues.length > 0
      ? syntaxIssues
      : [
          ...duplicateKeyIssues(file, document, position, syntax),
          // every tag starts with "!": most files have none, and then need no walk for them
          ...(text.includes("!") ? applyCoreTags(file, document, position) : []),
        ];
  if (issues.length > 0) throw new InvalidInputError(firstIssues(file, issues));
  // `unit: *bold*` reads as an alias to a missing anchor; the library would only throw (below)
  const alias = text.includes("*") ? unresolvedAliasMistake(document, text) : null;
  if (alias) throw new InvalidInputError([mistakeIssue(alias)]);
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    if (error instanceof ReferenceError && /unresolved alias/i.test(error.message)) {
      // an alias the walk above could not place (e.g. the whole document is `*x`)
      throw fileIssue(
        file,
        "invalid YAML: a value starting with * names an anchor that does not exist; quote it",
      );
    }
    if (error instanceof ReferenceError) {
      throw fileIssue(
        file,
        `YAML aliases expand too far (more than ${MAX_ALIAS_COUNT}); refusing a possible alias bomb`,
      );
    }
    if (error instanceof RangeError) throw fileIssue(file, "file is nested too deeply to be an account");
    throw fileIssue(file, `invalid ${syntax}: ${(error as Error).message.split("\n")[0]}`);
  }
  return {
    file,
    data,
    locate(path, at = "value") {
      const node = findNode(document, path, at);
      return node?.range ? position(node.range[0]) : { line: 1, column: 1 };
    },
  };
}
