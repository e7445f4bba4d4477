import { formatIssue, UsageError, type ValidationIssue } from "../errors.js";
import type { Account } from "../input/account-schema.js";
import { editWorkbookActuals } from "../input/merge/edit-workbook.js";
import { planImport, type AccountImport, type KnownAccount } from "../input/merge/plan-import.js";
import type { Measurement } from "../input/spreadsheet/measurements.js";
import { MAX_SPREADSHEET_BYTES } from "../input/spreadsheet/read-table.js";
import { readWorkbookAccounts } from "../input/spreadsheet/read-workbook.js";
import { workbookSource } from "./account-sources.js";
import { writeFilesAtomic } from "../io/atomic-write.js";
import { readInputFile } from "../io/resources.js";

/**
 * `qbr import FILE --into plans.xlsx`: the measurements as rows of the workbook's Actuals sheet.
 * The same plan as for account files (plan-import.ts: idempotent, conflicts, --replace), then the
 * edited workbook is read back and must hold exactly the expected accounts before it replaces the
 * original in one atomic rename. All or nothing: any problem, and the file is not touched.
 */

export interface WorkbookImportOutcome {
  accounts: AccountImport[];
  unreadable: { file: string; reason: string }[];
  issues: ValidationIssue[];
  written: string[];
}

/** Goals' actuals after the edits, sorted, to compare with what reading the edited workbook gives. */
function actualsOf(account: Account): string {
  return JSON.stringify(
    account.goals.map((goal) =>
      [...goal.actuals].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.value - b.value)),
    ),
  );
}

function expectedAfter(plan: AccountImport): string {
  const goals = plan.account.goals.map((goal) => ({
    ...goal,
    actuals: goal.actuals.map((actual) => ({ ...actual })),
  }));
  for (const edit of plan.edits) {
    const actuals = goals[edit.goalIndex]!.actuals;
    if (edit.kind === "replace") actuals[edit.actualIndex]!.value = edit.value;
    else actuals.push({ date: edit.date, value: edit.value });
  }
  return actualsOf({ ...plan.account, goals });
}

export async function importIntoWorkbook(
  file: string,
  measurements: readonly Measurement[],
  settings: { into: string; replace: boolean; dryRun: boolean },
  readIssues: readonly ValidationIssue[],
): Promise<WorkbookImportOutcome> {
  const { into } = settings;
  const before = readInputFile(into, MAX_SPREADSHEET_BYTES);
  const contents = await readWorkbookAccounts(into, before);
  const known: KnownAccount[] = [];
  const unreadable: WorkbookImportOutcome["unreadable"] = [];
  for (const entry of contents.accounts) {
    if (entry.account) known.push({ file: into, account: entry.account });
    else
      unreadable.push({
        file: workbookSource(into, entry.id),
        reason: formatIssue(entry.issues[0]!),
      });
  }
  if (contents.accounts.length === 0) throw new UsageError(`--into ${into}: the workbook holds no accounts`);
  const plan = planImport(measurements, known, {
    replace: settings.replace,
    intoLabel: into,
    intoWorkbook: true,
  });
  const issues = [...readIssues, ...plan.issues].sort((a, b) => a.line - b.line || a.column - b.column);
  const edited = plan.accounts.filter((account) => account.edits.length > 0);
  const outcome = { accounts: plan.accounts, unreadable, issues, written: [] };
  if (issues.length > 0 || edited.length === 0) return outcome;
  const after = await editWorkbookActuals(into, before, edited);
  // Read back: every edited account must be valid with exactly the expected actuals, every other
  // account as it was.
  const check = await readWorkbookAccounts(into, after);
  const byId = new Map(check.accounts.map((entry) => [entry.id, entry]));
  for (const entry of contents.accounts) {
    const now = byId.get(entry.id);
    const imported = edited.find((account) => account.id === entry.id);
    if (imported && now && !now.account) {
      issues.push(
        ...now.issues.map((issue) => ({
          ...issue,
          message: `${issue.message} (after importing ${imported.added + imported.replaced} measurements from ${file})`,
        })),
      );
      continue;
    }
    const expected = imported
      ? expectedAfter(imported)
      : entry.account
        ? actualsOf(entry.account)
        : undefined;
    const got = now?.account ? actualsOf(now.account) : undefined;
    if (expected !== got) throw new Error(`editing ${into} did not give the expected actuals of ${entry.id}`);
  }
  if (issues.length > 0 || settings.dryRun) return { ...outcome, issues };
  // A workbook saved by someone else since it was read is not overwritten with stale content.
  if (!readInputFile(into, MAX_SPREADSHEET_BYTES).equals(before)) {
    throw new UsageError(`${into} changed while importing; nothing was written — run the import again`);
  }
  writeFilesAtomic([{ target: into, bytes: after }]);
  return { ...outcome, written: [into] };
}
