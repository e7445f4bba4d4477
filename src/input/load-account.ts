import type { IsoDate } from "../dates.js";
import { InvalidInputError, type ValidationIssue } from "../errors.js";
import { accountFileSchema, type Account } from "./account-schema.js";
import { accountWarnings, sanitizeSource } from "./account-warnings.js";
import { refuseNonAccount, syntaxErrorOfNonAccount } from "./not-an-account.js";
import { parseSource, type ParsedSource } from "./parse-source.js";
import { validateSource } from "./validate-source.js";

export interface LoadAccountOptions {
  /** The command line's --as-of, which wins over the file's review.asOf (SPEC §1). */
  asOf?: IsoDate;
  /** The day used when neither gives an as-of date; without it, date warnings are not checked. */
  today?: IsoDate;
}

export interface LoadedAccountFile {
  account: Account;
  /** Problems that do not stop the account (text cleaned, a renewal date passed), located like errors. */
  warnings: ValidationIssue[];
}

/**
 * YAML/JSON bytes → a validated Account and its warnings. Pure: the caller reads the file and
 * says what day it is; `file` only names the file in messages. Throws InvalidInputError listing
 * every problem (and, for a file that is not an account at all, one line that quotes nothing of it).
 */
export function loadAccountWithWarnings(
  file: string,
  bytes: Uint8Array,
  options: LoadAccountOptions = {},
): LoadedAccountFile {
  let parsed: ParsedSource;
  try {
    parsed = parseSource(file, bytes);
  } catch (error) {
    throw error instanceof InvalidInputError ? syntaxErrorOfNonAccount(file, bytes, error) : error;
  }
  refuseNonAccount(file, parsed.data);
  const { source, warnings } = sanitizeSource(parsed);
  const account = validateSource(source, accountFileSchema);
  const all = [...warnings, ...accountWarnings(source, account, options)];
  return { account, warnings: all.sort((a, b) => a.line - b.line || a.column - b.column) };
}

/** YAML/JSON bytes → a validated Account (its warnings dropped; see loadAccountWithWarnings). */
export function loadAccount(file: string, bytes: Uint8Array): Account {
  return loadAccountWithWarnings(file, bytes).account;
}
