#!/usr/bin/env node
// Bench-only: the content of the decks `qbr generate` writes for a folder of accounts (internal
// QBR decks, as the batch bench renders them), dumped as JSON — one file per account with every
// slide's title, texts, bullets, KPIs, tables, chart series and notes. raw-baseline.mjs
// (--content) draws exactly that content straight with pptxgenjs / pdfkit, so the raw time is
// the bare library cost of decks with the same pages and words as ours. Run untimed, before the
// raw baseline.
//
//   node bench/deck-content.mjs <accounts-dir> <content-dir>
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dist = (file) => import(path.join(ROOT, "dist", file));

/**
 * Builds internal QBR decks with qbr-deck's own pipeline (from dist/). `history` adds what a batch
 * deck has besides: the "what changed" slides and the provenance appendix.
 */
export async function loadDeckBuilder() {
  const [{ loadAccount }, { accountToDecks }, resources, themes] = await Promise.all([
    dist("input/load-account.js"),
    dist("pipeline.js"),
    dist("io/resources.js"),
    dist("io/theme-file.js"),
  ]);
  const templates = resources.loadTemplates();
  const theme = themes.loadTheme();
  return (file, bytes, { history = false } = {}) => {
    const account = loadAccount(file, bytes);
    const { decks } = accountToDecks(account, {
      today: "2025-10-01",
      compareTo: history ? undefined : null,
      templates,
      kinds: ["qbr"],
      audiences: ["internal"],
      theme,
      logo: null,
      producer: "bench",
      provenance: history
        ? { sourceName: path.basename(file), sha256: "0".repeat(64), toolVersion: "bench" }
        : null,
    });
    return decks[0];
  };
}

export async function dumpDeckContent(accountsDir, contentDir) {
  const deckOf = await loadDeckBuilder();
  mkdirSync(contentDir, { recursive: true });
  for (const name of readdirSync(accountsDir)
    .filter((file) => file.endsWith(".yaml"))
    .sort()) {
    const file = path.join(accountsDir, name);
    const deck = deckOf(file, readFileSync(file), { history: true });
    const content = { meta: deck.meta, slides: deck.slides };
    writeFileSync(path.join(contentDir, name.replace(/\.yaml$/, ".json")), JSON.stringify(content));
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [accountsDir, contentDir] = process.argv.slice(2);
  if (!accountsDir || !contentDir) {
    console.error("usage: node bench/deck-content.mjs <accounts-dir> <content-dir>");
    process.exit(2);
  }
  await dumpDeckContent(accountsDir, contentDir);
}
