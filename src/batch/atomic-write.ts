import { randomBytes } from "node:crypto";
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Temp files live next to their target so the rename never crosses a file system. */
export const TEMP_PREFIX = ".qbr-tmp-";

const pendingTemps = new Set<string>();

/**
 * Writes `bytes` to `target` so that readers see either the old file or the complete new one,
 * never a half-written file: write a temp file in the same folder, then rename it over the target.
 */
export function writeFileAtomic(target: string, bytes: Uint8Array | string): void {
  const dir = path.dirname(target);
  mkdirSync(dir, { recursive: true });
  const temp = path.join(
    dir,
    `${TEMP_PREFIX}${process.pid}-${randomBytes(6).toString("hex")}-${path.basename(target)}`,
  );
  pendingTemps.add(temp);
  try {
    writeFileSync(temp, bytes);
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  } finally {
    pendingTemps.delete(temp);
  }
}

/** Removes temp files of writes interrupted in this process (called on SIGINT/SIGTERM). */
export function removePendingTemps(): void {
  for (const temp of pendingTemps) rmSync(temp, { force: true });
  pendingTemps.clear();
}
