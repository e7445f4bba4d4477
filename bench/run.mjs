// `npm run bench [-- options]`: runs every benchmark module listed below that exists, in order,
// passing the command-line options through. A module exports `run(args)`.
//
// Hook for new benchmarks: add the file name to BENCHES (e.g. a single-deck bench as
// "single-deck.mjs"); a missing file is skipped, so the list may name benches not written yet.
// `--only NAME` runs one of them: npm run bench -- --only batch --sizes 100
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const BENCHES = ["cold-single-deck.mjs", "batch.mjs", "single-deck.mjs", "import.mjs", "workbook.mjs"];

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const onlyIndex = args.indexOf("--only");
const only = onlyIndex >= 0 ? args.splice(onlyIndex, 2)[1] : undefined;

for (const file of BENCHES) {
  if (only && file.replace(/\.mjs$/, "") !== only) continue;
  const full = path.join(here, file);
  if (!existsSync(full)) continue;
  const bench = await import(pathToFileURL(full).href);
  if (typeof bench.run !== "function") throw new Error(`bench/${file} must export run(args)`);
  await bench.run(args);
}
