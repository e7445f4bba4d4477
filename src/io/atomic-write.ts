import { randomBytes } from "node:crypto";
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync, type Stats } from "node:fs";
import path from "node:path";
import { OutputError } from "../errors.js";
import { asOutputError, errorCode } from "./write-errors.js";

/** Temp files live next to their target so the rename never crosses a file system. */
export const TEMP_PREFIX = ".qbr-tmp-";

const pendingTemps = new Set<string>();

/**
 * Part of every temp name: a batch gives its workers the same tag so that, after a worker crash,
 * the main thread can remove exactly this run's leftovers, even in a folder shared with other
 * processes (two containers may well have the same pid).
 */
let tempTag = randomBytes(4).toString("hex");

export function setTempTag(tag: string): void {
  tempTag = tag;
}

export function tempPrefix(tag = tempTag): string {
  return `${TEMP_PREFIX}${process.pid}-${tag}-`;
}

/** A path through a file (ENOTDIR) is as missing as one that does not exist: the file is found above it. */
function statOrNothing(file: string, label: string): Stats | undefined {
  try {
    return statSync(file, { throwIfNoEntry: false });
  } catch (error) {
    if (errorCode(error) === "ENOTDIR") return undefined;
    throw asOutputError(`cannot create ${label}`, error);
  }
}

/**
 * Creates `dir` and its missing parents one level at a time. (A recursive mkdirSync reports
 * ENOENT for a read-only disk; one level at a time gives the real reason.) Throws an OutputError.
 */
export function makeFolder(dir: string, label = `the folder ${dir}`): void {
  const missing: string[] = [];
  for (let folder = path.resolve(dir); ; folder = path.dirname(folder)) {
    const stats = statOrNothing(folder, label);
    if (stats?.isDirectory()) break;
    if (stats) throw new OutputError(`cannot create ${label}: ${folder} is a file, not a folder`);
    missing.unshift(folder);
    if (path.dirname(folder) === folder) break;
  }
  for (const folder of missing) {
    try {
      mkdirSync(folder);
    } catch (error) {
      if (errorCode(error) !== "EEXIST") throw asOutputError(`cannot create ${label}`, error);
    }
  }
}

/**
 * Writes `bytes` to `target` so that readers see either the old file or the complete new one,
 * never a half-written file: write a temp file in the same folder, then rename it over the target.
 * A full disk, a read-only folder and the like throw an OutputError naming `target`.
 */
export function writeFileAtomic(target: string, bytes: Uint8Array | string, mode?: number): void {
  const dir = path.dirname(target);
  makeFolder(dir);
  const temp = path.join(dir, `${tempPrefix()}${randomBytes(6).toString("hex")}-${path.basename(target)}`);
  pendingTemps.add(temp);
  try {
    // The mode is set as the temp file is created, so a secret is never readable by others for a moment.
    writeFileSync(temp, bytes, mode === undefined ? undefined : { mode });
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw asOutputError(`cannot write ${target}`, error);
  } finally {
    pendingTemps.delete(temp);
  }
}

/** Removes temp files of writes interrupted in this process (called on SIGINT/SIGTERM). */
export function removePendingTemps(): void {
  for (const temp of pendingTemps) rmSync(temp, { force: true });
  pendingTemps.clear();
}

/** Removes temp files of this process and tag left in `dir` (by a worker that crashed mid-write). */
export function removeTempsIn(dir: string, tag = tempTag): void {
  const prefix = tempPrefix(tag);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) if (name.startsWith(prefix)) rmSync(path.join(dir, name), { force: true });
}

/**
 * Writes several files as one change: every new content goes to a temp file beside its target
 * first, and only when all of them are written are they renamed over their targets. A failure
 * while writing (a full disk, a read-only folder) leaves every target as it was.
 */
export function writeFilesAtomic(files: readonly { target: string; bytes: Uint8Array | string }[]): void {
  const staged: { temp: string; target: string }[] = [];
  try {
    for (const { target, bytes } of files) {
      const dir = path.dirname(target);
      mkdirSync(dir, { recursive: true });
      const temp = path.join(
        dir,
        `${tempPrefix()}${randomBytes(6).toString("hex")}-${path.basename(target)}`,
      );
      pendingTemps.add(temp);
      staged.push({ temp, target });
      writeFileSync(temp, bytes);
    }
    for (const { temp, target } of staged) renameSync(temp, target);
  } catch (error) {
    for (const { temp } of staged) rmSync(temp, { force: true });
    throw error;
  } finally {
    for (const { temp } of staged) pendingTemps.delete(temp);
  }
}
