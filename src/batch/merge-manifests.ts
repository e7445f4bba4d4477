import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import type { Theme } from "../deck/deck-model.js";
import { UsageError } from "../errors.js";
import {
  MANIFEST_FILE,
  newManifest,
  readManifest,
  readPreviousManifest,
  toPosix,
  writeManifest,
  type Manifest,
  type ManifestAccount,
} from "./manifest.js";
import { holdsRisk } from "./risk-summary.js";
import { loadTheme } from "../io/theme-file.js";
import { writePortfolio } from "./write-portfolio.js";

/**
 * `qbr merge-manifests`: the manifests of the shards of one run become one manifest, and the
 * portfolio summary is built from it. Nothing is copied: file paths are rewritten relative to
 * the merged manifest's folder, so decks stay where the shards wrote them.
 */

const SHARD_MANIFEST = /^manifest-shard-(\d+)-of-(\d+)\.json$/;

export interface MergeResult {
  manifestFile: string;
  manifest: Manifest;
  sources: string[];
  /** Problems that did not stop the merge (missing shards, differing settings, duplicates). */
  warnings: string[];
  portfolio: string[];
}

/** The manifest files named by an argument: a manifest file, or every manifest in a folder. */
function manifestFilesIn(input: string): string[] {
  const stats = statSync(input, { throwIfNoEntry: false });
  if (stats?.isFile()) return [input];
  if (!stats?.isDirectory()) throw new UsageError(`${input}: no such file or folder`);
  const shardNames = readdirSync(input)
    .filter((name) => SHARD_MANIFEST.test(name))
    .sort();
  // A folder the shards shared may also hold an earlier merge's manifest.json: the shards win.
  const hasManifest = statSync(path.join(input, MANIFEST_FILE), { throwIfNoEntry: false })?.isFile();
  const names = shardNames.length > 0 ? shardNames : hasManifest ? [MANIFEST_FILE] : [];
  if (names.length === 0) {
    throw new UsageError(`${input}: no ${MANIFEST_FILE} or manifest-shard-K-of-N.json in this folder`);
  }
  return names.map((name) => path.join(input, name));
}

function readAll(inputs: readonly string[]): { file: string; manifest: Manifest }[] {
  const files = [...new Set(inputs.flatMap(manifestFilesIn).map((file) => path.resolve(file)))];
  return files.map((file) => {
    try {
      return { file, manifest: readManifest(file) };
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
  });
}

/** Settings that must agree for the shards to be parts of one run. */
function comparableSettings(manifest: Manifest): string {
  return JSON.stringify({ ...manifest.settings, shard: null });
}

function shardWarnings(manifests: readonly Manifest[]): string[] {
  const shards = manifests.map((manifest) => manifest.settings.shard).filter((shard) => shard !== null);
  if (shards.length === 0) return [];
  const warnings: string[] = [];
  const counts = new Set(shards.map((shard) => shard.split("/")[1]));
  if (counts.size > 1) warnings.push(`the shards were cut differently (${[...counts].join(", ")} shards)`);
  const count = Number([...counts][0]);
  const missing = Array.from({ length: count }, (_, index) => `${index + 1}/${count}`).filter(
    (shard) => !shards.includes(shard),
  );
  if (missing.length > 0)
    warnings.push(`shard ${missing.join(", ")} missing: its accounts are not in the merge`);
  const repeated = shards.filter((shard, index) => shards.indexOf(shard) !== index);
  if (repeated.length > 0) warnings.push(`shard ${[...new Set(repeated)].join(", ")} given more than once`);
  return warnings;
}

function rebased(entry: ManifestAccount, fromDir: string, toDir: string): ManifestAccount {
  return {
    ...entry,
    files: entry.files.map((file) => ({
      ...file,
      path: toPosix(path.relative(toDir, path.resolve(fromDir, file.path))),
    })),
  };
}

function themeFor(manifest: Manifest, warnings: string[]): Theme {
  try {
    return loadTheme(manifest.settings.themeFile);
  } catch {
    warnings.push(
      `theme ${manifest.settings.themeFile} cannot be read here; the portfolio uses the default theme`,
    );
    return loadTheme();
  }
}

export async function mergeManifests(inputs: readonly string[], outDir: string): Promise<MergeResult> {
  const read = readAll(inputs);
  const manifests = read.map(({ manifest }) => manifest);
  const first = manifests[0]!;
  const warnings = shardWarnings(manifests);
  if (manifests.some((manifest) => manifest.version !== first.version)) {
    warnings.push("the manifests come from different qbr-deck versions");
  }
  if (manifests.some((manifest) => comparableSettings(manifest) !== comparableSettings(first))) {
    warnings.push("the manifests were written with different settings; the first one's are kept");
  }
  const bySource = new Map<string, ManifestAccount>();
  for (const { file, manifest } of read) {
    for (const entry of manifest.accounts) {
      if (bySource.has(entry.source)) {
        warnings.push(`${entry.source} is in more than one manifest; the first is kept`);
        continue;
      }
      bySource.set(entry.source, rebased(entry, path.dirname(file), path.resolve(outDir)));
    }
  }
  const slugOwners = new Map<string, string>();
  for (const entry of bySource.values()) {
    if (!entry.slug) continue;
    const owner = slugOwners.get(entry.slug);
    if (owner) warnings.push(`${entry.source} and ${owner} both use the output name "${entry.slug}"`);
    else slugOwners.set(entry.slug, entry.source);
  }
  const manifest = newManifest(first.generatedAt, { ...first.settings, shard: null }, [...bySource.values()]);
  const manifestFile = path.join(outDir, MANIFEST_FILE);
  const previous = readPreviousManifest(manifestFile);
  const portfolio = await writePortfolio(outDir, manifest, {
    formats: first.settings.formats,
    theme: themeFor(first, warnings),
    render: first.settings.render,
    previous: previous?.portfolio,
  });
  manifest.portfolio = portfolio.record;
  warnings.push(...portfolio.warnings);
  // A shard without the internal audience kept its risk data apart; so does the merge then.
  const riskInline = manifests.every(holdsRisk);
  writeManifest(manifestFile, manifest, { riskInline });
  return {
    manifestFile,
    manifest,
    sources: read.map(({ file }) => file),
    warnings,
    portfolio: portfolio.record.files.map((file) => path.join(outDir, file.path)),
  };
}
