import { formatIssue, InvalidInputError, isQbrError } from "../errors.js";

/** Why an account produced nothing: the full text for the manifest, one line for the terminal. */
export interface FailureReason {
  message: string;
  oneLine: string;
  /** For unexpected errors (bugs), shown with --debug. */
  stack?: string;
}

export function describeFailure(source: string, error: unknown): FailureReason {
  if (error instanceof InvalidInputError) {
    const [first, ...rest] = error.issues.map(formatIssue);
    const more = rest.length > 0 ? ` (and ${rest.length} more; run qbr validate ${source})` : "";
    return { message: [first, ...rest].join("\n"), oneLine: `${first ?? source}${more}` };
  }
  const text = error instanceof Error ? error.message : String(error);
  const firstLine = text.split("\n")[0] ?? text;
  const stack = !isQbrError(error) && error instanceof Error ? error.stack : undefined;
  return {
    message: `${source} — ${text}`,
    oneLine: `${source} — ${firstLine}`,
    ...(stack ? { stack } : {}),
  };
}
