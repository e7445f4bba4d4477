import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Manifest } from "../src/batch/manifest.js";
import { makeAccountsDir, readJson, tempDir, tempFilesIn } from "./helpers/batch.js";
import { qbr } from "./helpers/cli.js";

/**
 * A worker thread that dies (here: process.exit inside the worker, through the test-only
 * QBR_TEST_CRASH_ON hook) costs its own account only.
 */
describe("a worker crash during a batch", () => {
  it("fails the account it was rendering and writes every other account", () => {
    const work = tempDir("qbr-crash-");
    const accounts = makeAccountsDir(work);
    const out = path.join(work, "out");
    const victim = accounts.valid[1]!;
    const result = qbr(["generate", accounts.dir, "-o", out, "-f", "pdf", "--concurrency", "2"], {
      env: { QBR_TEST_CRASH_ON: victim },
    });
    expect(result.code).toBe(1);
    const failures = result.stderr.split("\n").filter((line) => line.startsWith("failed: "));
    expect(failures).toHaveLength(2);
    expect(failures.find((line) => line.includes(victim))).toMatch(/worker rendering it crashed/);
    expect(failures.find((line) => line.includes(accounts.broken))).toBeDefined();
    const manifest = readJson<Manifest>(path.join(out, "manifest.json"));
    const statuses = Object.fromEntries(
      manifest.accounts.map((entry) => [path.basename(entry.source), entry.status]),
    );
    for (const name of accounts.valid)
      expect(statuses[name], name).toBe(name === victim ? "failed" : "written");
    expect(tempFilesIn(out)).toEqual([]);
    // The portfolio is still built from the accounts that were written.
    expect(result.stdout).toMatch(/Portfolio: .*portfolio-internal\.pdf/);
  }, 120_000);
});
