// Runs a bench script in its own process and measures it: wall time and the process's peak RSS
// (via bench/rss-hook.mjs, which includes every worker thread).
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { spawn, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const OUT = path.join(ROOT, "bench/out");

/**
 * A measured node process: its argv (bench/rss-hook.mjs loaded first) and its environment, which
 * tells the hook where to write the process's CPU time and peak RSS.
 */
function measuredProcess(script, args, rssFile) {
  rmSync(rssFile, { force: true });
  return {
    argv: ["--import", path.join(ROOT, "bench/rss-hook.mjs"), script, ...args],
    env: { ...process.env, QBR_BENCH_RSS_FILE: rssFile },
  };
}

/** Runs a node script, returning wall time, CPU time and the process's peak RSS (via bench/rss-hook.mjs). */
export function timed(script, args, label) {
  mkdirSync(OUT, { recursive: true });
  const rssFile = path.join(OUT, `rss-${process.pid}.json`);
  const { argv, env } = measuredProcess(script, args, rssFile);
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, argv, { env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) {
    throw new Error(`${label} failed (exit ${result.status}):\n${result.stderr.slice(-2000)}`);
  }
  const { maxRssKb, cpuMicros } = JSON.parse(readFileSync(rssFile, "utf8"));
  return { seconds, cpuSeconds: cpuMicros / 1e6, peakRssMb: maxRssKb / 1024 };
}

/**
 * Runs several node scripts side by side (each its own process) and measures them together: wall
 * time until the last one ends, their CPU times summed and their peak RSS summed. Shows what the
 * machine's cores give when nothing is shared between the processes.
 */
export async function timedTogether(runs, label) {
  mkdirSync(OUT, { recursive: true });
  const started = process.hrtime.bigint();
  const results = await Promise.all(
    runs.map(({ script, args }, index) => {
      const rssFile = path.join(OUT, `rss-${process.pid}-${index}.json`);
      const { argv, env } = measuredProcess(script, args, rssFile);
      const child = spawn(process.execPath, argv, { env, stdio: ["ignore", "ignore", "pipe"] });
      let stderr = "";
      child.stderr.on("data", (chunk) => (stderr = (stderr + chunk).slice(-2000)));
      return new Promise((resolve, reject) =>
        child.on("close", (status) =>
          status === 0
            ? resolve(JSON.parse(readFileSync(rssFile, "utf8")))
            : reject(new Error(`${label} (process ${index + 1}) failed (exit ${status}):\n${stderr}`)),
        ),
      );
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const sum = (key) => results.reduce((total, result) => total + result[key], 0);
  return { seconds, cpuSeconds: sum("cpuMicros") / 1e6, peakRssMb: sum("maxRssKb") / 1024 };
}
