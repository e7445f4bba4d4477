import { existsSync, statSync } from "node:fs";
import path from "node:path";
import v8 from "node:v8";
import { defaultConcurrency } from "../batch/pool.js";
import {
  closeUnclaimedRenderThread,
  prestartRenderThread,
  wantsRenderThread,
} from "../batch/render-thread.js";
import { OUTPUT_FORMATS, type OutputFormat } from "../render/renderer.js";
import { listItems, parseIntegerOption, parseList } from "./options.js";

/**
 * `qbr generate one.yaml`, the run a CSM waits for, prepared before the generate command's modules
 * are loaded. Only a guess from the raw arguments, read with the command's own parsers: anything
 * unusual (a folder, a workbook, an option the command will reject) changes nothing, and the run
 * still decides for itself.
 *
 * Process-wide, so only the process entry (main.ts `main`) calls it, never `run()`: the tests run
 * commands in their own process (test/helpers/cli.ts `qbrIn`), whose V8 must stay as it is.
 *
 * - The PDF render thread (batch/render-thread.ts) starts now, so its start-up overlaps the main
 *   thread's. The run claims it, or closes it if it turns out not to need it; a run that fails
 *   before it gets that far leaves it to finishPrestart().
 * - A short run (at most SHORT_RUN_RENDERS decks) runs without V8's optimizing compiler. In a
 *   two-second process TurboFan compiles hot functions on background threads that the run ends
 *   before it repays: measured on northwind (2 vCPUs, 6 interleaved rounds) 3.8–4.3 → 2.9–3.2 s of
 *   CPU and ~5–10 % less wall time, and a second core left to the render thread. Long runs (a
 *   batch, or one account with many kinds, audiences and formats) keep it.
 */
export interface PrestartOptions {
  output?: string;
  format?: string;
  audience?: string;
  kind?: string;
  concurrency?: string;
  shard?: string;
  force?: boolean;
}

export function prestartForOneAccount(inputs: readonly string[], options: PrestartOptions): void {
  const [input] = inputs;
  if (inputs.length !== 1 || !input || options.shard || !/\.(ya?ml|json)$/i.test(input)) return;
  // A re-run into the same folder may skip the account: no thread then (unless --force).
  if (!options.force && existsSync(path.join(options.output ?? "out", "manifest.json"))) return;
  try {
    if (!statSync(input).isFile()) return;
  } catch {
    return;
  }
  let formats: OutputFormat[];
  let concurrency: number;
  try {
    formats = parseList<OutputFormat>("--format", options.format ?? "", OUTPUT_FORMATS);
    concurrency = parseIntegerOption("--concurrency", options.concurrency, 1) ?? defaultConcurrency();
  } catch {
    return; // The command reports the bad value.
  }
  // Counted as the command counts them (duplicates dropped); their names are its to check.
  const decksPerFormat =
    Math.max(1, listItems(options.audience ?? "").length) * Math.max(1, listItems(options.kind ?? "").length);
  if (formats.length * decksPerFormat <= SHORT_RUN_RENDERS) v8.setFlagsFromString("--no-opt");
  if (wantsRenderThread(formats, decksPerFormat, concurrency)) prestartRenderThread(formats);
}

/** After the command: a prestarted thread the run never claimed (it failed before) is closed. */
export async function finishPrestart(): Promise<void> {
  await closeUnclaimedRenderThread();
}

/** Decks (kinds × audiences × formats) a run renders at most to count as short (see above). */
const SHORT_RUN_RENDERS = 4;
