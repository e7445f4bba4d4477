import { setTempTag } from "../io/atomic-write.js";
import { describeFailure, type FailureReason } from "./failure.js";
import {
  generateAccount,
  type AccountOutcome,
  type GenerateSettings,
  type LoadedAccount,
} from "./generate-account.js";
import type { MessagePort } from "node:worker_threads";
import { workerData } from "piscina";
import { loadRenderer, OUTPUT_FORMATS, type OutputFormat } from "../render/renderer.js";
import { loadFont } from "../render/fonts.js";
import { loadTemplates } from "../io/resources.js";
import { loadTheme } from "../io/theme-file.js";

/**
 * The piscina worker: renders one account and writes its files itself, so only a small summary
 * travels back to the main thread and no deck is ever held there. Errors of the account (invalid
 * data, a renderer failure) come back as a result; only a crash of the thread rejects the task.
 */

export interface RenderTask {
  source: string;
  slug: string;
  /** The account as the planner read it; without it the worker reads the file. */
  loaded?: LoadedAccount;
  settings: GenerateSettings;
  /** The batch's temp-file tag, so the main thread can clean up after a crashed worker. */
  tempTag: string;
  /** Told when this worker begins the task: the account's time limit runs from then. */
  started?: MessagePort;
}

export type RenderTaskResult = { ok: true; outcome: AccountOutcome } | { ok: false; reason: FailureReason };

/**
 * TEST-ONLY hook: when QBR_TEST_CRASH_ON is set and the account's path contains it, the worker
 * thread exits abruptly, as an out-of-memory kill or a native crash would. Used by
 * test/batch-crash.test.ts to prove one crash loses no other account. Not a user feature.
 */
function crashForTests(source: string): void {
  const marker = process.env.QBR_TEST_CRASH_ON;
  if (marker && source.includes(marker)) process.exit(70);
}

/**
 * TEST-ONLY hook: when QBR_TEST_HANG_ON is set and the account's path contains it, the worker
 * spins without ever yielding, as a renderer stuck in a runaway loop would. Used by
 * test/batch-limits.test.ts to prove --account-timeout stops it alone. Not a user feature.
 */
function hangForTests(source: string): void {
  const marker = process.env.QBR_TEST_HANG_ON;
  if (!marker || !source.includes(marker)) return;
  while (Date.now() > 0) {
    // spin: only terminating the thread ends this
  }
}

export async function renderAccountTask(task: RenderTask): Promise<RenderTaskResult> {
  task.started?.postMessage("started");
  task.started?.close();
  setTempTag(task.tempTag);
  crashForTests(task.source);
  hangForTests(task.source);
  try {
    return { ok: true, outcome: await generateAccount(task.source, task.settings, task.slug, task.loaded) };
  } catch (error) {
    return { ok: false, reason: describeFailure(task.source, error) };
  }
}

/** What the pool tells each worker at start (piscina's workerData). */
export interface WorkerSetup {
  formats: OutputFormat[];
}

/**
 * Warm-up when the thread starts (while the main thread is still planning the batch): load the
 * renderers of the run's formats, parse the fonts (the PDF's shaping tables too) and compile the default templates — work every
 * first task would otherwise do.
 */
const setup = workerData as Partial<WorkerSetup> | undefined;
const renderers = await Promise.all((setup?.formats ?? OUTPUT_FORMATS).map((format) => loadRenderer(format)));
loadFont("regular");
loadFont("bold");
for (const renderer of renderers) await renderer.warmUp?.();
loadTemplates();
loadTheme();

export default renderAccountTask;
