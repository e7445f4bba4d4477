// Preloaded with `node --import` by bench/batch.mjs: when the process ends, write its peak
// resident memory (which includes every worker thread: they share the process) and its CPU time
// (user + system, all threads: a figure a shared, loaded machine disturbs less than wall time) to a file.
import { writeFileSync } from "node:fs";
import { isMainThread } from "node:worker_threads";

const target = process.env.QBR_BENCH_RSS_FILE;
if (target && isMainThread) {
  process.on("exit", () => {
    const usage = process.resourceUsage();
    const cpuMicros = usage.userCPUTime + usage.systemCPUTime;
    writeFileSync(target, JSON.stringify({ maxRssKb: usage.maxRSS, cpuMicros }));
  });
}
