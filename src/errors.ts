/**
 * The few kinds of failure a user can meet, each with the exit code the CLI uses for it.
 * Only cli/main.ts turns them into an exit code; everything else throws or returns them.
 */

/** One located problem in an input file: `file:line:col path — message`. */
export interface ValidationIssue {
  file: string;
  line: number;
  column: number;
  /**
   * A spreadsheet cell (`Goals!D7`), shown instead of line:column; `line` and `column` then only
   * order the issues (sheet by sheet, row by row).
   */
  cell?: string;
  /** e.g. "goals[1].target.value"; empty for a problem with the whole file. */
  path: string;
  message: string;
}

export function formatIssue(issue: ValidationIssue): string {
  const where = issue.cell
    ? `${issue.file}:${issue.cell}`
    : issue.line > 0
      ? `${issue.file}:${issue.line}:${issue.column}`
      : issue.file;
  return issue.path ? `${where} ${issue.path} — ${issue.message}` : `${where} — ${issue.message}`;
}

export abstract class QbrError extends Error {
  abstract readonly exitCode: number;
}

/** An input file that cannot be used as it is. Carries every problem found, not just the first. */
export class InvalidInputError extends QbrError {
  readonly exitCode = 2;
  constructor(readonly issues: ValidationIssue[]) {
    super(issues.map(formatIssue).join("\n"));
    this.name = "InvalidInputError";
  }
}

/** The command line asked for something that cannot be done (bad option, missing argument). */
export class UsageError extends QbrError {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/**
 * The output cannot be written: `-o` is a file, a folder without write permission, a read-only
 * or full disk. Nothing about the input is wrong, and nothing in the program either.
 */
export class OutputError extends QbrError {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = "OutputError";
  }
}

/** Some accounts of a batch failed; the others were written. */
export class PartialFailureError extends QbrError {
  readonly exitCode = 1;
  constructor(message: string) {
    super(message);
    this.name = "PartialFailureError";
  }
}

export function isQbrError(error: unknown): error is QbrError {
  return error instanceof QbrError;
}
