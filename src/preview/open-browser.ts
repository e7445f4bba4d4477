import { spawn } from "node:child_process";
import type { Io } from "../io/terminal.js";

/**
 * `--open`: the system's own "open this URL" command per platform. The URL is one argument
 * (never parsed by a shell) and always ours (http://127.0.0.1:PORT/).
 */
const OPENERS: Partial<Record<NodeJS.Platform, (url: string) => [string, string[]]>> = {
  darwin: (url) => ["open", [url]],
  // `start` is a cmd built-in; its first quoted argument is the window title.
  win32: (url) => ["cmd", ["/c", "start", '""', url]],
};
const DEFAULT_OPENER = (url: string): [string, string[]] => ["xdg-open", [url]];

export function openInBrowser(url: string, io: Io, platform: NodeJS.Platform = process.platform): void {
  const [command, args] = (OPENERS[platform] ?? DEFAULT_OPENER)(url);
  const warn = () => io.err(`qbr: could not open a browser (${command}); open ${url} yourself`);
  try {
    const child = spawn(command, args, { stdio: "ignore", detached: true, windowsHide: true });
    child.on("error", warn);
    child.unref();
  } catch {
    warn();
  }
}
