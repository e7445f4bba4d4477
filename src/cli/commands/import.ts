import { importMeasurements, type ImportResult } from "../../batch/import-measurements.js";
import { InvalidInputError, UsageError } from "../../errors.js";
import { DATE_FORMATS, type DateFormat } from "../../input/spreadsheet/parse-cell.js";
import { plural } from "../../text/format.js";
import type { Io } from "../../io/terminal.js";

export interface ImportCliOptions {
  into?: string;
  sheet?: string;
  map?: string;
  dateFormat?: string;
  replace?: boolean;
  dryRun?: boolean;
}

function parseDateFormat(value: string | undefined): DateFormat {
  if (value === undefined) return "YYYY-MM-DD";
  const format = DATE_FORMATS.find((candidate) => candidate === value.toUpperCase());
  if (!format) throw new UsageError(`--date-format ${value}: expected ${DATE_FORMATS.join(", ")}`);
  return format;
}

function reportAccounts(result: ImportResult, io: Io): void {
  for (const account of result.accounts) {
    const parts = [`${account.added} added`, `${account.unchanged} unchanged`];
    if (account.replaced > 0) parts.push(`${account.replaced} replaced`);
    else if (account.conflicts.length > 0) parts.push(plural(account.conflicts.length, "conflict"));
    io.out(`${account.id} (${account.file}): ${parts.join(", ")}`);
    for (const conflict of account.conflicts) {
      io.out(
        `  ${conflict.goal} ${conflict.date}: ${conflict.recorded} in the file, ${conflict.imported} imported${account.replaced > 0 ? " (replaced)" : ""}`,
      );
    }
  }
}

function summary(result: ImportResult): string {
  const sum = (key: "added" | "unchanged" | "replaced") =>
    result.accounts.reduce((total, account) => total + account[key], 0);
  const touched = result.accounts.filter((account) => account.added + account.replaced > 0).length;
  const replaced = sum("replaced") > 0 ? `, ${sum("replaced")} replaced` : "";
  return `${plural(result.rows, "row")}, ${plural(touched, "account")} touched, ${plural(sum("added"), "actual")} added${replaced}, ${sum("unchanged")} unchanged.`;
}

/** `qbr import FILE --into DIR`: new measurements into the account files; all or nothing. */
export async function importCommand(file: string, options: ImportCliOptions, io: Io): Promise<number> {
  if (!options.into) throw new UsageError("--into <dir> is required: the folder holding the account files");
  const result = await importMeasurements(file, {
    into: options.into,
    sheet: options.sheet,
    mapFile: options.map,
    dateFormat: parseDateFormat(options.dateFormat),
    replace: Boolean(options.replace),
    dryRun: Boolean(options.dryRun),
  });
  for (const column of result.extra) io.err(`note: ${file}: column "${column.name}" is not read`);
  for (const entry of result.unreadable)
    io.err(`note: skipped ${entry.file}, which is not a valid account file: ${entry.reason}`);
  if (options.dryRun) {
    io.out(`Dry run: nothing is written.`);
    reportAccounts(result, io);
  }
  if (result.issues.length > 0) {
    if (!options.dryRun)
      io.err(`qbr: nothing was imported; fix these rows (or use --replace for conflicts):`);
    throw new InvalidInputError(result.issues);
  }
  if (!options.dryRun) reportAccounts(result, io);
  io.out(summary(result));
  return 0;
}
