import { InvalidInputError, type ValidationIssue } from "../errors.js";

/**
 * A folder search reads every *.yaml, *.yml and *.json file as an account, so some of them are
 * not accounts at all: a tool's config, a schema, or a link to a system file. Their problems
 * are reported without quoting them — not a key, not a value — because error messages travel
 * (stderr, the manifest, the portfolio's list of failed files). Only a file that is plausibly
 * an account, one with a top-level `schemaVersion` or `account` key, gets the detailed report,
 * whose excerpts are short and escaped (parse-source.ts `shorten`).
 */

const ACCOUNT_KEYS = ["schemaVersion", "account"] as const;
/** The same keys in the text, for a file that does not even parse: `account:` or `"account":`. */
const ACCOUNT_KEY_IN_TEXT = /(?:^|[{,\s])["']?(?:schemaVersion|account)["']?[ \t]*:/m;

const NOT_AN_ACCOUNT =
  "not an account file: it has no schemaVersion or account key (expected schemaVersion: 1, account, contract and goals)";

function fileIssue(file: string, message: string): InvalidInputError {
  return new InvalidInputError([{ file, line: 0, column: 0, path: "", message }]);
}

/** What the top of the file holds, by kind only. */
function kindOf(data: unknown): string {
  if (data === null || data === undefined) return "nothing (null)";
  if (Array.isArray(data)) return "a list";
  if (typeof data === "string") return "a text";
  if (typeof data === "number") return "a number";
  if (typeof data === "boolean") return "true or false";
  return "a value of another kind";
}

/**
 * Throws when parsed data cannot be an account, with a message that quotes none of it; returns
 * when it is plausibly one (then the schema's detailed report follows).
 */
export function refuseNonAccount(file: string, data: unknown): void {
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    throw fileIssue(
      file,
      `expected a mapping (key: value pairs) at the top of the file, got ${kindOf(data)}`,
    );
  }
  if (ACCOUNT_KEYS.some((key) => Object.hasOwn(data, key))) return;
  if (Object.hasOwn(data, "$schema")) {
    throw fileIssue(file, "a JSON Schema, not an account file (qbr init writes one beside the account)");
  }
  throw fileIssue(file, NOT_AN_ACCOUNT);
}

/**
 * A file that does not parse: its located syntax problems are kept when it is plausibly an
 * account, and replaced by one line otherwise. Whole-file problems (binary, not UTF-8, too large,
 * empty, nested too deep) never quote content and are kept as they are.
 */
export function syntaxErrorOfNonAccount(
  file: string,
  bytes: Uint8Array,
  error: InvalidInputError,
): InvalidInputError {
  const wholeFile = error.issues.filter((issue) => issue.line === 0);
  if (wholeFile.length === error.issues.length) return error;
  const text = new TextDecoder("utf-8").decode(bytes);
  if (ACCOUNT_KEY_IN_TEXT.test(text)) return error;
  const issue: ValidationIssue = {
    file,
    line: 0,
    column: 0,
    path: "",
    message: `not an account file: it does not parse, and has no schemaVersion or account key`,
  };
  return new InvalidInputError([issue]);
}
