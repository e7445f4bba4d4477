import cliProgress from "cli-progress";
import type { Io } from "../io/terminal.js";

/**
 * How far a batch is: a live bar on a terminal; plain lines in CI and cron logs (every 10% or
 * every 5 seconds, whichever comes first), which read well in a log and never redraw.
 */

export interface BatchProgress {
  /** One more account finished (written, filtered or failed). */
  tick(failed: boolean): void;
  /** A message that must not be drawn over by the bar (warnings). */
  log(line: string): void;
  /** The number of accounts to render, once planning knows it (it starts as an upper bound). */
  setTotal(total: number): void;
  stop(): void;
}

const PLAIN_INTERVAL_MS = 5_000;

export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m ${String(seconds % 60).padStart(2, "0")}s`;
  return `${Math.floor(minutes / 60)}h ${String(minutes % 60).padStart(2, "0")}m`;
}

function rateText(done: number, startedAt: number): string {
  const seconds = (Date.now() - startedAt) / 1000;
  return seconds > 0 ? (done / seconds).toFixed(1) : "0.0";
}

/** From the average rate so far: worker start-up makes the first accounts slow, the rest even. */
function etaText(done: number, total: number, startedAt: number): string {
  if (done === 0) return "…";
  return formatDuration(((total - done) * (Date.now() - startedAt)) / done);
}

function terminalProgress(initialTotal: number): BatchProgress {
  let total = initialTotal;
  const startedAt = Date.now();
  const bars = new cliProgress.MultiBar(
    {
      format: "{bar} {value}/{total} accounts | {rate}/s | ETA {etaText}{failedText}",
      stream: process.stderr,
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 50,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  const bar = bars.create(total, 0, { rate: "0.0", etaText: "…", failedText: "" });
  let done = 0;
  let failed = 0;
  return {
    tick(isFailure) {
      done++;
      if (isFailure) failed++;
      bar.update(done, {
        rate: rateText(done, startedAt),
        etaText: etaText(done, total, startedAt),
        failedText: failed > 0 ? ` | ${failed} failed` : "",
      });
    },
    log(line) {
      bars.log(line.endsWith("\n") ? line : `${line}\n`);
    },
    setTotal(next) {
      total = Math.max(next, done);
      bar.setTotal(total);
    },
    stop() {
      bars.stop();
    },
  };
}

function plainProgress(initialTotal: number, io: Io): BatchProgress {
  let total = initialTotal;
  const startedAt = Date.now();
  let lastPrinted = startedAt;
  let lastDecile = 0;
  let done = 0;
  let failed = 0;
  return {
    tick(isFailure) {
      done++;
      if (isFailure) failed++;
      const decile = Math.floor((done * 10) / total);
      const now = Date.now();
      if (done < total && decile === lastDecile && now - lastPrinted < PLAIN_INTERVAL_MS) return;
      lastDecile = decile;
      lastPrinted = now;
      io.err(
        `qbr: ${done}/${total} accounts (${Math.floor((done * 100) / total)}%), ` +
          `${rateText(done, startedAt)}/s, ETA ${etaText(done, total, startedAt)}${failed > 0 ? `, ${failed} failed` : ""}`,
      );
    },
    log(line) {
      io.err(line);
    },
    setTotal(next) {
      total = Math.max(next, done, 1);
    },
    stop() {},
  };
}

/** No output at all for a single account: its file list is the whole story. */
const silentProgress = (io: Io): BatchProgress => ({
  tick() {},
  log: (line) => io.err(line),
  setTotal() {},
  stop() {},
});

export function createProgress(total: number, io: Io): BatchProgress {
  if (total <= 1) return silentProgress(io);
  return io.isTty ? terminalProgress(total) : plainProgress(total, io);
}
