import os from "node:os";
import path from "node:path";
import v8 from "node:v8";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { prestartRenderThread } from "../src/batch/render-thread.js";
import { prestartForOneAccount, type PrestartOptions } from "../src/cli/prestart.js";
import { tempDir } from "./helpers/batch.js";
import { qbrIn } from "./helpers/cli.js";

vi.mock("../src/batch/render-thread.js", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../src/batch/render-thread.js")>()),
  prestartRenderThread: vi.fn(),
}));

/**
 * What `qbr generate one.yaml` prepares before the run (src/cli/prestart.ts): a PDF render thread
 * the run will claim, and V8 without its optimizing compiler for a short run. Both change the
 * process, so only the process entry does it, never `run()` (which the tests call in theirs).
 */
const ACCOUNT = "samples/northwind-logistics.yaml";
const cores = os.availableParallelism();

let setFlags: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  // Never for real: this test's own V8 keeps its flags.
  setFlags = vi.spyOn(v8, "setFlagsFromString").mockImplementation(() => undefined);
  vi.mocked(prestartRenderThread).mockClear();
});
afterEach(() => setFlags.mockRestore());

/** prestartForOneAccount with commander's defaults for what `options` leaves out. */
function prestart(options: PrestartOptions): void {
  prestartForOneAccount([ACCOUNT], {
    output: path.join(tempDir("qbr-prestart-"), "out"),
    format: "pptx,pdf",
    audience: "internal",
    kind: "qbr",
    ...options,
  });
}

describe("the prestart of a one-account generate", () => {
  it.skipIf(cores < 2)("reads the options as the command does: duplicates dropped", () => {
    prestart({ format: "pdf,pdf,pptx" });
    // The formats the run claims the thread with (claimRenderThread compares them).
    expect(prestartRenderThread).toHaveBeenCalledExactlyOnceWith(["pdf", "pptx"]);
    vi.mocked(prestartRenderThread).mockClear();
    prestart({ format: "pdf", kind: "qbr,qbr" }); // one PDF: no thread
    prestart({ format: "pdf", audience: "internal, internal" });
    expect(prestartRenderThread).not.toHaveBeenCalled();
    prestart({ format: "pdf", audience: "internal,customer" }); // two PDFs: the threads share them
    expect(prestartRenderThread).toHaveBeenCalledExactlyOnceWith(["pdf"]);
  });

  it("prepares nothing for options the command rejects, or a --concurrency of 1", () => {
    for (const options of [
      { concurrency: "abc" },
      { concurrency: "0" },
      { concurrency: "1" },
      { format: "pptx,docx" },
      { format: "" },
    ]) {
      prestart(options);
    }
    expect(prestartRenderThread).not.toHaveBeenCalled();
    // Only a bad value stops it before the V8 flags: --concurrency 1 is a short run still.
    expect(setFlags).toHaveBeenCalledExactlyOnceWith("--no-opt");
  });

  it("turns TurboFan off for a short run only", () => {
    prestart({ format: "pptx,pdf", audience: "internal,customer" });
    expect(setFlags).toHaveBeenCalledExactlyOnceWith("--no-opt");
    setFlags.mockClear();
    prestart({ format: "pptx,pdf", audience: "internal,customer", kind: "qbr,renewal" });
    expect(setFlags).not.toHaveBeenCalled();
  });

  it("is never done by run(): a command run in-process leaves V8 and threads alone", async () => {
    const out = path.join(tempDir("qbr-prestart-"), "out");
    const bad = await qbrIn(["generate", ACCOUNT, "-f", "pptx,pdf", "--kind", "bogus", "-o", out]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--kind bogus/);
    const one = await qbrIn(["generate", ACCOUNT, "-f", "pdf", "-o", out]);
    expect([one.code, one.stderr]).toEqual([0, ""]);
    expect(setFlags).not.toHaveBeenCalled();
    expect(prestartRenderThread).not.toHaveBeenCalled();
  }, 60_000);
});
