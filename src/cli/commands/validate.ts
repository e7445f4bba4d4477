import { discoverAccountFiles, requireInputs } from "../../batch/discover.js";
import { readAccount } from "../../batch/resources.js";
import { todayIso } from "../../dates.js";
import { formatIssue, InvalidInputError } from "../../errors.js";
import { plural } from "../../text/format.js";
import type { Io } from "../io.js";

/**
 * Checks every file and reports every problem; exit 0 when all are valid, 2 otherwise. Warnings
 * (texts cleaned, a renewal date passed) are printed but never change the exit code.
 */
export async function validateCommand(inputs: string[], io: Io): Promise<number> {
  requireInputs(inputs);
  const files = await discoverAccountFiles(inputs);
  if (files.length === 0) {
    io.err(`no account files (*.yaml, *.yml, *.json) found in ${inputs.join(", ")}`);
    return 2;
  }
  let invalid = 0;
  let warned = 0;
  const today = todayIso();
  for (const file of files) {
    try {
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
  const warningNote = warned > 0 ? ` (${plural(warned, "warning")})` : "";
  io.out(
    invalid === 0
      ? `${files.length === 1 ? files[0] : `${files.length} files`}: valid${warningNote}`
      : `${files.length} file${files.length === 1 ? "" : "s"} checked: ${valid} valid, ${invalid} invalid${warningNote}`,
  );
  return invalid === 0 ? 0 : 2;
}
