import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Manifest } from "../src/batch/manifest.js";
import { lockFileName, lockOutputFolder } from "../src/io/output-lock.js";
import { UsageError } from "../src/errors.js";
import { readJson, SAMPLE_FILES, sampleWithId, tempDir } from "./helpers/batch.js";
import { CLI, qbr } from "./helpers/cli.js";

/**
 * Issue 10 item 6: a batch loses nothing silently. A second Ctrl-C still writes the manifest of
 * what finished; a kill -9 after the first finished account leaves a manifest the next run
 * resumes from; two runs into the same output folder cannot both write it.
 */

const COUNT = 10;

function accountsDir(): { work: string; accounts: string; out: string } {
  const work = tempDir("qbr-safety-");
  const accounts = path.join(work, "accounts");
  mkdirSync(accounts);
  for (let index = 0; index < COUNT; index++) {
    const sample = SAMPLE_FILES[index % SAMPLE_FILES.length]!;
    writeFileSync(path.join(accounts, `account-${index}.yaml`), sampleWithId(sample, `ACC-${index}`));
  }
  return { work, accounts, out: path.join(work, "out") };
}

interface Running {
  child: ChildProcess;
  stderr: () => string;
  /** Resolves once stderr holds a match for `pattern`; rejects if the process ends first. */
  waitForStderr(pattern: RegExp): Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** `qbr generate` in the background, one account at a time, plain progress lines (one per account). */
function startGenerate(accounts: string, out: string): Running {
  const child = spawn(
    process.execPath,
    [CLI, "generate", accounts, "-o", out, "-f", "pdf", "--concurrency", "1"],
    { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NO_COLOR: "1" } },
  );
  let stderr = "";
  const listeners = new Set<() => void>();
  child.stderr!.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
    for (const listener of listeners) listener();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    stderr: () => stderr,
    exited,
    waitForStderr(pattern) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (pattern.test(stderr)) {
            listeners.delete(check);
            resolve();
          }
        };
        listeners.add(check);
        check();
        void exited.then(() => {
          if (!pattern.test(stderr)) reject(new Error(`exited before ${pattern}:\n${stderr}`));
        });
      });
    },
  };
}

const written = (manifest: Manifest) => manifest.accounts.filter((entry) => entry.status === "written");

describe("interrupted hard", () => {
  // Was: the second Ctrl-C quit without a manifest (only the 30 s checkpoint could have left one).
  it("a second Ctrl-C quits at once and still writes the manifest of the accounts that finished", async () => {
    const { accounts, out } = accountsDir();
    const run = startGenerate(accounts, out);
    // The progress line comes after the account is recorded: two are finished by then.
    await run.waitForStderr(new RegExp(`qbr: 2/${COUNT} accounts`));
    run.child.kill("SIGINT");
    await run.waitForStderr(/stopping/);
    run.child.kill("SIGINT");
    const { signal } = await run.exited;
    // Ended by the second signal itself, not by the batch finishing its last account.
    expect(signal).toBe("SIGINT");
    const manifest = readJson<Manifest>(path.join(out, "manifest.json"));
    expect(written(manifest).length).toBeGreaterThanOrEqual(2);
    for (const entry of written(manifest)) {
      for (const file of entry.files) expect(existsSync(path.join(out, file.path))).toBe(true);
    }
    expect(existsSync(path.join(out, lockFileName("manifest.json")))).toBe(false);
  }, 240_000);

  // Was: no manifest until the first 30 s checkpoint, so a kill -9 before it lost every deck.
  it("kill -9 after the first finished account leaves a manifest that the next run resumes from", async () => {
    const { accounts, out } = accountsDir();
    const run = startGenerate(accounts, out);
    await run.waitForStderr(new RegExp(`qbr: 1/${COUNT} accounts`));
    run.child.kill("SIGKILL");
    await run.exited;
    const manifest = readJson<Manifest>(path.join(out, "manifest.json"));
    const finished = written(manifest);
    expect(finished.length).toBeGreaterThanOrEqual(1);

    // The dead run's lock is taken over (its pid is gone on this host), and what it finished is kept.
    const rerun = qbr(["generate", accounts, "-o", out, "-f", "pdf", "--concurrency", "1"]);
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(rerun.stdout).toContain(`Skipped ${finished.length} unchanged account`);
    expect(written(readJson<Manifest>(path.join(out, "manifest.json"))).length).toBe(COUNT - finished.length);
  }, 240_000);
});

describe("one run at a time per output folder", () => {
  it("a second run into the same -o refuses with exit 2, naming the run that holds it", async () => {
    const { accounts, out } = accountsDir();
    const first = startGenerate(accounts, out);
    await first.waitForStderr(new RegExp(`qbr: 1/${COUNT} accounts`));
    const second = qbr(["generate", accounts, "-o", out, "-f", "pdf"]);
    expect(second.code).toBe(2);
    expect(second.stderr).toContain(
      `is in use by another qbr run (pid ${first.child.pid} on ${os.hostname()}`,
    );
    expect(second.stderr).not.toMatch(/internal error|\n\s+at /);
    first.child.kill("SIGINT"); // no need to render the rest
    expect((await first.exited).code).toBe(130);
    expect(existsSync(path.join(out, lockFileName("manifest.json")))).toBe(false);
    // The manifest is the first run's alone.
    expect(written(readJson<Manifest>(path.join(out, "manifest.json"))).length).toBeGreaterThanOrEqual(1);
  }, 240_000);

  it("shards of one job share a folder: each manifest has its own lock", () => {
    const out = tempDir("qbr-lock-");
    const first = lockOutputFolder(out, "manifest-shard-1-of-2.json");
    const second = lockOutputFolder(out, "manifest-shard-2-of-2.json");
    expect(() => lockOutputFolder(out, "manifest-shard-1-of-2.json")).toThrow(UsageError);
    first.release();
    second.release();
    lockOutputFolder(out, "manifest-shard-1-of-2.json").release();
  });

  it("a lock left by a dead process on this host is taken over; one from another host is not", () => {
    const out = tempDir("qbr-lock-");
    const lockFile = path.join(out, lockFileName("manifest.json"));
    const dead = spawnSync(process.execPath, ["-e", ""]).pid!;
    writeFileSync(
      lockFile,
      JSON.stringify({ pid: dead, host: os.hostname(), startedAt: "2025-01-01T00:00:00Z" }),
    );
    const lock = lockOutputFolder(out, "manifest.json");
    expect(JSON.parse(readFileSync(lockFile, "utf8"))).toMatchObject({
      pid: process.pid,
      host: os.hostname(),
    });
    lock.release();
    expect(existsSync(lockFile)).toBe(false);

    writeFileSync(
      lockFile,
      JSON.stringify({ pid: dead, host: "build-host-7", startedAt: "2025-01-01T00:00:00Z" }),
    );
    expect(() => lockOutputFolder(out, "manifest.json")).toThrow(
      new RegExp(
        `in use by another qbr run \\(pid ${dead} on build-host-7.*delete ${lockFile.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`,
      ),
    );
  });

  it("a restarted container (same host name, same pid, lock not held by this process) takes its own old lock over", () => {
    const out = tempDir("qbr-lock-");
    const lockFile = path.join(out, lockFileName("manifest.json"));
    writeFileSync(
      lockFile,
      JSON.stringify({ pid: process.pid, host: os.hostname(), startedAt: "2025-01-01T00:00:00Z" }),
    );
    lockOutputFolder(out, "manifest.json").release();
    expect(existsSync(lockFile)).toBe(false);
  });
});
