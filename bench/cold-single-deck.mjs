// Cold single-deck benchmark (issue 11 §3): what a CSM waits for the night before a QBR —
// `qbr generate one.yaml -f pptx,pdf` in a fresh process (start-up, module loading, fonts,
// templates, load, analyse, build, render both formats, write, manifest) — next to a fresh
// process that writes one deck of each format straight with pptxgenjs and pdfkit
// (bench/raw-baseline.mjs):
//   - "same content": decks with exactly our deck's pages, texts, tables and charts (dumped first,
//     untimed, by deck-content.mjs), the libraries' own defaults;
//   - "minimal": the 16 short slides of earlier releases, drawn from the account file.
// The three commands run interleaved, round after round (the order rotating), so a machine whose
// load changes during the run disturbs all of them alike; medians of wall time and of CPU time
// (user + system, a figure a shared machine disturbs less) are printed with the ratios.
//
//   node bench/cold-single-deck.mjs [--runs 15] [--account samples/northwind-logistics.yaml]
//                                   [--compare OTHER-CHECKOUT/dist/cli/main.js]
import { copyFileSync, existsSync, mkdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { dumpDeckContent } from "./deck-content.mjs";
import { timed } from "./timed.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const CLI = path.join(ROOT, "dist/cli/main.js");
const RAW = path.join(ROOT, "bench/raw-baseline.mjs");
const OUT = path.join(ROOT, "bench/out/cold");

function option(args, name, fallback) {
  const index = args.indexOf(name);
  return index >= 0 && args[index + 1] !== undefined ? args[index + 1] : fallback;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export async function run(args = []) {
  if (!existsSync(CLI)) throw new Error("dist/ is missing: run `npm run build` first");
  const runs = Number(option(args, "--runs", "15"));
  const account = path.resolve(
    option(args, "--account", path.join(ROOT, "samples/northwind-logistics.yaml")),
  );
  const name = path.basename(account);
  const accounts = path.join(OUT, "account");
  const content = path.join(OUT, "content");
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(accounts, { recursive: true });
  copyFileSync(account, path.join(accounts, name));
  await dumpDeckContent(accounts, content);

  // --compare OTHER/dist/cli/main.js: another build of qbr (say, before a change) in the same rounds.
  const other = option(args, "--compare", undefined);
  const commands = {
    qbr: (out) => [CLI, ["generate", account, "-f", "pptx,pdf", "-o", out]],
    ...(other
      ? {
          "qbr, other build": (out) => [
            path.resolve(other),
            ["generate", account, "-f", "pptx,pdf", "-o", out],
          ],
        }
      : {}),
    "raw, same content": (out) => [RAW, ["--content", content, out, "pptx,pdf"]],
    "raw, minimal": (out) => [RAW, [accounts, out, "pptx,pdf"]],
  };
  const labels = Object.keys(commands);
  const samples = Object.fromEntries(labels.map((label) => [label, { wall: [], cpu: [], rss: [] }]));
  console.log(
    `Cold single deck: ${name}, both formats, ${runs} interleaved rounds (+1 warm-up); ` +
      `${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? "unknown"}), load ${os.loadavg()[0].toFixed(1)}; node ${process.version}`,
  );
  for (let round = -1; round < runs; round++) {
    // Rotate the order so no command always runs right after another one's disk writes.
    const order = labels.map((_, at) => labels[(at + Math.max(0, round)) % labels.length]);
    for (const label of order) {
      const out = path.join(OUT, `out-${label.replace(/\W+/g, "-")}`);
      rmSync(out, { recursive: true, force: true }); // a fresh folder: a first run, nothing to skip
      const [script, scriptArgs] = commands[label](out);
      const result = timed(script, scriptArgs, label);
      if (round < 0) continue; // warm-up: the disk cache, not the measurement
      samples[label].wall.push(result.seconds);
      samples[label].cpu.push(result.cpuSeconds);
      samples[label].rss.push(result.peakRssMb);
    }
  }
  const medians = Object.fromEntries(
    labels.map((label) => [
      label,
      {
        wall: median(samples[label].wall),
        cpu: median(samples[label].cpu),
        rss: median(samples[label].rss),
      },
    ]),
  );
  const rows = labels.map((label) => ({
    process: label,
    "wall (s)": medians[label].wall.toFixed(3),
    "CPU (s)": medians[label].cpu.toFixed(3),
    "peak RSS (MB)": medians[label].rss.toFixed(0),
  }));
  console.table(rows);
  const ours = medians.qbr;
  for (const label of labels.slice(1)) {
    const raw = medians[label];
    console.log(
      `  qbr / ${label}: ${(ours.wall / raw.wall).toFixed(2)}× wall, ${(ours.cpu / raw.cpu).toFixed(2)}× CPU` +
        ` (per round, median: ${median(samples.qbr.wall.map((wall, at) => wall / samples[label].wall[at])).toFixed(2)}× wall,` +
        ` ${median(samples.qbr.cpu.map((cpu, at) => cpu / samples[label].cpu[at])).toFixed(2)}× CPU)`,
    );
  }
  return { medians, samples };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await run(process.argv.slice(2));
}
