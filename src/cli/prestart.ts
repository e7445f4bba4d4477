import { existsSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import v8 from "node:v8";
import { prestartRenderThread, wantsRenderThread } from "../batch/render-thread.js";
import { OUTPUT_FORMATS, type OutputFormat } from "../render/renderer.js";

/**
 * `qbr generate one.yaml`, the run a CSM waits for, prepared before the generate command's modules
 * are loaded. Only a guess from the raw arguments: anything unusual (a folder, a workbook, an
 * option the command will reject) changes nothing, and the run still decides for itself.
 *
 * - The PDF render thread (batch/render-thread.ts) starts now, so its start-up overlaps the main
 *   thread's (the run closes it if it turns out not to need it).
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

const items = (value: string | undefined): string[] =>
  (value ?? "")
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);

const isFormat = (item: string): item is OutputFormat => (OUTPUT_FORMATS as readonly string[]).includes(item);

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
  const formats = items(options.format);
  if (formats.length === 0 || !formats.every(isFormat)) return;
  const decksPerFormat =
    Math.max(1, items(options.audience).length) * Math.max(1, items(options.kind).length);
  const concurrency =
    options.concurrency === undefined ? os.availableParallelism() : Number(options.concurrency);
  if (formats.length * decksPerFormat <= SHORT_RUN_RENDERS) v8.setFlagsFromString("--no-opt");
  if (wantsRenderThread(formats, decksPerFormat, concurrency)) prestartRenderThread(formats);
}

/** Decks (kinds × audiences × formats) a run renders at most to count as short (see above). */
const SHORT_RUN_RENDERS = 4;
