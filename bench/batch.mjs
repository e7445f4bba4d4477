// Batch benchmark (issue 4): for N synthetic accounts and each format, time
//   (a) `qbr generate --concurrency W` through the real CLI (worker threads),
//   (b) the same run again with nothing changed (incremental: every account skipped),
//   (c) the raw baselines, sequentially in one process, straight with pptxgenjs / pdfkit:
//       "same content" — decks with exactly our decks' pages, texts, tables and charts (their
//       content is dumped first, untimed, by deck-content.mjs); for PPTX also "same content,
//       deflated" — the same with pptxgenjs's `compression: true`, as our PPTX zips are deflated —
//       and "minimal" — 16 short slides per account drawn from the account file (the baseline of
//       earlier releases);
// and report decks/s, ms/account and peak RSS (the whole process, worker threads included).
//
//   node bench/batch.mjs [--sizes 100,500,1000] [--formats pptx,pdf,pptx+pdf] [--workers 2 | 1,2] [--no-raw]
// (pptx+pdf: both formats in one run, against the raw script writing both, one after the other;
// --raw "same content" runs only that baseline; --raw "two processes" runs the same-content script
// as two processes side by side, each on half the accounts: what two cores give this machine
// when nothing is shared, the ceiling for "two workers at equal efficiency")
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { dumpDeckContent } from "./deck-content.mjs";
import { generateAccounts } from "./generate-accounts.mjs";
import { timed, timedTogether } from "./timed.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const CLI = path.join(ROOT, "dist/cli/main.js");
const OUT = path.join(ROOT, "bench/out");

function option(args, name, fallback) {
  const index = args.indexOf(name);
  return index >= 0 && args[index + 1] !== undefined ? args[index + 1] : fallback;
}

/** "pptx+pdf": both formats in one run (`qbr generate -f pptx,pdf`; the raw script writes both in turn). */
function formatList(format) {
  return format.split("+").join(",");
}

function decksPer(format) {
  return format.split("+").length;
}

function row(n, format, mode, { seconds, cpuSeconds, peakRssMb }, decks) {
  return {
    N: n,
    format,
    mode,
    "time (s)": seconds.toFixed(1),
    // All threads' CPU: on a machine other work loads, the figure that still compares efficiency.
    "CPU (s)": cpuSeconds.toFixed(1),
    "decks/s": decks > 0 ? (decks / seconds).toFixed(2) : "—",
    "ms/account": ((seconds * 1000) / n).toFixed(0),
    "peak RSS (MB)": peakRssMb.toFixed(0),
  };
}

/** Copies a content folder's accounts into two folders of half each (for two raw processes). */
function splitInHalves(content) {
  const names = readdirSync(content).sort();
  return [0, 1].map((index) => {
    const half = `${content}-half-${index}`;
    rmSync(half, { recursive: true, force: true });
    mkdirSync(half, { recursive: true });
    for (const name of names.filter((_, position) => position % 2 === index)) {
      copyFileSync(path.join(content, name), path.join(half, name));
    }
    return half;
  });
}

export async function run(args = []) {
  if (!existsSync(CLI)) throw new Error("dist/ is missing: run `npm run build` first");
  const sizes = option(args, "--sizes", "100,500,1000").split(",").map(Number);
  const formats = option(args, "--formats", "pptx,pdf").split(",");
  const workerCounts = option(args, "--workers", "2").split(",");
  const withRaw = !args.includes("--no-raw");
  // --raw "same content" keeps only that baseline (the slowest bench to run); default: all three.
  const rawModes = option(args, "--raw", "same content,two processes,deflated,minimal decks").split(",");
  const rows = [];
  console.log(
    `Batch bench: sizes ${sizes.join(", ")}; formats ${formats.join(", ")}; ${workerCounts.join(" and ")} workers; ` +
      `${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? "unknown"}), load ${os.loadavg()[0].toFixed(1)}; node ${process.version}`,
  );
  for (const n of sizes) {
    const accounts = path.join(OUT, `accounts-${n}`);
    generateAccounts({ count: n, dir: accounts, seed: 42 });
    for (const format of formats) {
      let batch;
      for (const workers of workerCounts) {
        const out = path.join(OUT, `batch-${n}-${format}`);
        rmSync(out, { recursive: true, force: true });
        const cli = ["generate", accounts, "-o", out, "-f", formatList(format), "--concurrency", workers];
        batch = timed(CLI, cli, `batch N=${n} ${format}`);
        rows.push(
          row(n, format, `qbr, ${workers} worker${workers === "1" ? "" : "s"}`, batch, decksPer(format) * n),
        );
        console.log(rows.at(-1));
        const rerun = timed(CLI, cli, `re-run N=${n} ${format}`);
        rows.push(row(n, format, "qbr re-run, unchanged", rerun, 0));
        console.log(rows.at(-1));
      }
      if (withRaw) {
        const content = path.join(OUT, `content-${n}`);
        rmSync(content, { recursive: true, force: true });
        await dumpDeckContent(accounts, content);
        const baselines = [
          ["raw sequential, same content", ["--content", content]],
          // pptxgenjs's own `compression: true`: the zip deflated, as every qbr-deck PPTX is.
          ...(format.includes("pptx")
            ? [["raw sequential, same content, deflated", ["--content", "--compress", content]]]
            : []),
          ["raw sequential, minimal decks", [accounts]],
        ];
        if (rawModes.includes("two processes")) {
          const halves = splitInHalves(content);
          const raw = await timedTogether(
            halves.map((half, index) => ({
              script: path.join(ROOT, "bench/raw-baseline.mjs"),
              args: [
                "--content",
                half,
                path.join(OUT, `raw-${n}-${format}-half-${index}`),
                formatList(format),
              ],
            })),
            `raw, two processes N=${n} ${format}`,
          );
          const mode = "raw, same content, two processes side by side";
          rows.push(row(n, format, mode, raw, decksPer(format) * n));
          console.log(rows.at(-1));
          console.log(
            `  batch / ${mode}: ${(batch.seconds / raw.seconds).toFixed(2)}× time, ` +
              `${(batch.cpuSeconds / raw.cpuSeconds).toFixed(2)}× CPU`,
          );
        }
        for (const [mode, args] of baselines.filter(([label]) => rawModes.some((m) => label.endsWith(m)))) {
          const rawOut = path.join(OUT, `raw-${n}-${format}`);
          rmSync(rawOut, { recursive: true, force: true });
          const raw = timed(
            path.join(ROOT, "bench/raw-baseline.mjs"),
            [...args, rawOut, formatList(format)],
            `${mode} N=${n} ${format}`,
          );
          rows.push(row(n, format, mode, raw, decksPer(format) * n));
          console.log(rows.at(-1));
          console.log(
            `  batch / ${mode}: ${(batch.seconds / raw.seconds).toFixed(2)}× time, ` +
              `${(batch.cpuSeconds / raw.cpuSeconds).toFixed(2)}× CPU`,
          );
        }
      }
    }
  }
  console.table(rows);
  return rows;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await run(process.argv.slice(2));
}
