import { OutputError } from "../errors.js";

/**
 * The file-system errors a user meets when writing output, in the user's terms: each is about
 * the disk or the folder, never about the input or the program, so each becomes an OutputError
 * (exit 2) that names the file and what to do, rather than "internal error: ENOSPC".
 */
const WRITE_PROBLEMS: Record<string, string> = {
  ENOSPC: "the disk is full",
  EDQUOT: "the disk quota is used up",
  EROFS: "the file system is read-only",
  EACCES: "no permission to write there",
  EPERM: "no permission to write there",
  ENOTDIR: "a file stands where a folder is needed",
  EEXIST: "a file stands where a folder is needed",
  EISDIR: "a folder stands where the file should be",
  ENAMETOOLONG: "the name is too long for the file system",
  EMFILE: "too many files are open",
  ENFILE: "too many files are open",
  EIO: "the disk reported an input/output error",
};

export function errorCode(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === "string" ? code : undefined;
}

/** Why a write failed, for an error a user can fix; undefined for anything else. */
export function writeProblem(error: unknown): string | undefined {
  const code = errorCode(error);
  return code && code in WRITE_PROBLEMS ? `${WRITE_PROBLEMS[code]} (${code})` : undefined;
}

/** An OutputError saying `what` failed and why, or the error unchanged when it is not about the disk. */
export function asOutputError(what: string, error: unknown): unknown {
  if (error instanceof OutputError) return error;
  const problem = writeProblem(error);
  return problem ? new OutputError(`${what}: ${problem}`) : error;
}
