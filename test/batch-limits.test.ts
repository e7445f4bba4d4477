import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Manifest } from "../src/batch/manifest.js";
import { maxConcurrency, WORKERS_PER_CORE_LIMIT } from "../src/batch/pool.js";
import { makeAccountsDir, readJson, tempDir, tempFilesIn } from "./helpers/batch.js";
import { SAMPLES_DIR } from "./helpers/accounts.js";
import { qbr } from "./helpers/cli.js";

/** Resource limits of a batch: a capped worker count, and a render time limit per account. */

describe("--concurrency", () => {
  it("is capped at a few workers per core, with a note", () => {
    expect(maxConcurrency()).toBe(WORKERS_PER_CORE_LIMIT * os.availableParallelism());
    const samples = ["kestrel-analytik.yaml", "northwind-logistics.yaml"].map((name) =>
      path.join(SAMPLES_DIR, name),
    );
    const out = path.join(tempDir("qbr-limits-"), "out");
    const result = qbr(["generate", ...samples, "-o", out, "-f", "pdf", "--concurrency", "1000"]);
    expect(result.stderr).toContain(
      `note: --concurrency 1000 is more than this machine can use; rendering ${maxConcurrency()} accounts at a time`,
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("for 2 accounts");
  }, 120_000);
});

/**
 * An account that never finishes (the test-only QBR_TEST_HANG_ON hook spins its worker without
 * yielding, as a runaway renderer would) is stopped at --account-timeout, fails alone with the
 * reason, and its worker is replaced: with one worker, the accounts after it are still written.
 * The limit is generous, so that no real account reaches it even on a busy machine.
 */
describe("--account-timeout", () => {
  const failuresOf = (stderr: string) => stderr.split("\n").filter((line) => line.startsWith("failed: "));

  it("stops an account that takes too long; the others are written on a fresh worker", () => {
    const work = tempDir("qbr-timeout-");
    const accounts = makeAccountsDir(work);
    const out = path.join(work, "out");
    const stuck = accounts.valid[0]!; // the first in order, so every other account comes after it
    const result = qbr(
      ["generate", accounts.dir, "-o", out, "-f", "pdf", "--concurrency", "1", "--account-timeout", "20"],
      { env: { QBR_TEST_HANG_ON: stuck } },
    );
    expect(result.code).toBe(1);
    const failures = failuresOf(result.stderr);
    expect(failures.find((line) => line.includes(stuck))).toMatch(
      /took longer than 20 s to render and was stopped.*--account-timeout changes the limit/,
    );
    expect(failures).toHaveLength(2); // and broken.yaml
    const manifest = readJson<Manifest>(path.join(out, "manifest.json"));
    const statuses = Object.fromEntries(
      manifest.accounts.map((entry) => [path.basename(entry.source), entry.status]),
    );
    for (const name of accounts.valid)
      expect(statuses[name], name).toBe(name === stuck ? "failed" : "written");
    expect(tempFilesIn(out)).toEqual([]);
  }, 180_000);

  it("with a limit no render can meet, fails every account with the reason and still finishes", () => {
    const work = tempDir("qbr-timeout-");
    const accounts = makeAccountsDir(work);
    const out = path.join(work, "out");
    const result = qbr([
      "generate",
      accounts.dir,
      "-o",
      out,
      "-f",
      "pdf",
      "--concurrency",
      "1",
      "--account-timeout",
      "0.001",
    ]);
    expect(result.code).toBe(1);
    const timedOut = failuresOf(result.stderr).filter((line) => line.includes("took longer than 0.001 s"));
    expect(timedOut).toHaveLength(accounts.valid.length);
    expect(tempFilesIn(out)).toEqual([]);
  }, 180_000);

  it("must be a number of seconds above 0", () => {
    const result = qbr(["generate", "samples", "-o", tempDir("qbr-timeout-"), "--account-timeout", "0"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--account-timeout 0: expected a number of seconds greater than 0/);
  });
});
