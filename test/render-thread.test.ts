import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sendsToThread, wantsRenderThread, type RenderThread } from "../src/batch/render-thread.js";
import { ROOT } from "./helpers/accounts.js";
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

function generate(
  extra: string[] = [],
  env: Record<string, string> = {},
  args: readonly string[] = ARGS,
): Record<string, string> {
  const out = path.join(tempDir("qbr-thread-"), "out");
  const result = qbr(["generate", ACCOUNT, ...args, "-o", out, ...extra], { env });
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

  it("takes the PDFs, or every second one when the run renders nothing else", () => {
    const pdfThread: RenderThread = {
      handles: (format) => format === "pdf",
      render: () => Promise.resolve(null),
      close: () => Promise.resolve(),
    };
    expect(sendsToThread(["pptx", "pdf", "pptx", "pdf"], pdfThread)).toEqual([false, true, false, true]);
    // -f pdf --audience internal,customer (and a third kind): both threads render at once.
    expect(sendsToThread(["pdf", "pdf"], pdfThread)).toEqual([true, false]);
    expect(sendsToThread(["pdf", "pdf", "pdf"], pdfThread)).toEqual([true, false, true]);
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

  it("exits at once when the run fails before it claims the thread (a bad --kind)", () => {
    const out = path.join(tempDir("qbr-thread-"), "out");
    const started = Date.now();
    const result = qbr(["generate", ACCOUNT, "-f", "pptx,pdf", "--kind", "bogus", "-o", out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--kind bogus: expected qbr or renewal/);
    expect(Date.now() - started).toBeLessThan(20_000);
  }, 120_000);

  it.skipIf(os.availableParallelism() < 2)(
    "shares a PDF-only run's decks with this thread, and its brand fonts, in the same bytes",
    () => {
      const dir = tempDir("qbr-thread-brand-");
      mkdirSync(path.join(dir, "fonts"));
      for (const face of ["Carlito-Bold.ttf", "Carlito-Regular.ttf"]) {
        copyFileSync(path.join(ROOT, "test/fixtures/fonts", face), path.join(dir, "fonts", face));
      }
      const theme = path.join(dir, "theme.yaml");
      writeFileSync(
        theme,
        "fonts:\n  heading: ./fonts/Carlito-Bold.ttf\n  body: ./fonts/Carlito-Regular.ttf\n",
      );
      const args = [
        "-f",
        "pdf",
        "--audience",
        "internal,customer",
        "--kind",
        "qbr,onepager",
        "--theme",
        theme,
      ];
      const withoutThread = generate(["--concurrency", "1"], {}, args);
      expect(Object.keys(withoutThread)).toHaveLength(4);
      expect(generate([], {}, args)).toEqual(withoutThread);
    },
    120_000,
  );

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
