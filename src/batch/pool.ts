import os from "node:os";
import path from "node:path";
import { MessageChannel } from "node:worker_threads";
import { pathToFileURL } from "node:url";
import { PACKAGE_ROOT } from "../package-root.js";
import type { Piscina } from "piscina";
import { OUTPUT_FORMATS, type OutputFormat } from "../render/renderer.js";
import type { RenderTask, RenderTaskResult, WorkerSetup } from "./worker.js";

/** Old-generation heap per worker thread. */
const WORKER_HEAP_MB = 384;

/**
 * Worker threads for a batch (piscina). Tasks are handed out one per idle worker rather than all
 * queued at once, so that a stop request (Ctrl-C) only waits for the accounts being rendered and
 * memory does not depend on the number of accounts.
 */

export function defaultConcurrency(): number {
  return os.availableParallelism();
}

/**
 * More workers than this only compete for the same cores and add their memory (measured: 1,000
 * workers on 2 cores took 4.9 GB and ran 13× slower than 2). Rendering is CPU-bound, so a few
 * per core already covers the moments a worker waits on the disk.
 */
export const WORKERS_PER_CORE_LIMIT = 4;

export function maxConcurrency(): number {
  return WORKERS_PER_CORE_LIMIT * os.availableParallelism();
}

/** How long one account may take to render in a batch before it is stopped (--account-timeout). */
export const DEFAULT_ACCOUNT_TIMEOUT_MS = 120_000;

/**
 * The compiled worker, dist/batch/worker.js: also when this module runs from src/*.ts under
 * vitest (a worker thread cannot load TypeScript; npm test builds first) or from a chunk of the
 * bundled CLI (scripts/bundle-cli.mjs), which bundles the worker in its place.
 */
function workerUrl(): string {
  return pathToFileURL(path.join(PACKAGE_ROOT, "dist/batch/worker.js")).href;
}

/**
 * Jobs handed to the pool as they become known (the planner adds them while it reads files);
 * `close()` says no more will come.
 */
export class JobQueue<Job> {
  private readonly items: Job[] = [];
  private next = 0;
  private closed = false;
  private listener: (() => void) | undefined;
  private roomWaiter: { limit: number; resolve: () => void } | undefined;

  push(jobs: readonly Job[]): void {
    if (jobs.length === 0) return;
    this.items.push(...jobs);
    this.listener?.();
  }

  close(): void {
    this.closed = true;
    this.wakeRoomWaiter();
    this.listener?.();
  }

  take(): Job | undefined {
    if (this.next >= this.items.length) return undefined;
    const job = this.items[this.next]!;
    this.items[this.next++] = undefined as Job; // handed over: not kept here
    if (this.roomWaiter && this.pending < this.roomWaiter.limit) this.wakeRoomWaiter();
    return job;
  }

  /** Jobs pushed and not taken yet. */
  get pending(): number {
    return this.items.length - this.next;
  }

  /** Resolves once fewer than `limit` jobs wait (or the queue is closed). */
  waitForRoom(limit: number): Promise<void> {
    if (this.pending < limit || this.closed) return Promise.resolve();
    this.wakeRoomWaiter();
    return new Promise((resolve) => {
      this.roomWaiter = { limit, resolve };
    });
  }

  private wakeRoomWaiter(): void {
    const waiter = this.roomWaiter;
    this.roomWaiter = undefined;
    waiter?.resolve();
  }

  /** No more jobs will be pushed. */
  get isClosed(): boolean {
    return this.closed;
  }

  /** Closed and every job taken. */
  get drained(): boolean {
    return this.closed && this.next >= this.items.length;
  }

  get size(): number {
    return this.items.length;
  }

  onChange(listener: () => void): void {
    this.listener = listener;
  }
}

export interface PoolRunOptions<Job> {
  jobs: JobQueue<Job>;
  concurrency: number;
  task(job: Job): RenderTask;
  /** Called once per job that was started, with its result (a crashed worker gives a failure). */
  onResult(job: Job, result: RenderTaskResult): void;
  /** When aborted, no further job starts; the ones running finish and are reported. */
  stop: AbortSignal;
  /** A job running longer than this fails and its worker is replaced (default DEFAULT_ACCOUNT_TIMEOUT_MS). */
  timeoutMs?: number;
}

function crashResult(source: string, error: unknown): RenderTaskResult {
  const message = error instanceof Error ? error.message : String(error);
  const text = `${source} — the worker rendering it crashed (${message}); nothing was written for it`;
  return { ok: false, reason: { message: text, oneLine: text } };
}

function timeoutResult(source: string, timeoutMs: number): RenderTaskResult {
  const limit = formatSeconds(timeoutMs);
  const text = `${source} — took longer than ${limit} to render and was stopped (very long texts or very many goals can cause this; --account-timeout changes the limit)`;
  return { ok: false, reason: { message: text, oneLine: text } };
}

function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`;
}

/**
 * One job on the pool, stopped after `timeoutMs` of rendering: piscina terminates the worker
 * running an aborted task (even one stuck in a loop that never yields) and starts a new one in
 * its place. The clock starts when the worker says it has begun, so a worker's own start-up
 * (loading the renderers and fonts: seconds on a busy machine) never counts against an account.
 */
async function runWithTimeout(
  pool: RenderPool,
  task: RenderTask,
  timeoutMs: number,
): Promise<RenderTaskResult> {
  const timeout = new AbortController();
  const channel = new MessageChannel();
  let timer: NodeJS.Timeout | undefined;
  channel.port1.once("message", () => {
    timer = setTimeout(() => timeout.abort(), timeoutMs);
  });
  try {
    return await pool.run(
      { ...task, started: channel.port2 },
      { signal: timeout.signal, transferList: [channel.port2] },
    );
  } catch (error) {
    return timeout.signal.aborted ? timeoutResult(task.source, timeoutMs) : crashResult(task.source, error);
  } finally {
    clearTimeout(timer);
    channel.port1.close();
  }
}

export type RenderPool = Piscina<RenderTask, RenderTaskResult>;

/**
 * Starts the worker threads. They load the renderers and parse the fonts as they start, so a
 * pool started before the batch is planned is ready when the first account is. (piscina is
 * loaded here, not with this module: a one-account run never starts a pool.)
 */
export async function startPool(
  threads: number,
  formats: readonly OutputFormat[] = OUTPUT_FORMATS,
): Promise<RenderPool> {
  const { Piscina } = await import("piscina");
  return new Piscina<RenderTask, RenderTaskResult>({
    filename: workerUrl(),
    // What the workers warm up at start (see worker.ts); any other renderer still loads on demand.
    workerData: { formats: [...formats] } satisfies WorkerSetup,
    minThreads: threads,
    maxThreads: threads,
    // A deck needs a few tens of MB; without a cap V8 lets each worker's heap drift upwards over
    // a long batch (measured: +100 MB per worker between 100 and 1,000 accounts). With it, the
    // garbage collector keeps peak memory flat; an account that truly needs more fails alone.
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
  });
}

/** Runs the jobs on `pool` (or on a pool of its own), then destroys the pool. */
export async function renderInPool<Job>(options: PoolRunOptions<Job>, started?: RenderPool): Promise<void> {
  const { jobs, stop } = options;
  const threads = started?.options.maxThreads ?? Math.max(1, Math.min(options.concurrency, jobs.size));
  const pool = started ?? (await startPool(threads));
  try {
    await new Promise<void>((resolve) => {
      let running = 0;
      const launch = (): void => {
        while (running < threads && !stop.aborted) {
          const job = jobs.take();
          if (job === undefined) break;
          const task = options.task(job);
          running++;
          runWithTimeout(pool, task, options.timeoutMs ?? DEFAULT_ACCOUNT_TIMEOUT_MS)
            .then((result) => options.onResult(job, result))
            .finally(() => {
              running--;
              launch();
            });
        }
        if (running === 0 && (jobs.drained || stop.aborted)) resolve();
      };
      jobs.onChange(launch);
      stop.addEventListener("abort", () => running === 0 && resolve(), { once: true });
      launch();
    });
  } finally {
    await pool.destroy();
  }
}
