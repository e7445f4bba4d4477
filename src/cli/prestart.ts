import { existsSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { prestartRenderThread, wantsRenderThread } from "../batch/render-thread.js";
import { OUTPUT_FORMATS, type OutputFormat } from "../render/renderer.js";

/**
 * `qbr generate one.yaml`: the PDF render thread (batch/render-thread.ts) is started here, before
 * the generate command's modules are loaded, so that the two start-ups overlap. Only a guess from
 * the raw arguments: anything unusual (a folder, a workbook, an option the command will reject)
 * starts nothing, and the run still decides for itself (a thread it does not need is closed).
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
  if (wantsRenderThread(formats, decksPerFormat, concurrency)) prestartRenderThread(formats);
}
