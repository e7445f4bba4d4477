// Runs a bench script in its own process and measures it: wall time and the process's peak RSS
// (via bench/rss-hook.mjs, which includes every worker thread).
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const OUT = path.join(ROOT, "bench/out");

/** Runs a node script, returning wall time, CPU time and the process's peak RSS (via bench/rss-hook.mjs). */
export function timed(script, args, label) {
  mkdirSync(OUT, { recursive: true });
  const rssFile = path.join(OUT, `rss-${process.pid}.json`);
  rmSync(rssFile, { force: true });
  const started = process.hrtime.bigint();
  const result = spawnSync(
    process.execPath,
    ["--import", path.join(ROOT, "bench/rss-hook.mjs"), script, ...args],
    {
      env: { ...process.env, QBR_BENCH_RSS_FILE: rssFile },
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) {
    throw new Error(`${label} failed (exit ${result.status}):\n${result.stderr.slice(-2000)}`);
  }
  const { maxRssKb, cpuMicros } = JSON.parse(readFileSync(rssFile, "utf8"));
  return { seconds, cpuSeconds: cpuMicros / 1e6, peakRssMb: maxRssKb / 1024 };
}
