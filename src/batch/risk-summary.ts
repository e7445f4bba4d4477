import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import type { IsoDate } from "../dates.js";
import { writeFileAtomic } from "../io/atomic-write.js";
import type { Manifest, ManifestAccount } from "./manifest.js";

/**
 * The audience rule for output folders (SPEC §7): a run without the internal audience writes no
 * findings, risk levels or signals into a file whose name does not say `internal`, because a
 * folder of customer decks is what a CSM zips and sends. Such a run's manifest.json therefore
 * leaves out each account's risk level and score, top finding, sponsor status and watermelon
 * flag, and keeps them in `manifest-internal.json` beside it (`manifest-shard-K-of-N-internal.json` for a shard).
 * Reading a manifest joins the two again, so incremental runs, the portfolio and
 * `qbr merge-manifests` see one shape whichever run wrote it.
 */

/** The fields of a manifest entry that are internal material. */
type RiskField = "riskLevel" | "topFinding" | "watermelon" | "riskScore" | "sponsor";
type RiskEntry = { source: string } & Pick<ManifestAccount, RiskField>;

/** A manifest entry as a customer-only run writes it. */
type SharedEntry = Omit<ManifestAccount, RiskField>;

interface RiskSummary {
  tool: "qbr-deck";
  kind: "risk-summary";
  version: string;
  generatedAt: IsoDate;
  /** The manifest these entries belong to (its file name, in the same folder). */
  manifest: string;
  accounts: RiskEntry[];
}

export function riskSummaryFile(manifestFile: string): string {
  return manifestFile.replace(/(\.json)?$/, "-internal.json");
}

/** Whether a manifest of this run may hold the risk fields itself: only with the internal audience. */
export function holdsRisk(manifest: Manifest): boolean {
  return manifest.settings.audiences.includes("internal");
}

function withoutRisk(entry: ManifestAccount): SharedEntry {
  const {
    riskLevel: _risk,
    topFinding: _finding,
    watermelon: _watermelon,
    riskScore: _score,
    sponsor: _sponsor,
    ...shared
  } = entry;
  return shared;
}

const json = (data: unknown) => `${JSON.stringify(data, null, 2)}\n`;

/**
 * Writes the manifest, split when `inline` is false. The summary is written first, so a reader
 * never finds a manifest without the risk data it refers to; a split left over from an earlier
 * customer-only run is removed when the manifest holds the fields itself.
 */
export function writeManifestFiles(file: string, manifest: Manifest, inline: boolean): void {
  const summaryFile = riskSummaryFile(file);
  if (inline) {
    writeFileAtomic(file, json(manifest));
    rmSync(summaryFile, { force: true });
    return;
  }
  const summary: RiskSummary = {
    tool: "qbr-deck",
    kind: "risk-summary",
    version: manifest.version,
    generatedAt: manifest.generatedAt,
    manifest: path.basename(file),
    accounts: manifest.accounts.map((entry) => ({
      source: entry.source,
      riskLevel: entry.riskLevel,
      topFinding: entry.topFinding,
      watermelon: entry.watermelon,
      riskScore: entry.riskScore ?? null,
      sponsor: entry.sponsor ?? null,
    })),
  };
  writeFileAtomic(summaryFile, json(summary));
  writeFileAtomic(file, json({ ...manifest, accounts: manifest.accounts.map(withoutRisk) }));
}

function readSummary(file: string, manifestFile: string): Map<string, RiskEntry> {
  const missing = () =>
    new Error(
      `${manifestFile} was written without the internal audience and keeps its risk levels in ` +
        `${path.basename(file)}, which is missing or unreadable; put it back beside the manifest`,
    );
  let data: Partial<RiskSummary> | null;
  try {
    data = JSON.parse(readFileSync(file, "utf8")) as Partial<RiskSummary> | null;
  } catch {
    throw missing();
  }
  if (data?.tool !== "qbr-deck" || data.kind !== "risk-summary" || !Array.isArray(data.accounts)) {
    throw missing();
  }
  return new Map(data.accounts.map((entry) => [entry.source, entry]));
}

/**
 * The manifest's entries with their risk fields, read from the summary beside it when the
 * manifest was split; throws with a one-line reason when the summary is needed and missing.
 */
export function joinRiskSummary(manifest: Manifest, manifestFile: string): Manifest {
  const split = manifest.accounts.some((entry) => !("riskLevel" in entry));
  if (!split) return manifest;
  const summary = readSummary(riskSummaryFile(manifestFile), manifestFile);
  return {
    ...manifest,
    accounts: manifest.accounts.map((entry) => {
      const risk = summary.get(entry.source);
      return {
        ...entry,
        riskLevel: risk?.riskLevel ?? null,
        topFinding: risk?.topFinding ?? null,
        watermelon: risk?.watermelon ?? null,
        riskScore: risk?.riskScore ?? null,
        sponsor: risk?.sponsor ?? null,
      };
    }),
  };
}
