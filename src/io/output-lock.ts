import {
  closeSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { UsageError } from "../errors.js";

/**
 * One run at a time per manifest: two runs into the same `-o` would render the same decks at
 * once and the last manifest written would silently drop the other's accounts. A run takes a
 * lock file beside its manifest, created atomically (O_EXCL), holding its pid, host and start
 * time; a second run refuses, naming the first (exit 2). Shards of one job write different
 * manifests into one folder, so each takes its own lock. A lock left by a run that died
 * (kill -9, power loss) is taken over when its pid is gone on this host; a lock from another
 * host cannot be checked and must be removed by hand (the message says where).
 */

export interface LockHolder {
  pid: number;
  host: string;
  startedAt: string;
}

export interface OutputLock {
  file: string;
  /** Removes the lock file if it is still this run's; safe to call more than once. */
  release(): void;
}

/** A lock file this young may still be being written by the run that created it. */
const FRESH_LOCK_MS = 10_000;

export function lockFileName(manifestFileName: string): string {
  return `.${manifestFileName}.lock`;
}

function readHolder(file: string): LockHolder | null | "gone" {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return "gone";
    return null;
  }
  try {
    const data = JSON.parse(text) as Partial<LockHolder>;
    if (typeof data.pid === "number" && typeof data.host === "string" && typeof data.startedAt === "string")
      return { pid: data.pid, host: data.host, startedAt: data.startedAt };
  } catch {
    // half-written or not ours: judged by its age below
  }
  return null;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Lock files this process holds (a library user may run two batches at once). */
const heldHere = new Set<string>();

/**
 * Whether the lock's run is certainly over: its pid is gone on this host, or it is this very pid
 * without this process holding it (a restarted container reuses its pid and host name), or the
 * file is an unreadable scrap.
 */
function isStale(file: string, holder: LockHolder | null): boolean {
  if (heldHere.has(path.resolve(file))) return false;
  if (holder) return holder.host === os.hostname() && (holder.pid === process.pid || !isAlive(holder.pid));
  const modified = statSync(file, { throwIfNoEntry: false })?.mtimeMs;
  return modified !== undefined && Date.now() - modified > FRESH_LOCK_MS;
}

function tryCreate(file: string, holder: LockHolder): boolean {
  let fd: number;
  try {
    fd = openSync(file, "wx");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
  try {
    writeSync(fd, `${JSON.stringify(holder)}\n`);
  } finally {
    closeSync(fd);
  }
  return true;
}

/**
 * Moves a stale lock aside and checks that what was moved is the lock judged stale — not a
 * fresh one another run created meanwhile (which is then put back).
 */
function takeOver(file: string, stale: string): void {
  const aside = `${file}.stale-${process.pid}-${randomBytes(4).toString("hex")}`;
  try {
    renameSync(file, aside);
  } catch {
    return; // someone else moved it first
  }
  let moved = "";
  try {
    moved = readFileSync(aside, "utf8");
  } catch {
    // unreadable scrap: removed below
  }
  if (moved !== stale) {
    try {
      renameSync(aside, file);
    } catch {
      // the fresh lock is lost to its owner only if a third run raced in too
    }
    return;
  }
  rmSync(aside, { force: true });
}

function describeHolder(holder: LockHolder | null): string {
  if (!holder) return "another qbr run (its lock file is unreadable)";
  return `another qbr run (pid ${holder.pid} on ${holder.host}, started ${holder.startedAt})`;
}

export function lockOutputFolder(outDir: string, manifestFileName: string): OutputLock {
  try {
    mkdirSync(outDir, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    throw new UsageError(`-o ${outDir}: cannot create the output folder (${code})`);
  }
  const file = path.join(outDir, lockFileName(manifestFileName));
  const holder: LockHolder = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString() };
  const mine = `${JSON.stringify(holder)}\n`;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      if (tryCreate(file, holder)) return ownLock(file, mine);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? "error";
      throw new UsageError(`-o ${outDir}: cannot write in the output folder (${code})`);
    }
    const current = readHolder(file);
    if (current === "gone") continue;
    if (!isStale(file, current)) {
      throw new UsageError(
        `-o ${outDir} is in use by ${describeHolder(current)}; wait for it to finish or choose another -o ` +
          `(if that run is gone, delete ${file})`,
      );
    }
    let staleText = "";
    try {
      staleText = readFileSync(file, "utf8");
    } catch {
      continue;
    }
    takeOver(file, staleText);
  }
  throw new UsageError(`-o ${outDir}: could not take the lock ${file}; another run keeps taking it`);
}

function ownLock(file: string, content: string): OutputLock {
  let held = true;
  heldHere.add(path.resolve(file));
  return {
    file,
    release() {
      if (!held) return;
      held = false;
      heldHere.delete(path.resolve(file));
      try {
        // Only our own lock: a run that took over a lock we lost must keep its own.
        if (readFileSync(file, "utf8") === content) rmSync(file, { force: true });
      } catch {
        // already gone
      }
    },
  };
}
