import { spawnSync } from "node:child_process";
import path from "node:path";
import { ROOT } from "./accounts.js";

export const CLI = path.join(ROOT, "dist/cli/main.js");

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI (npm test builds it first) as a user would. */
export function qbr(
  args: string[],
  options: { cwd?: string; env?: Record<string, string>; input?: string } = {},
): CliResult {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, NO_COLOR: "1", ...options.env },
    input: options.input,
    encoding: "utf8",
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Runs the CLI's entry (`run` of src/cli/main.ts) in this process, with stdout and stderr
 * captured: the same commands, messages and exit codes as `qbr()` without starting Node. For
 * the tests that check what a command prints or returns; keep `qbr()` where the process itself
 * matters (its exit status, signals, what it loads).
 */
export async function qbrIn(
  args: string[],
  options: { env?: Record<string, string> } = {},
): Promise<CliResult> {
  const { run } = await import("../../src/cli/main.js");
  let stdout = "";
  let stderr = "";
  const line = (text: string) => (text.endsWith("\n") ? text : `${text}\n`);
  const io = {
    out: (text: string) => void (stdout += line(text)),
    err: (text: string) => void (stderr += line(text)),
    isTty: false,
  };
  const saved = Object.entries(options.env ?? {}).map(([key]) => [key, process.env[key]] as const);
  Object.assign(process.env, options.env);
  try {
    return { code: await run(args, io), stdout, stderr };
  } finally {
    for (const [key, value] of saved) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}
