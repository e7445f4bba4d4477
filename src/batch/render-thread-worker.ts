import { parentPort, workerData } from "node:worker_threads";
import type { Deck } from "../deck/deck-model.js";
import { loadRenderer, type OutputFormat, type RenderOptions } from "../render/renderer.js";

/**
 * The second thread of a one-account run (render-thread.ts): it loads the renderers it is given
 * and the fonts as soon as it starts — while the main thread is still reading, analysing and
 * building the decks — then renders each deck it is sent and sends the bytes back. It writes
 * nothing: the main thread writes every file, so a one-account run writes its files as before.
 */

export interface RenderThreadSetup {
  formats: OutputFormat[];
}

export interface RenderThreadRequest {
  id: number;
  deck: Deck;
  format: OutputFormat;
  options: RenderOptions;
}

export type RenderThreadReply =
  { id: number; ok: true; bytes: Uint8Array; warnings: string[] } | { id: number; ok: false };

const port = parentPort;
if (!port) throw new Error("render-thread-worker.ts runs as a worker thread");
const setup = workerData as RenderThreadSetup;

// Warm-up first: the request that comes in meanwhile waits in the port's queue.
const renderers = new Map(
  await Promise.all(setup.formats.map(async (format) => [format, await loadRenderer(format)] as const)),
);
for (const renderer of renderers.values()) await renderer.warmUp?.();

/**
 * TEST-ONLY hook: with QBR_TEST_RENDER_THREAD_CRASH=1 the thread exits on its first deck, as a
 * native crash would. test/render-thread.test.ts proves the run still writes every deck, rendered
 * in the main thread instead. Not a user feature.
 */
function crashForTests(): void {
  if (process.env.QBR_TEST_RENDER_THREAD_CRASH === "1") process.exit(70);
}

port.on("message", (request: RenderThreadRequest) => {
  crashForTests();
  void render(request).then((reply) =>
    port.postMessage(reply, reply.ok ? [reply.bytes.buffer as ArrayBuffer] : []),
  );
});

async function render({ id, deck, format, options }: RenderThreadRequest): Promise<RenderThreadReply> {
  try {
    const renderer = renderers.get(format) ?? (await loadRenderer(format));
    const { bytes, warnings } = await renderer.render(deck, options);
    // A view on a pooled or shared buffer cannot be transferred whole: copy it into its own.
    const own =
      bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
    return { id, ok: true, bytes: own, warnings };
  } catch {
    // The main thread renders this deck again itself, so its error keeps its class and message.
    return { id, ok: false };
  }
}
