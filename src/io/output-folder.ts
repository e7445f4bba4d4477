import { randomBytes } from "node:crypto";
import { rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { OutputError } from "../errors.js";
import { makeFolder, TEMP_PREFIX } from "./atomic-write.js";
import { writeProblem } from "./write-errors.js";

/**
 * Checks the output folder before any work: created if missing, and writable as this process
 * really is (root ignores permission bits, a read-only mount does not, so a probe file is
 * written rather than the mode read). A run that cannot write its decks says so at once, in
 * the user's terms, instead of failing every account and then the manifest.
 */
export function prepareOutputFolder(dir: string, option = "-o"): void {
  let stats;
  try {
    stats = statSync(dir, { throwIfNoEntry: false });
  } catch {
    stats = undefined; // a file on the way there (ENOTDIR): makeFolder names it
  }
  if (stats && !stats.isDirectory()) {
    throw new OutputError(
      `${option} ${dir} is a file, not a folder; name a folder for the output (it is created if missing)`,
    );
  }
  makeFolder(dir, `the output folder ${dir} (${option})`);
  const probe = path.join(dir, `${TEMP_PREFIX}probe-${randomBytes(6).toString("hex")}`);
  try {
    writeFileSync(probe, "\n"); // one byte, so a disk already full is caught here too
  } catch (error) {
    const problem = writeProblem(error);
    if (!problem) throw error;
    throw new OutputError(`${option} ${dir}: cannot write in this folder — ${problem}`);
  } finally {
    rmSync(probe, { force: true });
  }
}
