import { parentPort, workerData } from "node:worker_threads";
import type { Deck } from "../deck/deck-model.js";
import type { BrandFonts } from "../render/brand-fonts.js";
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

/**
 * A theme's brand fonts, sent once before the first deck that uses them. Kept here as one object
 * for every deck after, as in the main thread: the parsed faces (render/brand-fonts.ts) and the
 * subset memo (render/pdf/font-subset.ts) are cached by the fonts' identity, and a font is up to
 * 25 MB to copy.
 */
export interface RenderThreadFonts {
  type: "brand-fonts";
  id: number;
  fonts: BrandFonts;
}

export interface RenderThreadRequest {
  type: "render";
  id: number;
  deck: Deck;
  format: OutputFormat;
  /** Without brandFonts: those are named by `brandFonts`, the id of a RenderThreadFonts message. */
  options: Omit<RenderOptions, "brandFonts" | "pptxTemplate">;
  brandFonts?: number;
}

export type RenderThreadMessage = RenderThreadFonts | RenderThreadRequest;

export type RenderThreadReply =
  { id: number; ok: true; bytes: Uint8Array<ArrayBuffer>; warnings: string[] } | { id: number; ok: false };

const port = parentPort;
if (!port) throw new Error("render-thread-worker.ts runs as a worker thread");
const setup = workerData as RenderThreadSetup;

// Warm-up first: the request that comes in meanwhile waits in the port's queue.
const renderers = new Map(
  await Promise.all(setup.formats.map(async (format) => [format, await loadRenderer(format)] as const)),
);
for (const renderer of renderers.values()) await renderer.warmUp?.();

const brandFonts = new Map<number, BrandFonts>();

/**
 * TEST-ONLY hook: with QBR_TEST_RENDER_THREAD_CRASH=1 the thread exits on its first deck, as a
 * native crash would. test/render-thread.test.ts proves the run still writes every deck, rendered
 * in the main thread instead. Not a user feature.
 */
function crashForTests(): void {
  if (process.env.QBR_TEST_RENDER_THREAD_CRASH === "1") process.exit(70);
}

port.on("message", (message: RenderThreadMessage) => {
  if (message.type === "brand-fonts") {
    brandFonts.set(message.id, message.fonts);
    return;
  }
  crashForTests();
  void render(message)
    .then((reply) => port.postMessage(reply, reply.ok ? [reply.bytes.buffer] : []))
    // Whatever went wrong sending the bytes, the main thread renders this deck itself.
    .catch(() => port.postMessage({ id: message.id, ok: false } satisfies RenderThreadReply));
});

async function render(request: RenderThreadRequest): Promise<RenderThreadReply> {
  const { id, deck, format } = request;
  try {
    const fonts = request.brandFonts === undefined ? undefined : brandFonts.get(request.brandFonts);
    if (request.brandFonts !== undefined && !fonts) return { id, ok: false };
    const options: RenderOptions = { ...request.options, ...(fonts ? { brandFonts: fonts } : {}) };
    const renderer = renderers.get(format) ?? (await loadRenderer(format));
    const { bytes, warnings } = await renderer.render(deck, options);
    // Its own buffer, to be transferred: a Buffer's can be Node's shared pool (results < 4 KiB),
    // or hold more than these bytes.
    return { id, ok: true, bytes: new Uint8Array(bytes), warnings };
  } catch {
    // The main thread renders this deck again itself, so its error keeps its class and message.
    return { id, ok: false };
  }
}
