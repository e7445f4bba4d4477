import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { Deck } from "../deck/deck-model.js";
import { PACKAGE_ROOT } from "../package-root.js";
import type { BrandFonts } from "../render/brand-fonts.js";
import type { OutputFormat, RenderOptions, RenderResult } from "../render/renderer.js";
import type {
  RenderThreadFonts,
  RenderThreadReply,
  RenderThreadRequest,
  RenderThreadSetup,
} from "./render-thread-worker.js";

/**
 * A second thread for a one-account run. `qbr generate one.yaml -f pptx,pdf` is what a CSM waits
 * for the night before a QBR; rendered one after the other, the PDF (the larger half: shaping
 * every line with the font, subsetting it, deflating pages) waits for the PPTX. With this thread
 * the PDF renders beside it: the thread loads pdfkit and parses the fonts while the main thread
 * is still reading and analysing the account, and the wall time of the run is about the longer
 * of the two renders instead of their sum (docs/performance.md). With PDFs only (`-f pdf
 * --audience internal,customer`) the two threads share them (sendsToThread). A batch has its
 * worker pool instead (pool.ts): there every core already renders an account of its own.
 *
 * The thread only renders: files are written by the main thread, as in any one-account run. If
 * the thread fails or reports an error, the deck is rendered again in the main thread, so an
 * error reaches the user exactly as without the thread (its class, its message, exit code 2).
 */

/** The formats the thread renders: the PDF is the costly one (see above). */
const THREAD_FORMATS: readonly OutputFormat[] = ["pdf"];

export interface RenderThread {
  /** Whether the thread can render decks of this format (sendsToThread picks the ones it does). */
  handles(format: OutputFormat): boolean;
  /** The deck rendered on the thread, or null when the thread could not: render it here then. */
  render(deck: Deck, format: OutputFormat, options: RenderOptions): Promise<RenderResult | null>;
  close(): Promise<void>;
}

/**
 * A thread when it pays: the run has a deck of the thread's formats and something else to render
 * here at the same time — a deck of another format, or a second deck of the thread's (see
 * sendsToThread) — and the machine and --concurrency allow a second thread.
 */
export function wantsRenderThread(
  formats: readonly OutputFormat[],
  decksPerFormat: number,
  concurrency: number,
): boolean {
  const threaded = formats.filter((format) => THREAD_FORMATS.includes(format));
  if (threaded.length === 0 || concurrency < 2 || os.availableParallelism() < 2) return false;
  return formats.length > threaded.length || decksPerFormat > 1;
}

/**
 * Which of a run's renders (their formats, in order) are sent to the thread. Those of the thread's
 * formats, while this thread renders the others; when the run has no others (`-f pdf --audience
 * internal,customer`), every second one stays here, so that both threads render at once rather
 * than this one waiting for the thread to render them all.
 */
export function sendsToThread(formats: readonly OutputFormat[], thread: RenderThread): boolean[] {
  const handled = formats.map((format) => thread.handles(format));
  if (!handled.every(Boolean)) return handled;
  return handled.map((_, index) => index % 2 === 0);
}

/** The compiled worker (as pool.ts: also when this module runs from src/ under vitest). */
function workerUrl(): URL {
  return pathToFileURL(path.join(PACKAGE_ROOT, "dist/batch/render-thread-worker.js"));
}

/** A thread started before the run knew it needed one (prestartRenderThread), until claimed. */
let parked: { formats: string; thread: RenderThread } | undefined;

/** A prestarted thread the run never claimed (it failed before it got that far) is closed. */
export async function closeUnclaimedRenderThread(): Promise<void> {
  const early = parked;
  parked = undefined;
  await early?.thread.close();
}

/**
 * Starts the thread as early as possible — the CLI's process entry calls this (cli/prestart.ts) as
 * soon as it has parsed a one-file `generate` command line, before loading the modules of the
 * run — so that the thread's own start-up (a fresh V8 isolate, pdfkit, fontkit, the fonts: ~0.3 s)
 * overlaps the main thread's. The run takes it with claimRenderThread(), or closes it if it turns
 * out not to need it; when the run fails before that, the entry closes it
 * (closeUnclaimedRenderThread).
 */
export function prestartRenderThread(formats: readonly OutputFormat[]): void {
  parked ??= { formats: formats.join(","), thread: startRenderThread(formats) };
}

/** The prestarted thread if `wanted` (else it is closed), or a new one if none was started for these formats. */
export function claimRenderThread(
  formats: readonly OutputFormat[],
  wanted: boolean,
): RenderThread | undefined {
  const early = parked;
  parked = undefined;
  if (early && (!wanted || early.formats !== formats.join(","))) void early.thread.close();
  else if (early) return early.thread;
  return wanted ? startRenderThread(formats) : undefined;
}

export function startRenderThread(formats: readonly OutputFormat[]): RenderThread {
  const handled = formats.filter((format) => THREAD_FORMATS.includes(format));
  const worker = new Worker(workerUrl(), { workerData: { formats: handled } satisfies RenderThreadSetup });
  const waiting = new Map<number, (reply: RenderThreadReply | null) => void>();
  let nextId = 0;
  // Each set of brand fonts crosses once (RenderThreadFonts), by its id after that.
  const sentFonts = new WeakMap<BrandFonts, number>();
  let nextFontsId = 0;
  const fontsId = (fonts: BrandFonts): number => {
    let id = sentFonts.get(fonts);
    if (id === undefined) {
      id = nextFontsId++;
      sentFonts.set(fonts, id);
      worker.postMessage({ type: "brand-fonts", id, fonts } satisfies RenderThreadFonts);
    }
    return id;
  };
  let failed = false;
  const failAll = (): void => {
    failed = true;
    for (const resolve of waiting.values()) resolve(null);
    waiting.clear();
  };
  worker.on("message", (reply: RenderThreadReply) => {
    waiting.get(reply.id)?.(reply);
    waiting.delete(reply.id);
    if (waiting.size === 0) worker.unref();
  });
  worker.on("error", failAll);
  worker.on("exit", failAll);
  // The thread must never keep the process alive: a run that ends early (a usage error, say) exits
  // even while the thread is still warming up. After the listeners: adding a "message" listener
  // refs the worker's port again.
  worker.unref();
  return {
    handles: (format) => handled.includes(format),
    async render(deck, format, options) {
      if (failed) return null;
      const id = nextId++;
      const reply = await new Promise<RenderThreadReply | null>((resolve) => {
        waiting.set(id, resolve);
        // Held while a deck is on the thread: the run waits for it.
        worker.ref();
        // The company template is the PPTX's alone, and holds more than the thread needs.
        const { pptxTemplate: _pptxOnly, brandFonts, ...threadOptions } = options;
        try {
          worker.postMessage({
            type: "render",
            id,
            deck,
            format,
            options: threadOptions,
            ...(brandFonts ? { brandFonts: fontsId(brandFonts) } : {}),
          } satisfies RenderThreadRequest);
        } catch {
          // Not sent (what it holds cannot be copied to a thread): rendered here instead.
          waiting.delete(id);
          if (waiting.size === 0) worker.unref();
          resolve(null);
        }
      });
      if (!reply?.ok) return null;
      return { bytes: reply.bytes, warnings: reply.warnings };
    },
    async close() {
      worker.removeAllListeners("exit");
      await worker.terminate();
    },
  };
}
