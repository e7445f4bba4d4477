import path from "node:path";
import { stringify } from "csv-stringify/sync";
import { writeFileAtomic } from "../io/atomic-write.js";
import type { AccountPassword } from "./pdf-passwords.js";
import { safeText } from "./portfolio-csv.js";

/**
 * `passwords.csv` of `--pdf-password-per-account` (see pdf-passwords.ts). Apart from the
 * passwords themselves so that a run without them never loads csv-stringify.
 */

export function passwordsCsv(rows: readonly AccountPassword[]): string {
  const sorted = [...rows].sort((a, b) => (a.files[0] ?? "").localeCompare(b.files[0] ?? ""));
  return stringify(
    sorted.map((row) => [safeText(row.id), safeText(row.name), row.files.join(" "), row.password]),
    { header: true, columns: ["id", "account", "files", "password"] },
  );
}

/** Readable by the owner only (umask can remove bits, never add them): the passwords are secrets. */
export function writePasswords(outDir: string, fileName: string, rows: readonly AccountPassword[]): string {
  const file = path.join(outDir, fileName);
  writeFileAtomic(file, passwordsCsv(rows), 0o600);
  return file;
}
