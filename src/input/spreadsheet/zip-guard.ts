import { InvalidInputError } from "../../errors.js";
import {
  checkZipArchive as checkArchive,
  DEFAULT_ZIP_LIMITS,
  isCompoundFile,
  WORKBOOK,
  type ZipLimits,
} from "../zip-guard.js";
import { tableFileIssue } from "./table.js";

export { DEFAULT_ZIP_LIMITS, type ZipLimits } from "../zip-guard.js";

/**
 * Throws InvalidInputError when `bytes` is not a zip archive a workbook could safely be read from
 * (the limits and checks are ../zip-guard.ts's, shared with PowerPoint templates).
 */
export function checkZipArchive(
  file: string,
  bytes: Uint8Array,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): void {
  if (isCompoundFile(bytes)) {
    throw new InvalidInputError([
      tableFileIssue(
        file,
        "file is an old binary .xls workbook or a password-protected one; save it as .xlsx without a password",
      ),
    ]);
  }
  checkArchive(file, bytes, limits, WORKBOOK);
}
