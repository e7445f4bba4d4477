// Import benchmark (issue 13): N measurement rows (default 100,000) into A account files (default
// 1,000, bench/generate-accounts.mjs), time and peak RSS of
//   (a) `qbr import` through the real CLI: every row checked, every changed file edited in place
//       (comments and formatting kept), validated again and written atomically as one change;
//   (b) the same import again (idempotent: nothing to write);
//   (c) the raw baseline, bench/raw-import.mjs: csv-parse + yaml parse/stringify straight, in one
//       process, no checks;
// and, for the workbook as a portfolio source, `qbr export` of the A accounts into one workbook
// and `qbr validate` of that workbook next to `qbr validate` of the A files.
//
//   node bench/import.mjs [--rows 100000] [--accounts 1000]
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { generateAccounts } from "./generate-accounts.mjs";
import { timed } from "./timed.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const CLI = path.join(ROOT, "dist/cli/main.js");
const OUT = path.join(ROOT, "bench/out");

function option(args, name, fallback) {
  const index = args.indexOf(name);
  return index >= 0 && args[index + 1] !== undefined ? args[index + 1] : fallback;
}

/**
 * Weekly measurements (Sundays from 2025-01-19, so none falls on the generator's quarter-end
 * actuals) for every goal of every account in turn, until `rows` rows are written.
 */
function writeMeasurements(file, accounts, rows) {
  const goalsOf = accounts.map((account) => account.goals.map((goal) => goal.id));
  const lines = ["account,goal,date,value"];
  for (let week = 0; lines.length <= rows; week++) {
    const date = new Date(Date.UTC(2025, 0, 19 + 7 * week)).toISOString().slice(0, 10);
    for (const [index, goals] of goalsOf.entries()) {
      for (const goal of goals) {
        if (lines.length > rows) break;
        lines.push(
          `${accounts[index].account.id},${goal},${date},${(100 + ((week * 37 + index) % 900)) / 2}`,
        );
      }
    }
  }
  writeFileSync(file, `${lines.join("\n")}\n`);
}

function row(mode, { seconds, cpuSeconds, peakRssMb }, rows) {
  return {
    mode,
    "time (s)": seconds.toFixed(1),
    "CPU (s)": cpuSeconds.toFixed(1),
    "rows/CPU-s": rows > 0 ? Math.round(rows / cpuSeconds).toLocaleString("en-US") : "—",
    "peak RSS (MB)": peakRssMb.toFixed(0),
  };
}

export async function run(args = []) {
  if (!existsSync(CLI)) throw new Error("dist/ is missing: run `npm run build` first");
  const rows = Number(option(args, "--rows", "100000"));
  const count = Number(option(args, "--accounts", "1000"));
  mkdirSync(OUT, { recursive: true });
  console.log(
    `Import bench: ${rows.toLocaleString("en-US")} rows into ${count} accounts; ${os.cpus().length} CPUs, ` +
      `load ${os.loadavg()[0].toFixed(1)}; node ${process.version}`,
  );
  const pristine = path.join(OUT, `import-accounts-${count}`);
  const files = generateAccounts({ count, dir: pristine, seed: 42 });
  const accounts = files.map((file) => parse(readFileSync(file, "utf8")));
  const csv = path.join(OUT, `measurements-${rows}.csv`);
  writeMeasurements(csv, accounts, rows);
  const results = [];
  const work = path.join(OUT, "import-work");
  const fresh = () => {
    rmSync(work, { recursive: true, force: true });
    cpSync(pristine, work, { recursive: true });
  };
  fresh();
  results.push(row("qbr import", timed(CLI, ["import", csv, "--into", work], "qbr import"), rows));
  results.push(
    row(
      "qbr import again (nothing to change)",
      timed(CLI, ["import", csv, "--into", work], "re-import"),
      rows,
    ),
  );
  fresh();
  const raw = timed(path.join(ROOT, "bench/raw-import.mjs"), [csv, work], "raw import");
  results.push(row("raw: csv-parse + yaml parse/stringify, one process", raw, rows));
  const book = path.join(OUT, `plans-${count}.xlsx`);
  rmSync(book, { force: true });
  results.push(
    row(`qbr export ${count} accounts → workbook`, timed(CLI, ["export", pristine, "-o", book], "export"), 0),
  );
  results.push(
    row(`qbr validate workbook (${count} accounts)`, timed(CLI, ["validate", book], "validate book"), 0),
  );
  results.push(
    row(`qbr validate ${count} YAML files`, timed(CLI, ["validate", pristine], "validate files"), 0),
  );
  console.table(results);
  return results;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await run(process.argv.slice(2));
}
