import { readFileSync } from "node:fs";
import path from "node:path";
import type { Severity } from "../analysis/rules/rule.js";
import type { SponsorStatus } from "../analysis/sponsor-status.js";
import type { IsoDate } from "../dates.js";
import type { OutputFormat, RenderOptions } from "../render/renderer.js";
import { VERSION } from "../version.js";
import type { AccountSummary, GenerateSettings, WrittenFile } from "./generate-account.js";
import { holdsRisk, joinRiskSummary, writeManifestFiles } from "./risk-summary.js";
import { formatShard, type Shard } from "./shard.js";

/**
 * `out/manifest.json`: what a run produced, one entry per account. It is the record incremental
 * runs compare against, the input of `qbr merge-manifests`, and the only source of the portfolio
 * summary (so a merged portfolio is built exactly like a single-run one). A run without the
 * internal audience keeps the risk fields in a file of their own (risk-summary.ts).
 */

export const MANIFEST_FILE = "manifest.json";

/** Sharded runs name their manifest after the shard, so shards may share one output folder. */
export function manifestFileName(shard: Shard | undefined): string {
  return shard && shard.count > 1 ? `manifest-shard-${shard.index}-of-${shard.count}.json` : MANIFEST_FILE;
}

export type AccountStatus = "written" | "skipped-unchanged" | "filtered" | "failed";

/** A written deck as the manifest records it: `path` relative to the manifest's folder, "/"-separated. */
export type ManifestFile = WrittenFile;

import type { GoalCounts } from "../deck/portfolio-model.js";

export type { GoalCounts };

export interface ManifestAccount {
  source: string;
  /** Null when the file could not be read as an account at all. */
  account: { id: string | null; name: string } | null;
  slug: string | null;
  /** The slug this account would have had if another account did not already use it. */
  renamedFrom?: string;
  status: AccountStatus;
  riskLevel: Severity | null;
  asOf: IsoDate | null;
  renewal: IsoDate | null;
  daysToRenewal: number | null;
  arr: number | null;
  currency: string | null;
  goals: GoalCounts | null;
  valueRealized: number | null;
  roi: number | null;
  topFinding: string | null;
  watermelon: boolean | null;
  /** 0–100 (analysis/risk-score.ts). These four are absent from manifests of earlier versions. */
  riskScore: number | null;
  sponsor: SponsorStatus | null;
  csm: string | null;
  segment: string | null;
  /** Set on the unedited `qbr init` starter: the portfolio reports it and never ranks it. */
  starter?: true;
  files: ManifestFile[];
  /** Why a filtered account is outside the --renewal-within / --meeting-within window. */
  filterReason?: string;
  warnings?: string[];
  error?: string;
  inputHash: string | null;
}

/** The run's settings as given, minus the output folder and any password. */
export type ManifestSettings = Omit<GenerateSettings, "outDir" | "render" | "asOf"> & {
  asOf: IsoDate | null;
  render: Omit<RenderOptions, "pdfUserPassword" | "pdfOwnerPassword">;
  /** Whether PDFs were password-protected; the password itself is never written. */
  pdfEncrypted: boolean;
  shard: string | null;
};

export interface PortfolioRecord {
  /** "/"-separated, relative to the manifest's folder. */
  files: { path: string; format: OutputFormat | "csv"; bytes: number; sha256: string }[];
  inputHash: string;
}

export interface Manifest {
  tool: "qbr-deck";
  version: string;
  /** The run's as-of date (or today), not a clock time, so reruns give the same manifest. */
  generatedAt: IsoDate;
  settings: ManifestSettings;
  accounts: ManifestAccount[];
  portfolio?: PortfolioRecord;
}

export function manifestSettings(settings: GenerateSettings, shard: Shard | undefined): ManifestSettings {
  const { outDir: _outDir, render, asOf, ...rest } = settings;
  const { pdfUserPassword, pdfOwnerPassword: _ownerPassword, ...renderOptions } = render;
  return {
    ...rest,
    asOf: asOf ?? null,
    render: renderOptions,
    pdfEncrypted: Boolean(pdfUserPassword) || Boolean(settings.pdfPasswordPerAccount),
    shard: shard && shard.count > 1 ? formatShard(shard) : null,
  };
}

export function toPosix(file: string): string {
  return file.split(path.sep).join("/");
}

export function manifestFiles(outDir: string, files: readonly WrittenFile[]): ManifestFile[] {
  return files.map((file) => ({
    path: toPosix(path.relative(outDir, file.path)),
    format: file.format,
    audience: file.audience,
    kind: file.kind,
    bytes: file.bytes,
    sha256: file.sha256,
    ...(file.encrypted ? { encrypted: file.encrypted } : {}),
  }));
}

/** The account's figures as the manifest and the portfolio record them. */
export function summaryFields(
  summary: AccountSummary,
): Omit<ManifestAccount, "source" | "slug" | "status" | "files" | "inputHash"> {
  const goals = summary.goals;
  return {
    account: { id: summary.id, name: summary.name },
    ...(summary.starter ? { starter: true as const } : {}),
    riskLevel: summary.riskLevel,
    asOf: summary.asOf,
    renewal: summary.renewal,
    daysToRenewal: summary.daysToRenewal,
    arr: summary.arr,
    currency: summary.currency,
    goals: {
      total: goals.goals,
      achieved: goals.achieved,
      onTrack: goals.onTrack,
      atRisk: goals.atRisk,
      offTrack: goals.offTrack,
      noData: goals.noData,
    },
    valueRealized: goals.realizedValue,
    roi: goals.roi,
    topFinding: summary.topFinding,
    watermelon: summary.watermelon,
    riskScore: summary.riskScore,
    sponsor: summary.sponsor,
    csm: summary.csm,
    segment: summary.segment,
  };
}

/** An entry for an account that produced nothing; `known` holds what was learnt before it failed. */
export function failedEntry(
  source: string,
  error: string,
  known: Partial<Pick<ManifestAccount, "account" | "slug" | "renamedFrom" | "inputHash">> = {},
): ManifestAccount {
  return {
    source,
    account: known.account ?? null,
    slug: known.slug ?? null,
    ...(known.renamedFrom ? { renamedFrom: known.renamedFrom } : {}),
    status: "failed",
    riskLevel: null,
    asOf: null,
    renewal: null,
    daysToRenewal: null,
    arr: null,
    currency: null,
    goals: null,
    valueRealized: null,
    roi: null,
    topFinding: null,
    watermelon: null,
    riskScore: null,
    sponsor: null,
    csm: null,
    segment: null,
    files: [],
    error,
    inputHash: known.inputHash ?? null,
  };
}

export function compareEntries(a: ManifestAccount, b: ManifestAccount): number {
  return a.source < b.source ? -1 : a.source > b.source ? 1 : 0;
}

/** Reads a manifest written by this tool; throws with a one-line reason otherwise. */
export function readManifest(file: string): Manifest {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(code ? `cannot read ${file} (${code})` : `${file} is not valid JSON`);
  }
  const manifest = data as Partial<Manifest> | null;
  if (
    manifest?.tool !== "qbr-deck" ||
    !Array.isArray(manifest.accounts) ||
    typeof manifest.settings !== "object"
  ) {
    throw new Error(`${file} is not a qbr-deck manifest`);
  }
  return joinRiskSummary(manifest as Manifest, file);
}

/** The previous run's manifest for incremental runs, or null when there is none (or it is unusable). */
export function readPreviousManifest(file: string): Manifest | null {
  try {
    const manifest = readManifest(file);
    return manifest.version === VERSION ? manifest : null;
  } catch {
    return null;
  }
}

/**
 * Writes the manifest atomically. Without the internal audience (or `riskInline: false`), each
 * account's risk fields go to a `-internal` file beside it (risk-summary.ts).
 */
export function writeManifest(
  file: string,
  manifest: Manifest,
  options: { riskInline?: boolean } = {},
): void {
  writeManifestFiles(file, manifest, options.riskInline ?? holdsRisk(manifest));
}

export function newManifest(
  generatedAt: IsoDate,
  settings: ManifestSettings,
  accounts: ManifestAccount[],
): Manifest {
  return {
    tool: "qbr-deck",
    version: VERSION,
    generatedAt,
    settings,
    accounts: [...accounts].sort(compareEntries),
  };
}
