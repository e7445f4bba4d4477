#!/usr/bin/env node
// Long-word benchmark (issue 10, item 2): the wall time of `qbr generate` for one account whose
// goal title, CSM and task title are a single unbroken word of N characters, per format. Each run
// is a separate process under a time limit, so a renderer that hangs shows as "> limit"; the CPU
// time (user + system, from /usr/bin/time) is printed beside the wall time, which a busy machine
// inflates. `--in-process` instead times building and rendering the deck in this process after a
// warm-up (the median of 5 runs): the renderer's own cost, without the CLI's start-up.
//
//   node bench/long-word.mjs [--lengths 400,1600,5000] [--formats pptx,pdf] [--limit 60] [--in-process]
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const CLI = path.join(ROOT, "dist/cli/main.js");

function option(args, name, fallback) {
  const index = args.indexOf(name);
  return index >= 0 && args[index + 1] !== undefined ? args[index + 1] : fallback;
}

/** The Northwind sample with one goal title, the CSM and one task title replaced by `word`. */
function accountWithWord(word) {
  const sample = readFileSync(path.join(ROOT, "samples/northwind-logistics.yaml"), "utf8");
  return sample
    .replace("logo: ./logos/northwind.png", "")
    .replace("csm: Dana Reyes", `csm: ${word}`)
    .replace("title: Cut the support ticket backlog", `title: ${word}`)
    .replace("title: Train the EU support team", `title: ${word}`);
}

/** Median time (ms) to build and render the deck of `yaml` in this process, or null past the limit. */
async function timeInProcess(yaml, format, limitSeconds) {
  const { loadDeckBuilder } = await import("./deck-content.mjs");
  const { loadRenderer } = await import(path.join(ROOT, "dist/render/renderer.js"));
  const deckOf = await loadDeckBuilder();
  const renderer = await loadRenderer(format);
  const bytes = Buffer.from(yaml);
  const once = async () => {
    const started = performance.now();
    await renderer.render(deckOf("account.yaml", bytes), {});
    return performance.now() - started;
  };
  const first = await once();
  if (first > limitSeconds * 1000) return null;
  const samples = [];
  for (let run = 0; run < 5; run++) samples.push(await once());
  return samples.sort((a, b) => a - b)[2];
}

const args = process.argv.slice(2);
const inProcess = args.includes("--in-process");
const lengths = option(args, "--lengths", "400,1600,5000").split(",").map(Number);
const formats = option(args, "--formats", "pptx,pdf").split(",");
const limitSeconds = Number(option(args, "--limit", "60"));
const work = mkdtempSync(path.join(tmpdir(), "qbr-long-word-"));
try {
  for (const length of [0, ...lengths]) {
    const word = length === 0 ? "" : "Wordy".repeat(Math.ceil(length / 5)).slice(0, length);
    const file = path.join(work, `long-${length}.yaml`);
    writeFileSync(file, length === 0 ? accountWithWord("Dana Reyes") : accountWithWord(word));
    for (const format of formats) {
      if (inProcess) {
        const ms = await timeInProcess(readFileSync(file, "utf8"), format, limitSeconds);
        const outcome = ms === null ? `> ${limitSeconds} s (first run)` : `${ms.toFixed(0)} ms`;
        console.log(`${String(length || "plain").padStart(5)} chars  ${format.padEnd(4)}  ${outcome}`);
        continue;
      }
      const times = path.join(work, "times.txt");
      const started = performance.now();
      const result = spawnSync(
        "/usr/bin/time",
        [
          "-f",
          "%U %S",
          "-o",
          times,
          "timeout",
          "-s",
          "KILL",
          String(limitSeconds),
          process.execPath,
          CLI,
        ].concat([
          "generate",
          file,
          "-o",
          path.join(work, "out"),
          "-f",
          format,
          "--concurrency",
          "1",
          "--force",
        ]),
        { encoding: "utf8" },
      );
      const seconds = (performance.now() - started) / 1000;
      const killed = result.status === 137;
      const cpu = killed
        ? 0
        : readFileSync(times, "utf8")
            .trim()
            .split("\n")
            .at(-1)
            .split(" ")
            .reduce((sum, part) => sum + Number(part), 0);
      const outcome = killed
        ? `> ${limitSeconds} s (killed)`
        : `${seconds.toFixed(2)} s wall, ${cpu.toFixed(2)} s CPU, exit ${result.status}`;
      console.log(`${String(length || "plain").padStart(5)} chars  ${format.padEnd(4)}  ${outcome}`);
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
