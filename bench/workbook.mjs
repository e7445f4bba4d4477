// Workbook benchmark (issue 13): `qbr generate` from one portfolio workbook of N accounts (default
// 1,000) next to the same from N YAML files (bench/generate-accounts.mjs, exported into the
// workbook with `qbr export`): time, CPU and peak RSS of
//   (a) a first run (every account rendered), and
//   (b) a re-run with nothing changed (every account skipped as unchanged);
// then checks that both give the same figures (the manifests without their sources).
//
//   node bench/workbook.mjs [--accounts 1000] [--format pptx] [--concurrency N]
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { generateAccounts } from "./generate-accounts.mjs";
import { timed } from "./timed.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const CLI = path.join(ROOT, "dist/cli/main.js");
const OUT = path.join(ROOT, "bench/out");

function option(args, name, fallback) {
  const index = args.indexOf(name);
  return index >= 0 && args[index + 1] !== undefined ? args[index + 1] : fallback;
}

function row(mode, { seconds, cpuSeconds, peakRssMb }, accounts) {
  return {
    mode,
    "time (s)": seconds.toFixed(1),
    "CPU (s)": cpuSeconds.toFixed(1),
    "accounts/s": (accounts / seconds).toFixed(1),
    "peak RSS (MB)": peakRssMb.toFixed(0),
  };
}

/** The manifest's accounts without what differs by source (paths, hashes, file sizes). */
function figures(outDir) {
  const manifest = JSON.parse(readFileSync(path.join(outDir, "manifest.json"), "utf8"));
  return manifest.accounts.map(({ source: _s, files: _f, inputHash: _h, warnings: _w, ...rest }) => rest);
}

export async function run(args = []) {
  if (!existsSync(CLI)) throw new Error("dist/ is missing: run `npm run build` first");
  const count = Number(option(args, "--accounts", "1000"));
  const format = option(args, "--format", "pptx");
  const concurrency = option(args, "--concurrency", undefined);
  mkdirSync(OUT, { recursive: true });
  console.log(
    `Workbook bench: ${count} accounts, ${format}, internal QBR deck; ${os.cpus().length} CPUs, ` +
      `load ${os.loadavg()[0].toFixed(1)}; node ${process.version}`,
  );
  // The accounts' folder inside OUT, the workbook in OUT: the logos stay inside the workbook's folder.
  const accountsDir = path.join(OUT, `workbook-accounts-${count}`);
  generateAccounts({ count, dir: accountsDir, seed: 42 });
  const book = path.join(OUT, `workbook-${count}.xlsx`);
  rmSync(book, { force: true });
  const results = [];
  results.push(
    row(`qbr export → workbook`, timed(CLI, ["export", accountsDir, "-o", book], "export"), count),
  );
  const generate = (input, outDir) => [
    "generate",
    input,
    "-o",
    outDir,
    "--format",
    format,
    "--audience",
    "internal",
    "--kind",
    "qbr",
    ...(concurrency ? ["--concurrency", concurrency] : []),
  ];
  const runs = [
    ["YAML files", accountsDir, path.join(OUT, "workbook-bench-yaml")],
    ["workbook", book, path.join(OUT, "workbook-bench-book")],
  ];
  for (const [label, input, outDir] of runs) {
    rmSync(outDir, { recursive: true, force: true });
    results.push(row(`generate from ${label}`, timed(CLI, generate(input, outDir), label), count));
    results.push(
      row(`re-run from ${label} (unchanged)`, timed(CLI, generate(input, outDir), `${label} again`), count),
    );
  }
  const same = JSON.stringify(figures(runs[0][2])) === JSON.stringify(figures(runs[1][2]));
  console.table(results);
  console.log(same ? "Same figures from both sources." : "FIGURES DIFFER between the sources");
  if (!same) process.exitCode = 1;
  return results;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await run(process.argv.slice(2));
}
