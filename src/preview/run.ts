import { performance } from "node:perf_hooks";
import { InvalidInputError } from "../errors.js";
import type { Io } from "../io/terminal.js";
import { readInputFile } from "../io/resources.js";
import { buildPreview, namedInputs, type PreviewSettings, type RenderHtml } from "./build.js";
import { openInBrowser } from "./open-browser.js";
import { startPreviewServer } from "./server.js";
import { PreviewSession, type PreviewState } from "./session.js";
import { watchInputs } from "./watch.js";
import { loadPreviewWording, type PreviewWording } from "./wording.js";

/**
 * `qbr preview`: build the deck, serve it, rebuild on every save until `stop` is aborted, then
 * close everything (watcher, event streams, server) so the process can end on its own.
 */

export interface PreviewRunOptions {
  /** 0 or undefined: a free port. */
  port?: number;
  /** Open the page in the default browser. */
  open?: boolean;
  render: RenderHtml;
  io: Io;
  /** Aborted to stop the preview (Ctrl-C). */
  stop: AbortSignal;
  /** Told the address once the server listens (tests use it). */
  onListening?: (url: string) => void;
}

/**
 * The page's wording until the first build: the --templates folder's, or the built-in one when
 * that preview.yaml is invalid (the first build then shows where, as for any other input).
 */
function startingWording(templatesDir: string | undefined): PreviewWording {
  try {
    return loadPreviewWording(templatesDir);
  } catch (error) {
    if (error instanceof InvalidInputError) return loadPreviewWording();
    throw error;
  }
}

function clock(): string {
  return new Date().toTimeString().slice(0, 8);
}

/** What the terminal shows after each build: the deck's update, or the problems the page shows. */
function reporter(io: Io, timing: { ms: number }) {
  let shownVersion = 0;
  let shownProblems = "";
  let shownWarnings = "";
  return (state: PreviewState) => {
    const warnings = state.warnings.join("\n");
    if (warnings !== shownWarnings && warnings) io.err(warnings);
    shownWarnings = warnings;
    if (state.problems.length > 0) {
      const problems = state.problems.join("\n");
      if (problems !== shownProblems) io.err(`${clock()} not updated:\n${problems}`);
      shownProblems = problems;
      return;
    }
    shownProblems = "";
    if (state.version !== shownVersion) io.out(`${clock()} deck updated (${Math.round(timing.ms)} ms)`);
    shownVersion = state.version;
  };
}

export async function runPreview(settings: PreviewSettings, options: PreviewRunOptions): Promise<void> {
  const { io, stop } = options;
  // A file that cannot be read at all (a typo in its name) is a usage mistake: say so and stop.
  readInputFile(settings.source);
  const timing = { ms: 0 };
  // Everything the settings name is watched before the first build: chokidar adds a path given
  // later asynchronously (with no signal when it is done), so a file saved right after the first
  // build — a new preview.yaml in --templates — could otherwise go unseen. Only what a build finds
  // inside the files (the account's logo) is added after it.
  const watcher = watchInputs(namedInputs(settings), () => void session.rebuild());
  const session = new PreviewSession(
    startingWording(settings.templatesDir),
    async () => {
      const started = performance.now();
      const build = await buildPreview(settings, options.render);
      timing.ms = performance.now() - started;
      return build;
    },
    (inputs) => watcher.set(inputs),
  );
  session.subscribe(reporter(io, timing));
  try {
    // Listening comes first, so the address (or a port in use) is known at once; the page shows
    // "building" until the first build (a few seconds cold: the renderer and its font load) is done.
    const [server] = await Promise.all([
      startPreviewServer({ session, port: options.port }),
      watcher.ready(),
    ]);
    try {
      io.out(`Preview of ${settings.source} at ${server.url}`);
      io.out(
        "Saving the file (or its theme, templates, rules or deck settings) updates the page; Ctrl-C stops.",
      );
      options.onListening?.(server.url);
      if (options.open) openInBrowser(server.url, io);
      void session.rebuild();
      if (!stop.aborted)
        await new Promise((resolve) => stop.addEventListener("abort", resolve, { once: true }));
    } finally {
      session.close();
      await server.close();
    }
  } finally {
    await watcher.close();
  }
  io.out("Preview stopped.");
}
