import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import type { Io } from "../io/terminal.js";
import type { PreloadedInput } from "./account-sources.js";
import { OutputError } from "../errors.js";
import { removeTempsIn, setTempTag } from "../io/atomic-write.js";
import type { DiscoveryNote } from "../io/discover.js";
import { describeFailure } from "./failure.js";
import { generateAccount, type GenerateSettings } from "./generate-account.js";
import { InputIndex, inputIndexFileName } from "./input-index.js";
import { watchForStop, type StopSignal } from "./interrupt.js";
import {
  failedEntry,
  manifestFileName,
  manifestFiles,
  manifestSettings,
  newManifest,
  readPreviousManifest,
  summaryFields,
  toPosix,
  writeManifest,
  type AccountStatus,
  type Manifest,
  type ManifestAccount,
} from "./manifest.js";
import { lockOutputFolder, type OutputLock } from "../io/output-lock.js";
import { BatchPlanner, type RenderJob } from "./plan.js";
import { JobQueue, renderInPool, startPool, type RenderPool } from "./pool.js";
import { claimRenderThread, wantsRenderThread, type RenderThread } from "./render-thread.js";
import { loadTemplates, readDeckSettings, readRules } from "../io/resources.js";
import { createProgress } from "./progress.js";
import type { Shard } from "./shard.js";
import { brandRenderOptions, loadTheme } from "../io/theme-file.js";
import type { RenderTaskResult } from "./worker.js";
import { passwordsFileName, type AccountPassword } from "./pdf-passwords.js";

/**
 * `qbr generate` over any number of accounts: plan in the main thread (read, hash, name, skip
 * what is unchanged), render the rest on worker threads, then write the portfolio summary and
 * the manifest. Workers write their own files and send back only a summary, so the main
 * thread's memory does not grow with the size of the decks.
 */

/** How often a long batch rewrites its manifest with the accounts finished so far (and after the first). */
const CHECKPOINT_INTERVAL_MS = 30_000;

export interface BatchOptions {
  settings: GenerateSettings;
  shard?: Shard;
  concurrency: number;
  /** Re-render every account even when its inputs are unchanged. */
  force: boolean;
  /** Folders discovery could not read, listed as failures (their accounts are missing). */
  unreadableFolders?: readonly DiscoveryNote[];
  /** Per account, on worker threads (default DEFAULT_ACCOUNT_TIMEOUT_MS); not for a single file. */
  accountTimeoutMs?: number;
  /** Inputs already read: the accounts of workbooks (account-sources.ts batchSources). */
  preloaded?: Map<string, PreloadedInput>;
}

export interface BatchFailure {
  source: string;
  oneLine: string;
  /** The original error, when it was raised in this thread (a single-file run rethrows it). */
  cause?: unknown;
  /** The stack of an unexpected error, for --debug. */
  stack?: string;
}

export interface BatchResult {
  manifestFile: string;
  manifest: Manifest;
  counts: Record<AccountStatus, number>;
  failures: BatchFailure[];
  collisions: { source: string; slug: string; renamedFrom: string }[];
  /** Paths of the portfolio files, or why there is none. */
  portfolio: string[] | "single-account" | "shard" | "interrupted";
  interrupted?: StopSignal;
  /** passwords.csv, when --pdf-password-per-account wrote it. */
  passwordsFile?: string;
  /** Why the manifest could not be written (a full disk, say); the decks written are still on disk. */
  manifestError?: string;
  elapsedMs: number;
}

function jobEntry(job: RenderJob, result: RenderTaskResult, outDir: string): ManifestAccount {
  const source = toPosix(job.source);
  const known = {
    slug: job.slug,
    ...(job.renamedFrom ? { renamedFrom: job.renamedFrom } : {}),
    inputHash: job.inputHash,
  };
  if (!result.ok) {
    return failedEntry(source, result.reason.message, {
      ...known,
      account: { id: job.facts.id, name: job.facts.name },
    });
  }
  const { outcome } = result;
  const written = outcome.status === "written";
  const { account, ...summary } = summaryFields(outcome.account);
  return {
    source,
    account,
    slug: known.slug,
    ...(job.renamedFrom ? { renamedFrom: job.renamedFrom } : {}),
    status: outcome.status,
    ...summary,
    files: written ? manifestFiles(outDir, outcome.files) : [],
    ...(outcome.status === "filtered" ? { filterReason: outcome.reason } : {}),
    ...(outcome.warnings.length > 0 ? { warnings: outcome.warnings } : {}),
    inputHash: job.inputHash,
  };
}

/**
 * One account in this thread: no worker pool to start, and its error keeps its class. The PDFs
 * render on a second thread beside the rest when that pays (render-thread.ts).
 */
async function renderInProcess(
  job: RenderJob,
  settings: GenerateSettings,
  thread: RenderThread | undefined,
): Promise<{ result: RenderTaskResult; cause?: unknown }> {
  try {
    return {
      result: {
        ok: true,
        outcome: await generateAccount(job.source, settings, job.slug, job.loaded, thread),
      },
    };
  } catch (error) {
    return { result: { ok: false, reason: describeFailure(job.source, error) }, cause: error };
  }
}

function countStatuses(entries: readonly ManifestAccount[]): Record<AccountStatus, number> {
  const counts: Record<AccountStatus, number> = {
    written: 0,
    "skipped-unchanged": 0,
    filtered: 0,
    failed: 0,
  };
  for (const entry of entries) counts[entry.status]++;
  return counts;
}

/** Files read per planning step before the event loop gets a turn to hand out finished jobs. */
const PLAN_STEP_FILES = 4;
/**
 * How many planned jobs may wait for a worker. Each holds its parsed account, so planning keeps
 * only this far ahead of rendering: memory stays flat however many accounts a run has.
 */
const PLAN_AHEAD_JOBS = 16;

/**
 * Plans the rest of the batch a few files at a time, handing each final job to the pool at once,
 * so the workers render while the main thread still reads and validates files.
 */
async function feedWhilePlanning(
  planner: BatchPlanner,
  queue: JobQueue<RenderJob>,
  stop: AbortSignal,
): Promise<void> {
  try {
    const stopped = new Promise<void>((resolve) => {
      if (stop.aborted) resolve();
      else stop.addEventListener("abort", () => resolve(), { once: true });
    });
    while (!planner.done && !stop.aborted) {
      queue.push(planner.step(PLAN_STEP_FILES));
      await new Promise((resolve) => setImmediate(resolve));
      await Promise.race([queue.waitForRoom(PLAN_AHEAD_JOBS), stopped]);
    }
    if (!stop.aborted) queue.push(planner.finish());
  } finally {
    queue.close();
  }
}

/** The jobs rendered on worker threads (or in this thread for a single one), each result recorded. */
async function renderJobs(
  jobs: JobQueue<RenderJob>,
  options: BatchOptions,
  stop: AbortSignal,
  record: (job: RenderJob, result: RenderTaskResult, cause?: unknown) => void,
  earlyPool: RenderPool | undefined,
  thread: RenderThread | undefined,
): Promise<void> {
  const { settings } = options;
  // A closed queue of one job (its job not taken yet, so the queue is not `drained`): in this thread.
  if (!earlyPool && jobs.isClosed && jobs.size <= 1) {
    const job = jobs.take();
    if (!job) return;
    const { result, cause } = await renderInProcess(job, settings, thread);
    record(job, result, cause);
    return;
  }
  const tempTag = randomBytes(4).toString("hex");
  setTempTag(tempTag);
  await renderInPool(
    {
      jobs,
      concurrency: options.concurrency,
      task: (job) => {
        const task = { source: job.source, slug: job.slug, loaded: job.loaded, settings, tempTag };
        delete job.loaded; // handed over: the planner does not keep it
        return task;
      },
      onResult: (job, result) => record(job, result),
      stop,
      ...(options.accountTimeoutMs ? { timeoutMs: options.accountTimeoutMs } : {}),
    },
    earlyPool,
  );
  // Only a worker that died mid-write can have left a temp file behind.
  removeTempsIn(settings.outDir);
}

/** portfolio-internal.csv and the portfolio deck(s), recorded in the manifest; a failure is reported, not thrown. */
async function addPortfolio(
  manifest: Manifest,
  settings: GenerateSettings,
  previous: Manifest | null,
  failures: BatchFailure[],
  io: Io,
): Promise<string[]> {
  try {
    // Loaded here: only a run of several accounts has a portfolio (a one-account run never loads it).
    const { writePortfolio } = await import("./write-portfolio.js");
    const written = await writePortfolio(settings.outDir, manifest, {
      formats: settings.formats,
      theme: loadTheme(settings.themeFile, settings.templateFile),
      templates: loadTemplates(settings.templatesDir),
      render: withTemplate(settings),
      previous: previous?.portfolio,
    });
    manifest.portfolio = written.record;
    for (const warning of written.warnings) io.err(`warning: ${warning}`);
    return written.record.files.map((file) => path.join(settings.outDir, file.path));
  } catch (error) {
    // The decks are written; a portfolio problem must not cost the manifest that lists them.
    const reason = describeFailure("portfolio", error);
    failures.push({ source: "portfolio", oneLine: reason.oneLine, cause: error });
    return [];
  }
}

export async function runBatch(
  files: readonly string[],
  options: BatchOptions,
  io: Io,
): Promise<BatchResult> {
  const lock = lockOutputFolder(options.settings.outDir, manifestFileName(options.shard));
  try {
    return await runLockedBatch(files, options, io, lock);
  } finally {
    lock.release();
  }
}

async function runLockedBatch(
  files: readonly string[],
  options: BatchOptions,
  io: Io,
  lock: OutputLock,
): Promise<BatchResult> {
  const { settings, shard } = options;
  const manifestFile = path.join(settings.outDir, manifestFileName(shard));
  // One account, most likely to be rendered (a first run, or --force): the PDF's thread starts
  // now, so it loads its modules and fonts while this thread reads and analyses the account.
  const thread = claimRenderThread(
    settings.formats,
    files.length === 1 &&
      (options.force || !existsSync(manifestFile)) &&
      wantsRenderThread(
        settings.formats,
        settings.kinds.length * settings.audiences.length,
        options.concurrency,
      ),
  );
  try {
    return await renderAndRecord(files, options, io, lock, thread);
  } finally {
    await thread?.close();
  }
}

async function renderAndRecord(
  files: readonly string[],
  options: BatchOptions,
  io: Io,
  lock: OutputLock,
  thread: RenderThread | undefined,
): Promise<BatchResult> {
  const startedAt = Date.now();
  const { settings, shard } = options;
  const manifestFile = path.join(settings.outDir, manifestFileName(shard));
  const indexFile = path.join(settings.outDir, inputIndexFileName(manifestFile));
  // A bad --templates, --theme, --rules or --deck would fail every account the same way: say it once.
  loadTemplates(settings.templatesDir);
  loadTheme(settings.themeFile, settings.templateFile);
  if (settings.rulesFile) readRules(settings.rulesFile);
  if (settings.deckFile) readDeckSettings(settings.deckFile);
  const previous = readPreviousManifest(manifestFile);
  // A first (or forced) run renders nearly every account: start the workers now, so their
  // start-up overlaps with planning. A re-run may render nothing, and then starts none.
  const earlyPool =
    files.length > 1 && (!previous || options.force)
      ? await startPool(Math.max(1, Math.min(options.concurrency, files.length)), settings.formats)
      : undefined;
  const index = InputIndex.load(indexFile);
  const planner = new BatchPlanner(files, {
    settings,
    shard,
    force: options.force,
    previous,
    index,
    unreadableFolders: options.unreadableFolders,
    ...(options.preloaded ? { preloaded: options.preloaded } : {}),
    ...(earlyPool ? { preloadBudgetBytes: Number.POSITIVE_INFINITY } : {}),
  });
  // With workers already starting, jobs go to them while planning goes on; otherwise plan first.
  const queue = new JobQueue<RenderJob>();
  if (!earlyPool) {
    queue.push(planner.finish());
    queue.close();
  }
  const plan = planner.plan;

  const generatedAt = settings.asOf ?? settings.today;
  const runSettings = manifestSettings(settings, shard);
  /** The accounts rendered so far; with the plan's reused and unreadable ones, the manifest. */
  const rendered: ManifestAccount[] = [];
  const planned = (): ManifestAccount[] => [...plan.reused, ...plan.failures.map((failure) => failure.entry)];
  const failures: BatchFailure[] = [];
  const progress = createProgress(earlyPool ? planner.shardSize : plan.jobs.length, io);
  const passwords: AccountPassword[] = [];
  const passwordsFile = passwordsFileName(shard);
  // Loaded up front (the checkpoints write synchronously), and only by runs that make passwords.
  const { writePasswords } = settings.pdfPasswordPerAccount
    ? await import("./passwords-csv.js")
    : { writePasswords: undefined };
  const writeSoFar = () => {
    // The passwords first: a manifest must never list encrypted PDFs whose passwords were not kept.
    writePasswords?.(settings.outDir, passwordsFile, passwords);
    writeManifest(manifestFile, newManifest(generatedAt, runSettings, [...planned(), ...rendered]));
  };
  const stop = watchForStop(
    () =>
      progress.log("qbr: stopping — finishing the accounts being rendered (press Ctrl-C again to quit now)"),
    () => {
      // Quitting now: the decks that finished are still listed (the README promises it).
      writeSoFar();
      lock.release();
    },
  );
  let lastCheckpoint = Date.now();
  const record = (job: RenderJob, result: RenderTaskResult, cause?: unknown) => {
    const entry = jobEntry(job, result, settings.outDir);
    rendered.push(entry);
    if (result.ok && result.outcome.status === "written" && result.outcome.pdfPassword) {
      passwords.push({
        id: entry.account?.id ?? null,
        name: entry.account?.name ?? entry.source,
        files: entry.files.filter((file) => file.encrypted).map((file) => file.path),
        password: result.outcome.pdfPassword,
      });
    }
    if (!result.ok) {
      const { oneLine, stack } = result.reason;
      failures.push({ source: entry.source, oneLine, cause, ...(stack ? { stack } : {}) });
    }
    for (const warning of entry.warnings ?? []) progress.log(`warning: ${warning}`);
    if (rendered.length === 1 || Date.now() - lastCheckpoint >= CHECKPOINT_INTERVAL_MS) {
      // If the process is killed outright (OOM, a job runner's grace period), the next run still
      // skips what this one finished — from the first finished account on, not only after 30 s.
      // Before the progress line, so what the progress says is finished is in the manifest.
      lastCheckpoint = Date.now();
      try {
        writeSoFar();
      } catch {
        // Only a safety net: the final write reports a disk problem, and must get its chance.
      }
    }
    progress.tick(!result.ok);
  };
  try {
    const planning = earlyPool
      ? feedWhilePlanning(planner, queue, stop.signal).then(() => progress.setTotal(plan.jobs.length))
      : Promise.resolve();
    await Promise.all([planning, renderJobs(queue, options, stop.signal, record, earlyPool, thread)]);
  } finally {
    progress.stop();
    stop.dispose();
  }
  failures.unshift(
    ...plan.failures.map((failure) => ({
      source: failure.entry.source,
      oneLine: failure.reason.oneLine,
      cause: failure.cause,
    })),
  );

  const interrupted = stop.received();
  const manifest = newManifest(generatedAt, runSettings, [...planned(), ...rendered]);
  let portfolio: BatchResult["portfolio"] = "single-account";
  if (interrupted) portfolio = "interrupted";
  else if (shard && shard.count > 1) portfolio = "shard";
  else if (manifest.accounts.length > 1)
    portfolio = await addPortfolio(manifest, settings, previous, failures, io);
  let manifestError: string | undefined;
  let writtenPasswords: string | undefined;
  try {
    writtenPasswords = writePasswords?.(settings.outDir, passwordsFile, passwords);
    writeManifest(manifestFile, manifest);
  } catch (error) {
    if (!(error instanceof OutputError)) throw error;
    manifestError = error.message;
  }
  try {
    index.save(indexFile);
  } catch {
    // A cache: without it the next run parses every file again, which is only slower.
  }
  return {
    manifestFile,
    manifest,
    counts: countStatuses(manifest.accounts),
    failures,
    collisions: plan.collisions,
    portfolio,
    ...(interrupted ? { interrupted } : {}),
    ...(manifestError ? { manifestError } : {}),
    ...(writtenPasswords ? { passwordsFile: writtenPasswords } : {}),
    elapsedMs: Date.now() - startedAt,
  };
}

/** The render options with the company template and brand fonts, when the run has them (the portfolio deck too). */
function withTemplate(settings: GenerateSettings): GenerateSettings["render"] {
  return { ...settings.render, ...brandRenderOptions(settings.themeFile, settings.templateFile) };
}
