import { spawn, type ChildProcess } from "node:child_process";
import {
  chmodSync,
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createServer, request } from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SAMPLES_DIR } from "./helpers/accounts.js";
import { CLI, qbr } from "./helpers/cli.js";

/** The built `qbr preview` as a process: it starts, serves, and Ctrl-C ends it with exit 0. */

let dir: string;
let file: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "qbr-preview-cli-"));
  file = path.join(dir, "northwind-logistics.yaml");
  copyFileSync(path.join(SAMPLES_DIR, "northwind-logistics.yaml"), file);
  cpSync(path.join(SAMPLES_DIR, "logos"), path.join(dir, "logos"), { recursive: true });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Started {
  child: ChildProcess;
  url: string;
  stdout: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

async function startCli(args: string[], env: Record<string, string> = {}): Promise<Started> {
  const child = spawn(process.execPath, [CLI, "preview", file, ...args], {
    env: { ...process.env, NO_COLOR: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal })),
  );
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no address in 30 s: ${stdout}${stderr}`)), 30_000);
    child.stdout?.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    void exited.then(() => reject(new Error(`exited before listening: ${stdout}${stderr}`)));
  });
  return { child, url, stdout: () => stdout, exited };
}

/**
 * Opens the event stream (a connection the server must end) and resolves once its first event
 * arrived, or with `afterBuild` once the first deck is built.
 */
function openEventStream(url: string, afterBuild: boolean): Promise<{ ended: Promise<void> }> {
  return new Promise((resolve, reject) => {
    const req = request(new URL("/events", url), (res) => {
      const ended = new Promise<void>((done) => res.on("close", () => done()));
      let text = "";
      res.on("data", (chunk: Buffer) => {
        text += chunk.toString();
        if (!afterBuild || text.includes('"version":1')) resolve({ ended });
      });
    });
    req.on("error", reject);
    req.end();
  });
}

async function portIsClosed(url: string): Promise<boolean> {
  try {
    await fetch(url);
    return false;
  } catch {
    return true;
  }
}

describe("qbr preview (the built CLI)", () => {
  const cases = [
    ["SIGINT", "during the first build"],
    ["SIGTERM", "after the first build"],
  ] as const;
  for (const [signal, when] of cases) {
    it(`stops cleanly on ${signal} ${when}: event streams ended, port closed, exit 0`, async () => {
      const started = await startCli([]);
      expect((await fetch(started.url)).status).toBe(200);
      const stream = await openEventStream(started.url, when === "after the first build");
      const stopping = Date.now();
      started.child.kill(signal);
      // The server closes at once (the stream ends); the process ends when a build under way is done.
      await stream.ended;
      expect(await portIsClosed(started.url)).toBe(true);
      const exit = await started.exited;
      expect(exit).toEqual({ code: 0, signal: null });
      expect(Date.now() - stopping).toBeLessThan(20_000);
      expect(started.stdout()).toContain("Preview stopped.");
      expect(await portIsClosed(started.url)).toBe(true);
    });
  }

  it("listens on the --port asked for, and refuses one in use (exit 2)", async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const address = blocker.address();
    const taken = typeof address === "object" && address ? address.port : 0;
    try {
      const result = qbr(["preview", file, "--port", String(taken)]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`qbr: --port ${taken}: the port is in use`);
    } finally {
      blocker.close();
    }
    const started = await startCli(["--port", String(taken)]);
    expect(started.url).toBe(`http://127.0.0.1:${taken}/`);
    started.child.kill("SIGINT");
    expect((await started.exited).code).toBe(0);
  });

  it.skipIf(process.platform !== "linux")(
    "opens nothing by itself; --open hands the address to xdg-open",
    async () => {
      const bin = path.join(dir, "bin");
      const opened = path.join(dir, "opened.txt");
      mkdirSync(bin, { recursive: true });
      writeFileSync(path.join(bin, "xdg-open"), `#!/bin/sh\necho "$@" > "${opened}"\n`);
      chmodSync(path.join(bin, "xdg-open"), 0o755);
      const env = { PATH: `${bin}${path.delimiter}${process.env.PATH ?? ""}` };
      const quiet = await startCli([], env);
      quiet.child.kill("SIGINT");
      await quiet.exited;
      expect(existsSync(opened)).toBe(false);
      const started = await startCli(["--open"], env);
      await expect.poll(() => existsSync(opened), { timeout: 5000 }).toBe(true);
      expect(readFileSync(opened, "utf8").trim()).toBe(started.url);
      started.child.kill("SIGINT");
      expect((await started.exited).code).toBe(0);
    },
  );

  it("refuses what it cannot preview with exit 2, before listening", () => {
    const cases: [string[], string][] = [
      [["--audience", "internal,customer"], "--audience internal,customer: the preview shows one deck"],
      [["--kind", "quarterly"], "--kind quarterly: expected qbr or renewal"],
      [["--as-of", "2025-13-01"], "--as-of 2025-13-01: expected a date"],
      [["--port", "70000"], "--port 70000: expected a port number"],
    ];
    for (const [args, message] of cases) {
      const result = qbr(["preview", file, ...args]);
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stderr).toContain(message);
    }
    const missing = qbr(["preview", path.join(dir, "nothing-here.yaml")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("nothing-here.yaml — file not found");
  });
});
