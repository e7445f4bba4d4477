import path from "node:path";
import { watch, type FSWatcher } from "chokidar";

/**
 * Watches the files a preview build read and calls `onChange` once per burst of changes.
 *
 * chokidar rather than fs.watch: editors save by writing a temporary file and renaming it over
 * the old one (vim, JetBrains, many others), which gives the file a new inode and silently ends
 * an fs.watch on it; chokidar watches the folder, reports the rename as one change (`atomic`) and
 * keeps watching the new file. A folder (--templates) is watched with everything in it.
 */

export interface InputWatcher {
  /** Watches exactly these files and folders from now on. */
  set(files: readonly string[]): void;
  /** Waits until the watcher is ready (its first scan is done). */
  ready(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A save is often several events (truncate + write, or write + rename); the build starts when
 * no event came for this long. Short enough that a save shows within a second with the build.
 */
export const DEBOUNCE_MS = 80;

export function watchInputs(
  files: readonly string[],
  onChange: (file: string) => void,
  debounceMs = DEBOUNCE_MS,
): InputWatcher {
  let watched = new Set(files.map((file) => path.resolve(file)));
  const watcher: FSWatcher = watch([...watched], { ignoreInitial: true, atomic: true });
  let timer: NodeJS.Timeout | undefined;
  let last = "";
  let closed = false;
  watcher.on("all", (_event, file) => {
    last = file;
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (!closed) onChange(last);
    }, debounceMs);
  });
  // A file that cannot be watched (permissions, too many watches) must not end the preview.
  watcher.on("error", () => {});
  const ready = new Promise<void>((resolve) => watcher.once("ready", () => resolve()));
  return {
    set(next) {
      if (closed) return; // adding to a closed chokidar watcher would start watching again
      const wanted = new Set(next.map((file) => path.resolve(file)));
      const added = [...wanted].filter((file) => !watched.has(file));
      const removed = [...watched].filter((file) => !wanted.has(file));
      if (removed.length > 0) watcher.unwatch(removed);
      if (added.length > 0) watcher.add(added);
      watched = wanted;
    },
    ready: () => ready,
    async close() {
      closed = true;
      clearTimeout(timer);
      await watcher.close();
    },
  };
}
