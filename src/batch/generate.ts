import { UsageError } from "../errors.js";
import { isWorkbookFile } from "../input/spreadsheet/spreadsheet-kind.js";
import { discoverAccountFiles, requireInputs, type DiscoveryNote } from "../io/discover.js";
import { prepareOutputFolder } from "../io/output-folder.js";
import type { Io } from "../io/terminal.js";
import { batchSources } from "./account-sources.js";
import { loadOptions, type GenerateSettings } from "./generate-account.js";
import { defaultConcurrency, maxConcurrency } from "./pool.js";
import { runBatch, type BatchResult } from "./run-batch.js";
import type { Shard } from "./shard.js";

/**
 * What `qbr generate` does between parsing its options and reporting: find the account files,
 * check the output folder, run the batch. The CLI and the public API's generate() both call it;
 * neither the process nor the console is touched here (messages go to `io`).
 */

export interface GenerateRun {
  settings: GenerateSettings;
  shard?: Shard;
  /** Accounts rendered at once; default: one per core, capped at four per core. */
  concurrency?: number;
  /** Re-render every account even when its inputs are unchanged. */
  force?: boolean;
  accountTimeoutMs?: number;
}

export interface GenerateResult extends BatchResult {
  /** The account files found in the inputs, sorted. */
  accountFiles: string[];
  /** Folders that could not be read (their accounts are missing from the run). */
  unreadableFolders: DiscoveryNote[];
}

/** More workers than a few per core only add memory and slow the run. */
function cappedConcurrency(requested: number | undefined, io: Io): number {
  const limit = maxConcurrency();
  if (requested === undefined) return defaultConcurrency();
  if (requested <= limit) return requested;
  io.err(
    `note: --concurrency ${requested} is more than this machine can use; rendering ${limit} accounts at a time (4 per core)`,
  );
  return limit;
}

/** A --compare-to on or after --as-of leaves "what changed" out: say so rather than drop it silently. */
function warnAboutCompareTo(settings: GenerateSettings, io: Io): void {
  if (settings.asOf && settings.compareTo && settings.compareTo >= settings.asOf) {
    io.err(
      `warning: --compare-to ${settings.compareTo} is not before --as-of ${settings.asOf}; the decks have no "what changed" slide`,
    );
  }
}

export async function generateRun(
  inputs: readonly string[],
  run: GenerateRun,
  io: Io,
): Promise<GenerateResult> {
  requireInputs([...inputs]);
  const { settings } = run;
  const concurrency = cappedConcurrency(run.concurrency, io);
  const { files, skippedLinks, unreadableFolders } = await discoverAccountFiles([...inputs]);
  for (const link of skippedLinks) io.err(`warning: ${link.path} — ${link.message}`);
  if (files.length === 0) {
    const unread = unreadableFolders.map((folder) => `${folder.path} — ${folder.message}`);
    throw new UsageError(
      [`no account files (*.yaml, *.yml, *.json) found in ${inputs.join(", ")}`, ...unread].join("\n"),
    );
  }
  prepareOutputFolder(settings.outDir);
  warnAboutCompareTo(settings, io);
  // A workbook becomes one source per account (plans.xlsx#ID), read here once.
  const sources = files.some(isWorkbookFile) ? await batchSources(files, loadOptions(settings)) : undefined;
  const inputFiles = sources?.files ?? files;
  if (inputFiles.length === 0) throw new UsageError(`no accounts in ${files.join(", ")}`);
  const result = await runBatch(
    inputFiles,
    {
      settings,
      shard: run.shard,
      concurrency,
      force: Boolean(run.force),
      unreadableFolders,
      ...(sources ? { preloaded: sources.preloaded } : {}),
      ...(run.accountTimeoutMs ? { accountTimeoutMs: run.accountTimeoutMs } : {}),
    },
    io,
  );
  return { ...result, accountFiles: inputFiles, unreadableFolders };
}
