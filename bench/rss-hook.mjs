// Preloaded with `node --import` by bench/batch.mjs: when the process ends, write its peak
// resident memory (which includes every worker thread: they share the process) to a file.
import { writeFileSync } from "node:fs";
import { isMainThread } from "node:worker_threads";

const target = process.env.QBR_BENCH_RSS_FILE;
if (target && isMainThread) {
  process.on("exit", () => {
    writeFileSync(target, JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS }));
  });
}
