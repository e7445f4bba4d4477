import path from "node:path";
import { InvalidInputError, type ValidationIssue } from "../errors.js";
import type { Account } from "../input/account-schema.js";
import type { LoadAccountOptions } from "../input/load-account.js";
import type { WorkbookContents } from "../input/spreadsheet/read-workbook.js";
import { isWorkbookFile, MAX_SPREADSHEET_BYTES } from "../input/spreadsheet/spreadsheet-kind.js";
import type { LoadedAccount } from "./generate-account.js";
import { readAccount, readInputFile } from "../io/resources.js";

/**
 * Accounts from account files and portfolio workbooks alike, for the commands that take either
 * (`validate`, `analyze`, `export`). A workbook holds many accounts; each is valid or not on its own.
 */

export async function readWorkbookFile(
  file: string,
  options: LoadAccountOptions = {},
): Promise<WorkbookContents> {
  // Loaded with the first workbook: a run over account files never needs the workbook readers.
  const { readWorkbookAccounts } = await import("../input/spreadsheet/read-workbook.js");
  return readWorkbookAccounts(file, readInputFile(file, MAX_SPREADSHEET_BYTES), options);
}

export interface SourcedAccount {
  account: Account;
  /** The file it came from (a YAML/JSON file or a workbook). */
  file: string;
}

export interface ReadAccounts {
  accounts: SourcedAccount[];
  issues: ValidationIssue[];
  notes: ValidationIssue[];
}

/** Every account of `files`, with every problem of every file (nothing thrown for invalid input). */
export async function readAccountSources(files: readonly string[]): Promise<ReadAccounts> {
  const result: ReadAccounts = { accounts: [], issues: [], notes: [] };
  for (const file of files) {
    try {
      if (isWorkbookFile(file)) {
        const contents = await readWorkbookFile(file);
        result.notes.push(...contents.notes);
        result.issues.push(...contents.issues);
        for (const entry of contents.accounts) {
          if (entry.account) result.accounts.push({ account: entry.account, file });
          result.issues.push(...entry.issues);
        }
      } else {
        result.accounts.push({ account: readAccount(file).account, file });
      }
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      result.issues.push(...error.issues);
    }
  }
  return result;
}

/** A logo path written relative to `from`'s folder, rewritten relative to `to`'s folder. */
export function rebaseLogo(account: Account, from: string, to: string): Account {
  const logo = account.account.logo;
  if (logo === undefined || path.isAbsolute(logo)) return account;
  const absolute = path.resolve(path.dirname(from), logo);
  let relative = path
    .relative(path.dirname(path.resolve(to)), absolute)
    .split(path.sep)
    .join("/");
  if (!relative.startsWith(".")) relative = `./${relative}`;
  return { ...account, account: { ...account.account, logo: relative } };
}

/**
 * A batch input read before planning: one account of a workbook, valid (`loaded`) or not
 * (`error`), or the workbook's own problems (rows of no account, a missing sheet).
 */
export interface PreloadedInput {
  loaded?: LoadedAccount;
  error?: unknown;
}

export interface BatchSources {
  /** Account files as given, and for each workbook one source per account (see workbookSource). */
  files: string[];
  /** The workbooks' sources, already read: the planner takes them from here, not from disk. */
  preloaded: Map<string, PreloadedInput>;
}

/**
 * How an account of a workbook is named in messages, the manifest and shard keys:
 * `plans.xlsx#NW-1042`. Characters that would make it another path (/, \) or an ambiguous name
 * (%, control characters) are %-escaped, so the workbook's folder stays the account's folder
 * (logos are found relative to it).
 */
export function workbookSource(file: string, id: string): string {
  const escaped = id.replace(
    // eslint-disable-next-line no-control-regex
    /[%/\\\u0000-\u001f\u007f]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`,
  );
  return `${file}#${escaped}`;
}

/**
 * The inputs of `qbr generate`: account files stay files; each workbook is read once, here, and
 * becomes one source per account, so a bad account fails alone, exactly like a bad file. Problems
 * of the workbook as a whole are a failure of the workbook's own name.
 */
export async function batchSources(
  files: readonly string[],
  options: LoadAccountOptions,
): Promise<BatchSources> {
  const sources: BatchSources = { files: [], preloaded: new Map() };
  for (const file of files) {
    if (!isWorkbookFile(file)) {
      sources.files.push(file);
      continue;
    }
    let contents: WorkbookContents;
    try {
      contents = await readWorkbookFile(file, options);
    } catch (error) {
      sources.files.push(file);
      sources.preloaded.set(file, { error });
      continue;
    }
    if (contents.issues.length > 0) {
      sources.files.push(file);
      sources.preloaded.set(file, { error: new InvalidInputError(contents.issues) });
    }
    for (const entry of contents.accounts) {
      const source = workbookSource(file, entry.id);
      sources.files.push(source);
      sources.preloaded.set(
        source,
        entry.account
          ? { loaded: { account: entry.account, sha256: entry.sha256, warnings: entry.warnings } }
          : { error: new InvalidInputError(entry.issues) },
      );
    }
  }
  return sources;
}
