// Single-deck benchmark (issue 3): for each sample account and format, the time to build and
// render one deck in this process — load, analyse, build the Deck, render to bytes — next to the
// raw cost of writing a deck with the same content straight with pptxgenjs / pdfkit
// (bench/raw-content.mjs; the content is taken from the Deck once, untimed) and of the minimal
// deck of earlier releases (bench/raw-baseline.mjs), measured in the same process, after a warm-up.
//
//   node bench/single-deck.mjs [--runs 20] [--formats pptx,pdf]
import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { performance } from "node:perf_hooks";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { loadDeckBuilder } from "./deck-content.mjs";
import { writePdf, writePptx } from "./raw-baseline.mjs";
import { writeContentPdf, writeContentPptx } from "./raw-content.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SAMPLES = path.join(ROOT, "samples");
const OUT = path.join(ROOT, "bench/out/single-deck");

function option(args, name, fallback) {
  const index = args.indexOf(name);
  return index >= 0 && args[index + 1] !== undefined ? args[index + 1] : fallback;
}

async function loadPipeline() {
  const { loadRenderer } = await import(path.join(ROOT, "dist/render/renderer.js"));
  const deckOf = await loadDeckBuilder();
  const render = async (file, bytes, format) => {
    const renderer = await loadRenderer(format);
    return (await renderer.render(deckOf(file, bytes), {})).bytes.byteLength;
  };
  return { render, deckOf };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function time(runs, work) {
  const samples = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  return median(samples);
}

export async function run(args = process.argv.slice(2)) {
  const runs = Number(option(args, "--runs", "20"));
  const formats = option(args, "--formats", "pptx,pdf").split(",");
  const { render: renderOne, deckOf } = await loadPipeline();
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const rows = [];
  for (const name of readdirSync(SAMPLES)
    .filter((file) => file.endsWith(".yaml"))
    .sort()) {
    const file = path.join(SAMPLES, name);
    const bytes = readFileSync(file);
    const raw = parse(bytes.toString("utf8"));
    const deck = deckOf(file, bytes);
    const content = { meta: deck.meta, slides: deck.slides };
    for (const format of formats) {
      const target = path.join(OUT, `${name}.${format}`);
      const sameContent = () =>
        format === "pptx" ? writeContentPptx(content, target) : writeContentPdf(content, target);
      const minimal = () => (format === "pptx" ? writePptx(raw, target) : writePdf(raw, target));
      for (let warm = 0; warm < 3; warm++) {
        await renderOne(file, bytes, format);
        await sameContent();
        await minimal();
      }
      const qbrMs = await time(runs, () => renderOne(file, bytes, format));
      const sameMs = await time(runs, sameContent);
      const minimalMs = await time(runs, minimal);
      rows.push({
        account: name.replace(/\.yaml$/, ""),
        format,
        "qbr load+build+render (ms)": qbrMs.toFixed(1),
        "raw, same content (ms)": sameMs.toFixed(1),
        "raw, minimal deck (ms)": minimalMs.toFixed(1),
        "qbr / same content": `${(qbrMs / sameMs).toFixed(2)}×`,
      });
    }
  }
  console.log(`\nSingle deck, median of ${runs} runs after warm-up (node ${process.version}):`);
  console.table(rows);
  const rss = process.memoryUsage().rss / 1024 / 1024;
  console.log(`  process RSS after the runs: ${rss.toFixed(0)} MB`);
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
