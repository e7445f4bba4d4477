import { statSync } from "node:fs";
import path from "node:path";
import { loadAccount } from "../input/load-account.js";
import type { GenerateSettings, LoadedAccount } from "./generate-account.js";
import { describeFailure, type FailureReason } from "./failure.js";
import { accountFacts, type AccountFacts, type InputIndex } from "./input-index.js";
import { accountInputHash, logoHash, runHash, sha256 } from "./input-hash.js";
import { failedEntry, toPosix, type Manifest, type ManifestAccount } from "./manifest.js";
import { readInputFile } from "./resources.js";
import { inputRoot, shardOf, sourceKey, type Shard } from "./shard.js";
import { assignSlugs } from "./slug-collisions.js";

/**
 * The main thread's first stage: read and hash every input file, name every account, and sort
 * this process's accounts into those to render, those unchanged since the last run (reused from
 * the previous manifest) and those that cannot be read. No rendering happens here.
 */

export interface RenderJob {
  /** The file as discovered (what messages name). */
  source: string;
  slug: string;
  renamedFrom?: string;
  inputHash: string;
  facts: AccountFacts;
  /**
   * The account as planning read and validated it, handed to the worker so the file is not
   * parsed twice (and the deck is of exactly the bytes the manifest's hash describes). Absent
   * when planning took the facts from the input index, or past PRELOAD_BUDGET_BYTES.
   */
  loaded?: LoadedAccount;
}

export interface PlanFailure {
  entry: ManifestAccount;
  reason: FailureReason;
  /** The original error, rethrown for a single-file run so its exit code (2 for invalid input) holds. */
  cause: unknown;
}

export interface BatchPlan {
  jobs: RenderJob[];
  /** Entries carried over from the previous manifest (skipped-unchanged or filtered). */
  reused: ManifestAccount[];
  failures: PlanFailure[];
  /** Accounts of this shard that had to be renamed because their slug was taken. */
  collisions: { source: string; slug: string; renamedFrom: string }[];
}

export interface PlanOptions {
  settings: GenerateSettings;
  shard?: Shard;
  force: boolean;
  previous: Manifest | null;
  index: InputIndex;
}

interface ReadInput {
  file: string;
  key: string;
  sha256?: string;
  facts?: AccountFacts;
  loaded?: LoadedAccount;
  error?: unknown;
}

/**
 * Parsed accounts kept from planning for the workers, up to this many bytes of source files
 * (~10,000 typical accounts); past it, workers read their files again, so the planner's memory
 * stays bounded however many accounts a run has.
 */
const PRELOAD_BUDGET_BYTES = 48 * 1024 * 1024;

function readInput(file: string, key: string, index: InputIndex, budget: { bytes: number }): ReadInput {
  try {
    const bytes = readInputFile(file);
    const hash = sha256(bytes);
    const known = index.get(file, hash);
    if (known) return { file, key, sha256: hash, facts: known };
    const account = loadAccount(file, bytes);
    const facts = accountFacts(account);
    index.set(file, hash, facts);
    budget.bytes -= bytes.byteLength;
    const loaded = budget.bytes >= 0 ? { account, sha256: hash } : undefined;
    return { file, key, sha256: hash, facts, ...(loaded ? { loaded } : {}) };
  } catch (error) {
    return { file, key, error };
  }
}

/** The previous entry still describes this account's decks: same inputs, files on disk as recorded. */
function reusable(previous: ManifestAccount | undefined, inputHash: string, outDir: string): boolean {
  if (!previous || previous.inputHash !== inputHash) return false;
  if (previous.status === "filtered") return true;
  if (previous.status !== "written" && previous.status !== "skipped-unchanged") return false;
  if (previous.files.length === 0) return false;
  // Size only, not sha256: re-hashing thousands of decks would cost more than it protects
  // against (a file edited in place to exactly the same size).
  return previous.files.every(
    (file) => statSync(path.join(outDir, file.path), { throwIfNoEntry: false })?.size === file.bytes,
  );
}

export function planBatch(files: readonly string[], options: PlanOptions): BatchPlan {
  const { settings, shard, previous, index } = options;
  const root = inputRoot(files);
  const inShard = (key: string) => !shard || shard.count === 1 || shardOf(key, shard.count) === shard.index;
  // Every shard reads every file: the output names of colliding slugs depend on all accounts.
  const budget = { bytes: PRELOAD_BUDGET_BYTES };
  const inputs = files.map((file) =>
    readInput(file, sourceKey(file, root), index, inShard(sourceKey(file, root)) ? budget : { bytes: -1 }),
  );
  const slugs = assignSlugs(
    inputs.flatMap((input) => (input.facts ? [{ key: input.key, slug: input.facts.slug }] : [])),
  );
  const previousBySource = new Map(previous?.accounts.map((entry) => [entry.source, entry]));
  const hashOfRun = runHash(settings);
  // An encrypted PDF cannot be compared with the password of the last run without storing it.
  const incremental = !options.force && !settings.render.pdfUserPassword;
  const plan: BatchPlan = { jobs: [], reused: [], failures: [], collisions: [] };

  for (const input of inputs.filter((candidate) => inShard(candidate.key))) {
    const source = toPosix(input.file);
    if (!input.facts || !input.sha256) {
      const reason = describeFailure(input.file, input.error);
      plan.failures.push({ entry: failedEntry(source, reason.message), reason, cause: input.error });
      continue;
    }
    const { slug, renamedFrom } = slugs.get(input.key)!;
    if (renamedFrom) plan.collisions.push({ source, slug, renamedFrom });
    const inputHash = accountInputHash({
      runHash: hashOfRun,
      asOf: settings.asOf ?? input.facts.reviewAsOf ?? settings.today,
      slug,
      accountSha256: input.sha256,
      logoSha256: logoHash(input.file, input.facts.logo),
    });
    const previousEntry = previousBySource.get(source);
    if (incremental && reusable(previousEntry, inputHash, settings.outDir)) {
      plan.reused.push({
        ...previousEntry!,
        status: previousEntry!.status === "filtered" ? "filtered" : "skipped-unchanged",
      });
      continue;
    }
    plan.jobs.push({
      source: input.file,
      slug,
      ...(renamedFrom ? { renamedFrom } : {}),
      inputHash,
      facts: input.facts,
      ...(input.loaded ? { loaded: input.loaded } : {}),
    });
  }
  return plan;
}
