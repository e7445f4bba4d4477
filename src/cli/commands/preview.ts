import { watchForStop } from "../../batch/interrupt.js";
import type { Audience, DeckKind } from "../../deck/deck-model.js";
import { DECK_KIND_NAMES } from "../../deck/kinds/index.js";
import { UsageError } from "../../errors.js";
import type { Io } from "../../io/terminal.js";
import type { PreviewSettings } from "../../preview/build.js";
import { parseDateOption, parseIntegerOption, parseList } from "../options.js";

export interface PreviewCliOptions {
  audience: string;
  kind: string;
  asOf?: string;
  compareTo?: string;
  appendix?: boolean;
  theme?: string;
  template?: string;
  templates?: string;
  rules?: string;
  deck?: string;
  allowOutsideAssets?: boolean;
  port?: string;
  open?: boolean;
}

/** One value of a list option: the preview shows one deck. */
function one<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  const [first, ...more] = parseList(name, value, allowed);
  if (!first || more.length > 0)
    throw new UsageError(`${name} ${value}: the preview shows one deck; name one`);
  return first;
}

export function previewSettings(file: string, options: PreviewCliOptions): PreviewSettings {
  return {
    source: file,
    audience: one<Audience>("--audience", options.audience, ["internal", "customer"]),
    kind: one<DeckKind>("--kind", options.kind, DECK_KIND_NAMES),
    asOf: parseDateOption("--as-of", options.asOf),
    compareTo: options.compareTo === "none" ? null : parseDateOption("--compare-to", options.compareTo),
    customerAppendix: options.appendix ?? false,
    themeFile: options.theme,
    templateFile: options.template,
    templatesDir: options.templates,
    rulesFile: options.rules,
    deckFile: options.deck,
    allowOutsideAssets: options.allowOutsideAssets ?? false,
  };
}

function parsePort(value: string | undefined): number {
  const port = parseIntegerOption("--port", value, 0) ?? 0;
  if (port > 65535) throw new UsageError(`--port ${value}: expected a port number from 0 to 65535`);
  return port;
}

/**
 * `qbr preview`: serves the account's HTML deck on 127.0.0.1 and updates it on every save until
 * Ctrl-C (SIGINT) or SIGTERM, which stop it cleanly with exit 0 — stopping is how it is meant to
 * end, not an interruption. A second signal quits at once.
 */
export async function previewCommand(file: string, options: PreviewCliOptions, io: Io): Promise<number> {
  const settings = previewSettings(file, options);
  const port = parsePort(options.port);
  const [{ runPreview }, { renderHtml }] = await Promise.all([
    import("../../preview/run.js"),
    import("../../preview/html.js"),
  ]);
  const stop = watchForStop(() => {});
  try {
    await runPreview(settings, {
      port,
      open: options.open ?? false,
      render: renderHtml,
      io,
      stop: stop.signal,
    });
  } finally {
    stop.dispose();
  }
  return 0;
}
