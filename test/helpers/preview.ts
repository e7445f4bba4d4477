import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import os from "node:os";
import path from "node:path";
import type { Deck } from "../../src/deck/deck-model.js";
import { escapeHtml } from "../../src/preview/page.js";
import { runPreview } from "../../src/preview/run.js";
import type { PreviewSettings, RenderHtml } from "../../src/preview/build.js";
import { SAMPLES_DIR } from "./accounts.js";

/** A stand-in for the HTML renderer: the slides' text, enough to see an edit arrive. */
export const plainHtml: RenderHtml = async (deck: Deck) => ({
  bytes: new TextEncoder().encode(
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(deck.meta.title)}</title></head>` +
      `<body><pre>${escapeHtml(JSON.stringify({ theme: deck.theme, slides: deck.slides }, null, 1))}</pre></body></html>`,
  ),
  warnings: [],
});

export interface RunningPreview {
  url: string;
  port: number;
  dir: string;
  file: string;
  out: string[];
  err: string[];
  edit(change: (text: string) => string): void;
  stop(): Promise<void>;
}

/** `qbr preview` in this process on a temp copy of a sample account; stop() ends it and cleans up. */
export async function startPreview(
  sample = "northwind-logistics.yaml",
  settings: Partial<PreviewSettings> = {},
  render: RenderHtml = plainHtml,
): Promise<RunningPreview> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "qbr-preview-"));
  const file = path.join(dir, sample);
  copyFileSync(path.join(SAMPLES_DIR, sample), file);
  cpSync(path.join(SAMPLES_DIR, "logos"), path.join(dir, "logos"), { recursive: true });
  const out: string[] = [];
  const err: string[] = [];
  const controller = new AbortController();
  let listening: (url: string) => void = () => {};
  const url = new Promise<string>((resolve) => (listening = resolve));
  const running = runPreview(
    { source: file, audience: "internal", kind: "qbr", ...settings },
    {
      render,
      io: { out: (text) => out.push(text), err: (text) => err.push(text), isTty: false },
      stop: controller.signal,
      onListening: listening,
    },
  );
  const address = await Promise.race([url, running.then(() => "")]);
  if (!address) throw new Error(`the preview did not start: ${err.join("\n")}`);
  const port = Number(new URL(address).port);
  // The server listens before the first build; wait for that build's outcome.
  const events = subscribe(port);
  await events.next((state) => state.version > 0 || state.problems.length > 0, 60_000);
  events.close();
  return {
    url: address,
    port,
    dir,
    file,
    out,
    err,
    edit(change) {
      writeFileSync(file, change(readFileSync(file, "utf8")));
    },
    async stop() {
      controller.abort();
      await running;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** An HTTP request with headers fetch() would not let us set (Host, Origin). */
export function rawGet(
  port: number,
  pathName: string,
  headers: Record<string, string> = {},
  method = "GET",
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path: pathName, method, headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

export interface EventState {
  version: number;
  title: string;
  problems: string[];
  warnings: string[];
  wording: {
    frameTitle: string;
    problems: string;
    problemsNoDeck: string;
    warnings: string;
    stopped: string;
  };
}

/** Reads the server's `state` events; next(predicate) waits for the first matching one. */
export function subscribe(port: number): {
  next(predicate: (state: EventState) => boolean, timeoutMs?: number): Promise<EventState>;
  close(): void;
} {
  const states: EventState[] = [];
  const waiters: { predicate: (state: EventState) => boolean; resolve: (state: EventState) => void }[] = [];
  let buffer = "";
  const req = request({ host: "127.0.0.1", port, path: "/events" }, (res) => {
    res.setEncoding("utf8");
    res.on("data", (chunk: string) => {
      buffer += chunk;
      let end: number;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = block
          .split("\n")
          .filter((line) => line.startsWith("data: "))
          .map((line) => line.slice(6))
          .join("\n");
        if (!block.includes("event: state") || !data) continue;
        const state = JSON.parse(data) as EventState;
        states.push(state);
        for (const waiter of [...waiters]) {
          if (waiter.predicate(state)) {
            waiters.splice(waiters.indexOf(waiter), 1);
            waiter.resolve(state);
          }
        }
      }
    });
  });
  req.on("error", () => {});
  req.end();
  return {
    // Generous: under a loaded CI machine a rebuild can take seconds; a pass returns at once.
    next(predicate, timeoutMs = 20_000) {
      const seen = states.find(predicate);
      if (seen) {
        states.splice(0, states.indexOf(seen) + 1);
        return Promise.resolve(seen);
      }
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching event in ${timeoutMs} ms`)), timeoutMs);
        waiters.push({
          predicate,
          resolve: (state) => {
            clearTimeout(timer);
            states.length = 0;
            resolve(state);
          },
        });
      });
    },
    close: () => req.destroy(),
  };
}
