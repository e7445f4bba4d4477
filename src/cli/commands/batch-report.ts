import path from "node:path";
import { renewalDistance, type GenerateSettings } from "../../batch/generate-account.js";
import { formatDuration } from "../../batch/progress.js";
import { riskSummaryFile } from "../../batch/risk-summary.js";
import type { BatchFailure, BatchResult } from "../../batch/run-batch.js";
import { plural } from "../../text/format.js";
import type { Io } from "../../io/terminal.js";

/**
 * What a user reads at the end of `qbr generate` / `qbr merge-manifests`: counts on stdout, one
 * line per failed account on stderr (its file and the first reason; the manifest has them all).
 */

export function reportFailures(failures: readonly BatchFailure[], io: Io, debug = false): void {
  for (const failure of failures) {
    io.err(`failed: ${failure.oneLine}`);
    if (debug && failure.stack) io.err(failure.stack);
  }
}

/** A manifest that could not be written (a full disk, say): what the user has and what to do. */
function reportManifestError(result: BatchResult, io: Io): void {
  if (!result.manifestError) return;
  const written = result.counts.written;
  io.err(
    `failed: ${result.manifestError} — the manifest is not up to date` +
      (written > 0
        ? `; the decks of ${plural(written, "account")} are on disk, and the next run renders again those it does not list`
        : ""),
  );
}

/** Where the per-account PDF passwords are, and how they are meant to travel. */
export function reportPasswords(result: BatchResult, io: Io): void {
  if (!result.passwordsFile) return;
  io.out(
    `Passwords: ${result.passwordsFile} (readable by you only; give each sponsor theirs by another channel than the email)`,
  );
}

/** A single account: where its files are, as the sequential command always printed. */
export function reportSingleAccount(result: BatchResult, outDir: string, io: Io): void {
  const entry = result.manifest.accounts[0];
  if (!entry) return;
  if (entry.status === "filtered") {
    io.out(`${entry.source}: skipped (${entry.filterReason ?? renewalDistance(entry.daysToRenewal ?? 0)})`);
  } else if (entry.status === "skipped-unchanged") {
    io.out(`${entry.source}: unchanged since the last run, decks kept (--force renders them again)`);
  }
  for (const file of entry.files) {
    io.out(`${path.join(outDir, file.path)} (${file.format}, ${file.audience}, ${file.bytes} bytes)`);
  }
  reportManifestError(result, io);
  if (result.interrupted) io.err(`qbr: stopped by ${result.interrupted}`);
}

/** "whose renewal is not within the next 90 days", "whose review meeting is not ...", or both. */
function windowWording(settings: Pick<GenerateSettings, "renewalWithinDays" | "meetingWithinDays">): string {
  const windows: string[] = [];
  if (settings.renewalWithinDays !== undefined) {
    windows.push(`renewal is not within the next ${plural(settings.renewalWithinDays, "day")}`);
  }
  if (settings.meetingWithinDays !== undefined) {
    windows.push(`review meeting is not within the next ${plural(settings.meetingWithinDays, "day")}`);
  }
  return `whose ${windows.join(" or whose ")}`;
}

export function reportBatch(
  result: BatchResult,
  settings: Pick<GenerateSettings, "outDir" | "renewalWithinDays" | "meetingWithinDays" | "audiences">,
  io: Io,
  debug = false,
): void {
  const { counts } = result;
  const fileCount = result.manifest.accounts
    .filter((entry) => entry.status === "written")
    .reduce((sum, entry) => sum + entry.files.length, 0);
  reportFailures(result.failures, io, debug);
  reportManifestError(result, io);
  for (const collision of result.collisions) {
    io.err(
      `note: ${collision.source} is written as "${collision.slug}": another account already has the output name "${collision.renamedFrom}"`,
    );
  }
  if (result.interrupted) {
    io.err(
      `qbr: stopped by ${result.interrupted}; the manifest lists the accounts that finished and a re-run renders the rest`,
    );
  }
  const seconds = result.elapsedMs / 1000;
  const rate =
    seconds > 0 && counts.written > 0 ? `, ${(counts.written / seconds).toFixed(1)} accounts/s` : "";
  if (counts.written > 0 || counts["skipped-unchanged"] === 0) {
    io.out(
      `Wrote ${plural(fileCount, "file")} for ${plural(counts.written, "account")} to ${settings.outDir} in ${formatDuration(result.elapsedMs)}${rate}.`,
    );
  }
  if (counts["skipped-unchanged"] > 0) {
    io.out(
      `Skipped ${plural(counts["skipped-unchanged"], "unchanged account")} (their decks are up to date; --force renders them again).`,
    );
  }
  if (counts.filtered > 0) {
    io.out(`Left out ${plural(counts.filtered, "account")} ${windowWording(settings)}.`);
  }
  if (counts.failed > 0)
    io.out(`Failed: ${plural(counts.failed, "account")} (listed above and in the manifest).`);
  if (!result.manifestError) {
    const risk = settings.audiences.includes("internal")
      ? ""
      : ` (risk levels and findings in ${path.basename(riskSummaryFile(result.manifestFile))})`;
    io.out(`Manifest: ${result.manifestFile}${risk}`);
  }
  if (Array.isArray(result.portfolio) && result.portfolio.length > 0) {
    io.out(`Portfolio: ${result.portfolio.join(", ")}`);
  } else if (result.portfolio === "shard") {
    io.out("Portfolio: none for a single shard; qbr merge-manifests builds it from all shards.");
  }
}
