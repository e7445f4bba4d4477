import { discoverAccountFiles, requireInputs } from "../../io/discover.js";
import { readWorkbookFile } from "../../batch/account-sources.js";
import { readAccount } from "../../io/resources.js";
import { todayIso, type IsoDate } from "../../dates.js";
import { formatIssue, InvalidInputError } from "../../errors.js";
import { isWorkbookFile } from "../../input/spreadsheet/spreadsheet-kind.js";
import { plural } from "../../text/format.js";
import type { Io } from "../../io/terminal.js";

/**
 * Checks every file and reports every problem; exit 0 when all are valid, 2 otherwise. A folder
 * that cannot be read counts as invalid: the accounts in it were not checked. Warnings (texts
 * cleaned, a renewal date passed) are printed but never change the exit code.
 */
export async function validateCommand(inputs: string[], io: Io): Promise<number> {
  requireInputs(inputs);
  const { files, skippedLinks, unreadableFolders } = await discoverAccountFiles(inputs);
  for (const link of skippedLinks) io.err(`warning: ${link.path} — ${link.message}`);
  for (const folder of unreadableFolders) io.err(`${folder.path} — ${folder.message}`);
  if (files.length === 0) {
    if (unreadableFolders.length === 0)
      io.err(`no account files (*.yaml, *.yml, *.json) found in ${inputs.join(", ")}`);
    return 2;
  }
  const today = todayIso();
  if (files.length === 1 && isWorkbookFile(files[0]!))
    return (await validateWorkbook(files[0]!, today, io)) ? 0 : 2;
  let invalid = 0;
  let warned = 0;
  for (const file of files) {
    try {
      if (isWorkbookFile(file)) {
        if (!(await validateWorkbook(file, today, io))) invalid++;
        continue;
      }
      const { warnings } = readAccount(file, { today });
      for (const warning of warnings) io.err(`warning: ${formatIssue(warning)}`);
      warned += warnings.length;
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      invalid++;
      for (const issue of error.issues) io.err(formatIssue(issue));
    }
  }
  const valid = files.length - invalid;
  const unread =
    unreadableFolders.length > 0 ? `; ${plural(unreadableFolders.length, "folder")} could not be read` : "";
  const warningNote = warned > 0 ? ` (${plural(warned, "warning")})` : "";
  io.out(
    invalid === 0 && unread === ""
      ? `${files.length === 1 ? files[0] : `${files.length} files`}: valid${warningNote}`
      : `${files.length} file${files.length === 1 ? "" : "s"} checked: ${valid} valid, ${invalid} invalid${unread}${warningNote}`,
  );
  return invalid === 0 && unread === "" ? 0 : 2;
}

/** A portfolio workbook: every account checked on its own (warnings too); a line with the count. */
async function validateWorkbook(file: string, today: IsoDate, io: Io): Promise<boolean> {
  const contents = await readWorkbookFile(file, { today });
  for (const note of contents.notes) io.err(`note: ${formatIssue(note)}`);
  const warnings = contents.accounts.flatMap((entry) => entry.warnings);
  for (const warning of warnings) io.err(`warning: ${formatIssue(warning)}`);
  const problems = [...contents.issues, ...contents.accounts.flatMap((entry) => entry.issues)];
  for (const issue of problems) io.err(formatIssue(issue));
  const invalid = contents.accounts.filter((entry) => entry.issues.length > 0).length;
  const count = `${contents.accounts.length} account${contents.accounts.length === 1 ? "" : "s"}`;
  const warningNote = warnings.length > 0 ? ` (${plural(warnings.length, "warning")})` : "";
  io.out(
    `${file}: ${count}, ${invalid === 0 && contents.issues.length === 0 ? "all valid" : `${invalid} invalid`}${warningNote}`,
  );
  return problems.length === 0;
}
