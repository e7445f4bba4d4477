import path from "node:path";
import { InvalidInputError, type ValidationIssue } from "../errors.js";
import type { Account } from "../input/account-schema.js";
import { readWorkbookAccounts, type WorkbookContents } from "../input/spreadsheet/read-workbook.js";
import { isWorkbookFile, MAX_SPREADSHEET_BYTES } from "../input/spreadsheet/read-table.js";
import { readAccount, readInputFile } from "../io/resources.js";

/**
 * Accounts from account files and portfolio workbooks alike, for the commands that take either
 * (`validate`, `analyze`, `export`). A workbook holds many accounts; each is valid or not on its own.
 */

export async function readWorkbookFile(file: string): Promise<WorkbookContents> {
  return readWorkbookAccounts(file, readInputFile(file, MAX_SPREADSHEET_BYTES));
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
