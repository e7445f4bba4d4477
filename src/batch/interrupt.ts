import { removePendingTemps } from "../io/atomic-write.js";

/**
 * Ctrl-C and `kill` (a job runner's stop) during a batch: the first signal asks the batch to
 * stop — no new account starts, the ones being rendered finish their atomic writes, the manifest
 * records what finished — and the exit code is 128 + the signal number (130 for SIGINT, 143 for
 * SIGTERM), as shells and job runners expect. A second signal quits at once, after writing the
 * manifest of what finished so far.
 */

const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;
export type StopSignal = keyof typeof SIGNAL_EXIT_CODES;

export function signalExitCode(signal: StopSignal): number {
  return SIGNAL_EXIT_CODES[signal];
}

export interface StopWatch {
  signal: AbortSignal;
  /** The first signal received, if any. */
  received(): StopSignal | undefined;
  dispose(): void;
}

/**
 * `onSecond` runs before the process quits on the second signal: it must be quick and
 * synchronous (the manifest of what finished is written there).
 */
export function watchForStop(onFirst: (signal: StopSignal) => void, onSecond?: () => void): StopWatch {
  const controller = new AbortController();
  let first: StopSignal | undefined;
  const handlers = new Map<StopSignal, () => void>();
  const dispose = () => {
    for (const [signal, handler] of handlers) process.removeListener(signal, handler);
  };
  for (const signal of Object.keys(SIGNAL_EXIT_CODES) as StopSignal[]) {
    const handler = () => {
      if (first) {
        // Second signal: the user insists. Restore the default action and let it end the process.
        dispose();
        try {
          onSecond?.();
        } finally {
          removePendingTemps();
          process.kill(process.pid, signal);
        }
        return;
      }
      first = signal;
      onFirst(signal);
      controller.abort();
    };
    handlers.set(signal, handler);
    process.on(signal, handler);
  }
  return { signal: controller.signal, received: () => first, dispose };
}
