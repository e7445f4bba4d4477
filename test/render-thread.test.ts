import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { wantsRenderThread } from "../src/batch/render-thread.js";
import { tempDir } from "./helpers/batch.js";
import { qbr } from "./helpers/cli.js";

/**
 * A one-account `qbr generate` renders its PDFs on a second thread beside the PPTX
 * (src/batch/render-thread.ts). The decks must be the very bytes of a run without the thread,
 * and a thread that dies must cost nothing but time.
 */
const ACCOUNT = "samples/northwind-logistics.yaml";
const ARGS = ["-f", "pptx,pdf", "--audience", "internal,customer"];

function digests(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .filter((name) => /\.(pptx|pdf)$/.test(name))
      .sort()
      .map((name) => [
        name,
        createHash("sha256")
          .update(readFileSync(path.join(dir, name)))
          .digest("hex"),
      ]),
  );
}

function generate(extra: string[] = [], env: Record<string, string> = {}): Record<string, string> {
  const out = path.join(tempDir("qbr-thread-"), "out");
  const result = qbr(["generate", ACCOUNT, ...ARGS, "-o", out, ...extra], { env });
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  return digests(out);
}

describe("the PDF render thread of a one-account run", () => {
  it("is used only when there is something to render beside the PDF and a second core", () => {
    const cores = os.availableParallelism();
    expect(wantsRenderThread(["pptx", "pdf"], 1, 2)).toBe(cores >= 2);
    expect(wantsRenderThread(["pdf"], 2, 2)).toBe(cores >= 2); // internal and customer PDFs
    expect(wantsRenderThread(["pdf"], 1, 2)).toBe(false); // nothing to overlap with
    expect(wantsRenderThread(["pptx", "html"], 2, 2)).toBe(false); // no PDF
    expect(wantsRenderThread(["pptx", "pdf"], 1, 1)).toBe(false); // --concurrency 1
  });

  it("never keeps the process alive: a one-file run that fails before rendering exits at once", () => {
    const dir = tempDir("qbr-thread-");
    const file = path.join(dir, "notes.txt");
    writeFileSync(file, "not a folder\n");
    const started = Date.now();
    const result = qbr(["generate", ACCOUNT, "-f", "pptx,pdf", "-o", file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/is a file, not a folder/);
    // The thread was started as the arguments were parsed and is still warming up here.
    expect(Date.now() - started).toBeLessThan(20_000);
  }, 120_000);

  it.skipIf(os.availableParallelism() < 2)(
    "writes the same bytes as a run without it, and survives the thread dying",
    () => {
      const withoutThread = generate(["--concurrency", "1"]);
      expect(Object.keys(withoutThread)).toHaveLength(4);
      expect(generate()).toEqual(withoutThread);
      // The thread exits on its first deck: the main thread renders the PDFs itself.
      expect(generate([], { QBR_TEST_RENDER_THREAD_CRASH: "1" })).toEqual(withoutThread);
    },
    120_000,
  );
});
