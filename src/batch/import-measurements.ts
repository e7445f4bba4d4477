import { statSync } from "node:fs";
import { InvalidInputError, UsageError, type ValidationIssue } from "../errors.js";
import type { Account } from "../input/account-schema.js";
import { loadAccount } from "../input/load-account.js";
import type { ActualEdit } from "../input/merge/actual-edits.js";
import { editJsonActuals } from "../input/merge/edit-json.js";
import { editYamlActuals } from "../input/merge/edit-yaml.js";
import { planImport, type AccountImport, type KnownAccount } from "../input/merge/plan-import.js";
import { loadHeaderMapping } from "../input/spreadsheet/mapping.js";
import { readMeasurements } from "../input/spreadsheet/measurements.js";
import { isEuropeanDateFormat, type DateFormat } from "../input/spreadsheet/parse-cell.js";
import { MAX_SPREADSHEET_BYTES, readSpreadsheetTable } from "../input/spreadsheet/read-table.js";
import type { ExtraColumn } from "../input/spreadsheet/columns.js";
import { writeFilesAtomic } from "../io/atomic-write.js";
import { discoverAccountFiles } from "../io/discover.js";
import { readInputFile } from "../io/resources.js";

/**
 * `qbr import`: measurements from a CSV/XLSX export into the account files under a folder.
 * All or nothing: every row is checked and every changed account is validated again by the
 * loader before a single file is written, and the files are then written as one staged change.
 */

export interface ImportSettings {
  into: string;
  sheet?: string;
  mapFile?: string;
  dateFormat: DateFormat;
  replace: boolean;
  dryRun: boolean;
}

export interface ImportResult {
  /** Data rows read (empty rows not counted). */
  rows: number;
  accounts: AccountImport[];
  /** Columns of the export that were not read. */
  extra: ExtraColumn[];
  /** Account files under --into that could not be read (so their accounts cannot be matched). */
  unreadable: { file: string; reason: string }[];
  /** Every problem; when there is any, nothing was written. */
  issues: ValidationIssue[];
  /** The files written (none in a dry run or when there are issues). */
  written: string[];
}

interface LoadedFile extends KnownAccount {
  bytes: Buffer;
}

async function loadAccountsUnder(
  into: string,
): Promise<{ loaded: LoadedFile[]; unreadable: ImportResult["unreadable"] }> {
  const stats = statSync(into, { throwIfNoEntry: false });
  if (!stats) throw new UsageError(`--into ${into}: no such folder`);
  const { files, unreadableFolders } = await discoverAccountFiles([into]);
  if (unreadableFolders.length > 0) {
    // A row for an account in a folder we cannot read would read as "unknown account": say why.
    const lines = unreadableFolders.map((folder) => `${folder.path} — ${folder.message}`);
    throw new UsageError([`--into ${into}: some folders cannot be read`, ...lines].join("\n"));
  }
  if (files.length === 0)
    throw new UsageError(`--into ${into}: no account files (*.yaml, *.yml, *.json) found`);
  const loaded: LoadedFile[] = [];
  const unreadable: ImportResult["unreadable"] = [];
  for (const file of files) {
    try {
      const bytes = readInputFile(file);
      loaded.push({ file, bytes, account: loadAccount(file, bytes) });
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      unreadable.push({ file, reason: error.message.split("\n")[0] ?? "invalid" });
    }
  }
  return { loaded, unreadable };
}

function editText(file: string, text: string, edits: readonly ActualEdit[]): string {
  return /\.json$/i.test(file) ? editJsonActuals(text, edits) : editYamlActuals(text, edits);
}

/** The actuals each goal must have after the edits, to check the editor did exactly that. */
function expectedActuals(account: Account, edits: readonly ActualEdit[]): string[] {
  const goals = account.goals.map((goal) => goal.actuals.map((actual) => ({ ...actual })));
  for (const edit of edits) {
    if (edit.kind === "replace") goals[edit.goalIndex]![edit.actualIndex]!.value = edit.value;
    else goals[edit.goalIndex]!.push({ date: edit.date, value: edit.value });
  }
  return goals.map((actuals) =>
    JSON.stringify(
      [...actuals].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.value - b.value)),
    ),
  );
}

function sameActuals(account: Account, expected: readonly string[]): boolean {
  const actual = expectedActuals(account, []);
  return actual.length === expected.length && actual.every((goal, index) => goal === expected[index]);
}

export async function importMeasurements(file: string, settings: ImportSettings): Promise<ImportResult> {
  const mapping = settings.mapFile
    ? loadHeaderMapping(settings.mapFile, readInputFile(settings.mapFile))
    : undefined;
  const table = await readSpreadsheetTable(file, readInputFile(file, MAX_SPREADSHEET_BYTES), settings.sheet);
  const read = readMeasurements(table, {
    dateFormat: settings.dateFormat,
    decimalComma: table.delimiter === ";" || isEuropeanDateFormat(settings.dateFormat),
    mapping,
  });
  const { loaded, unreadable } = await loadAccountsUnder(settings.into);
  const plan = planImport(read.measurements, loaded, { replace: settings.replace, intoLabel: settings.into });
  const issues = [...read.issues, ...plan.issues].sort((a, b) => a.line - b.line || a.column - b.column);
  const bytesOf = new Map(loaded.map((entry) => [entry.file, entry.bytes]));
  const changes: { target: string; bytes: Buffer; before: Buffer }[] = [];
  for (const accountImport of plan.accounts) {
    if (accountImport.edits.length === 0) continue;
    const before = bytesOf.get(accountImport.file)!;
    const after = Buffer.from(
      editText(accountImport.file, before.toString("utf8"), accountImport.edits),
      "utf8",
    );
    try {
      const edited = loadAccount(accountImport.file, after);
      if (!sameActuals(edited, expectedActuals(accountImport.account, accountImport.edits))) {
        throw new Error(`editing ${accountImport.file} did not give the expected actuals`);
      }
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      // The file with the measurements in it would not be a valid account: say where and why.
      issues.push(
        ...error.issues.map((issue) => ({
          ...issue,
          message: `${issue.message} (after importing ${accountImport.added + accountImport.replaced} measurements from ${file})`,
        })),
      );
      continue;
    }
    changes.push({ target: accountImport.file, bytes: after, before });
  }
  const result = {
    rows: read.rows,
    accounts: plan.accounts,
    extra: read.extra,
    unreadable,
    issues,
    written: [],
  };
  if (issues.length > 0 || settings.dryRun || changes.length === 0) return result;
  for (const change of changes) {
    // A file edited by someone else since it was read is not overwritten with stale content.
    if (!readInputFile(change.target).equals(change.before)) {
      throw new UsageError(
        `${change.target} changed while importing; nothing was written — run the import again`,
      );
    }
  }
  writeFilesAtomic(changes);
  return { ...result, written: changes.map((change) => change.target) };
}
