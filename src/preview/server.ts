import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { UsageError } from "../errors.js";
import { DECK_CSP, noDeckPage, PAGE_CSP, pageState, previewPage } from "./page.js";
import type { PreviewSession } from "./session.js";

/**
 * The preview's web server: Node's http, bound to 127.0.0.1 only, serving three fixed paths —
 * the page (`/`), the deck (`/deck`) and the event stream (`/events`) — and nothing else: no
 * files, so no directory listing and no path to traverse. Requests must name the server by
 * 127.0.0.1 or localhost (a web page whose domain was re-pointed at 127.0.0.1 — DNS rebinding —
 * sends its own name and is refused), and no CORS header lets another origin read an answer.
 */

export const HOST = "127.0.0.1";

export interface PreviewServer {
  /** http://127.0.0.1:PORT/ */
  url: string;
  port: number;
  /** Ends the event streams and open connections, then stops listening. */
  close(): Promise<void>;
}

export interface ServerOptions {
  /** What to serve, the page's wording included (it changes when preview.yaml is saved). */
  session: PreviewSession;
  /** 0 (the default): any free port. */
  port?: number;
}

/** Browsers retry a lost event stream after this long (told in the stream's first line). */
const RETRY_MS = 1000;
/** A comment line this often, so that no proxy or browser drops an idle stream. */
const KEEP_ALIVE_MS = 15_000;

const COMMON_HEADERS = {
  "Cache-Control": "no-store",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "Cross-Origin-Resource-Policy": "same-origin",
};

function isAllowedHost(host: string | undefined, port: number): boolean {
  if (!host) return false;
  return [`${HOST}:${port}`, `localhost:${port}`].includes(host.toLowerCase());
}

/** A request from a page of another origin (only when the browser says so; curl sends none). */
function isForeignOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return false;
  return ![`http://${HOST}:${port}`, `http://localhost:${port}`].includes(origin.toLowerCase());
}

function send(response: ServerResponse, status: number, type: string, body: string | Uint8Array, extra = {}) {
  response.writeHead(status, { ...COMMON_HEADERS, "Content-Type": type, ...extra });
  response.end(response.req.method === "HEAD" ? undefined : body);
}

const sendText = (response: ServerResponse, status: number, text: string, extra = {}) =>
  send(response, status, "text/plain; charset=utf-8", `${text}\n`, extra);

function listeningPort(address: AddressInfo | string | null): number {
  if (address === null || typeof address === "string")
    throw new Error("the preview server is not listening on a port");
  return address.port;
}

export async function startPreviewServer(options: ServerOptions): Promise<PreviewServer> {
  const { session } = options;
  const streams = new Set<ServerResponse>();
  let port = 0;

  const stateEvent = () => `event: state\ndata: ${JSON.stringify(pageState(session.state))}\n\n`;
  const unsubscribe = session.subscribe(() => {
    const event = stateEvent();
    for (const stream of streams) stream.write(event);
  });

  function openStream(request: IncomingMessage, response: ServerResponse): void {
    response.writeHead(200, {
      ...COMMON_HEADERS,
      "Content-Type": "text/event-stream; charset=utf-8",
      Connection: "keep-alive",
    });
    response.write(`retry: ${RETRY_MS}\n\n${stateEvent()}`);
    streams.add(response);
    request.on("close", () => streams.delete(response));
  }

  function handle(request: IncomingMessage, response: ServerResponse): void {
    if (!isAllowedHost(request.headers.host, port) || isForeignOrigin(request.headers.origin, port)) {
      sendText(response, 403, "Forbidden: use http://127.0.0.1 or http://localhost");
      return;
    }
    if (request.method !== "GET" && request.method !== "HEAD") {
      sendText(response, 405, "Method not allowed", { Allow: "GET, HEAD" });
      return;
    }
    const { pathname } = new URL(request.url ?? "/", `http://${HOST}`);
    const html = "text/html; charset=utf-8";
    if (pathname === "/") {
      send(response, 200, html, previewPage(session.state), {
        "Content-Security-Policy": PAGE_CSP,
        "X-Frame-Options": "DENY",
      });
    } else if (pathname === "/deck") {
      send(response, 200, html, session.state.html ?? noDeckPage(session.state), {
        "Content-Security-Policy": DECK_CSP,
        "X-Frame-Options": "SAMEORIGIN",
      });
    } else if (pathname === "/events" && request.method === "GET") {
      openStream(request, response);
    } else {
      sendText(response, 404, "Not found");
    }
  }

  const server = createServer(handle);
  // Without this, one open keep-alive connection would hold close() until its timeout.
  server.keepAliveTimeout = 2000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "EADDRINUSE" || error.code === "EACCES"
          ? new UsageError(
              `--port ${options.port}: ${error.code === "EADDRINUSE" ? "the port is in use" : "not allowed to listen on it"}; leave --port out for a free one`,
            )
          : error,
      ),
    );
    server.listen(options.port ?? 0, HOST, () => resolve());
  });
  port = listeningPort(server.address());

  const keepAlive = setInterval(() => {
    for (const stream of streams) stream.write(": keep-alive\n\n");
  }, KEEP_ALIVE_MS);
  keepAlive.unref();

  return {
    url: `http://${HOST}:${port}/`,
    port,
    async close() {
      clearInterval(keepAlive);
      unsubscribe();
      for (const stream of streams) stream.end();
      streams.clear();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
