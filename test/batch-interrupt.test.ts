import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Manifest } from "../src/batch/manifest.js";
import { readJson, SAMPLE_FILES, sampleWithId, tempDir, tempFilesIn } from "./helpers/batch.js";
import { CLI } from "./helpers/cli.js";

/** Ctrl-C in the middle of a batch: clean stop, no temp files, a manifest of what finished, exit 130. */

function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const poll = () => {
      if (condition()) resolve();
      else if (Date.now() > deadline) reject(new Error("timed out"));
      else setTimeout(poll, 20);
    };
    poll();
  });
}

describe("interrupting a batch", () => {
  it("stops after the accounts being rendered, leaves no temp file and exits 130", async () => {
    const work = tempDir("qbr-sigint-");
    const accounts = path.join(work, "accounts");
    mkdirSync(accounts);
    const count = 8;
    for (let index = 0; index < count; index++) {
      const sample = SAMPLE_FILES[index % SAMPLE_FILES.length]!;
      writeFileSync(path.join(accounts, `account-${index}.yaml`), sampleWithId(sample, `ACC-${index}`));
    }
    const out = path.join(work, "out");
    const child = spawn(
      process.execPath,
      [CLI, "generate", accounts, "-o", out, "-f", "pdf,pptx", "--concurrency", "1"],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    const decks = () =>
      existsSync(out) ? readdirSync(out).filter((name) => /^acc-.*\.(pdf|pptx)$/.test(name)) : [];
    await waitFor(() => decks().length > 0, 60_000);
    child.kill("SIGINT");
    const code = await exited;
    expect(code).toBe(130);
    expect(stderr).toContain("stopping");
    expect(stderr).toContain("stopped by SIGINT");
    expect(tempFilesIn(out)).toEqual([]);
    const manifest = readJson<Manifest>(path.join(out, "manifest.json"));
    const finished = manifest.accounts.filter((entry) => entry.status === "written");
    expect(finished.length).toBeGreaterThan(0);
    expect(finished.length).toBeLessThan(count);
    // The account being rendered finished: every deck on disk is complete and listed.
    for (const entry of finished) expect(entry.files).toHaveLength(2);
    const listed = new Set(finished.flatMap((entry) => entry.files.map((file) => file.path)));
    expect(decks().filter((name) => !listed.has(name))).toEqual([]);
    expect(existsSync(path.join(out, "portfolio-internal.csv"))).toBe(false);
  }, 120_000);
});
