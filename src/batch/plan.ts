import { statSync } from "node:fs";
import path from "node:path";
import { loadAccountWithWarnings } from "../input/load-account.js";
import type { DiscoveryNote } from "../io/discover.js";
import { loadOptions, type GenerateSettings, type LoadedAccount } from "./generate-account.js";
import { describeFailure, type FailureReason } from "./failure.js";
import { accountFacts, type AccountFacts, type InputIndex } from "./input-index.js";
import { accountInputHash, logoHash, runHash, sha256 } from "../io/input-hash.js";
import { failedEntry, toPosix, type Manifest, type ManifestAccount } from "./manifest.js";
import { readInputFile } from "../io/resources.js";
import { inputRoot, shardOf, sourceKey, type Shard } from "./shard.js";
import { assignSlugs, type AssignedSlug } from "../io/slug-collisions.js";

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
   * when planning took the facts from the input index, or past its preload budget.
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
  /** Source bytes of parsed accounts to keep for the workers (default PRELOAD_BUDGET_BYTES). */
  preloadBudgetBytes?: number;
  /** Folders discovery could not read: failures of the shard their path falls in. */
  unreadableFolders?: readonly DiscoveryNote[];
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
 * Parsed accounts kept for the workers when the whole plan is made before rendering starts, up to
 * this many bytes of source files (a parsed account takes ~10–20× its file size in memory); past
 * it, workers read their files again. A streaming plan keeps only a few jobs ahead of the workers
 * (run-batch.ts), so it needs no budget.
 */
export const PRELOAD_BUDGET_BYTES = 4 * 1024 * 1024;

function readInput(
  file: string,
  key: string,
  index: InputIndex,
  budget: { bytes: number },
  settings: GenerateSettings,
): ReadInput {
  try {
    const bytes = readInputFile(file);
    const hash = sha256(bytes);
    const known = index.get(file, hash);
    if (known) return { file, key, sha256: hash, facts: known };
    const { account, warnings } = loadAccountWithWarnings(file, bytes, loadOptions(settings));
    const facts = accountFacts(account);
    index.set(file, hash, facts);
    budget.bytes -= bytes.byteLength;
    const loaded = budget.bytes >= 0 ? { account, sha256: hash, warnings } : undefined;
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

/**
 * The plan, built a few files at a time so rendering can start while the rest are read. Files
 * are taken in shard-key order, the order in which assignSlugs() gives each slug to its first
 * claimant: an account whose slug no earlier account claimed keeps it whatever comes later, so
 * its job is final at once; only accounts whose slug is taken wait for finish(), which names
 * them exactly as assignSlugs() over all accounts would.
 */
export class BatchPlanner {
  readonly plan: BatchPlan = { jobs: [], reused: [], failures: [], collisions: [] };
  /** How many files of this shard the plan covers (jobs + reused + failures when finished). */
  readonly shardSize: number;
  private readonly inputs: { file: string; key: string; inShard: boolean }[];
  private next = 0;
  private readonly budget: { bytes: number };
  private readonly claims: { key: string; slug: string }[] = [];
  private readonly claimed = new Set<string>();
  private readonly waiting: ReadInput[] = [];
  private readonly previousBySource: Map<string, ManifestAccount>;
  private readonly hashOfRun: string;
  private readonly incremental: boolean;

  constructor(
    files: readonly string[],
    private readonly options: PlanOptions,
  ) {
    const { settings, shard, previous } = options;
    const root = inputRoot(files);
    // Every shard reads every file: the output names of colliding slugs depend on all accounts.
    this.budget = { bytes: options.preloadBudgetBytes ?? PRELOAD_BUDGET_BYTES };
    this.inputs = files
      .map((file) => {
        const key = sourceKey(file, root);
        const inShard = !shard || shard.count === 1 || shardOf(key, shard.count) === shard.index;
        return { file, key, inShard };
      })
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    this.shardSize = this.inputs.filter((item) => item.inShard).length;
    for (const folder of options.unreadableFolders ?? []) {
      if (shard && shard.count > 1 && shardOf(sourceKey(folder.path, root), shard.count) !== shard.index)
        continue;
      const message = `${folder.path} — ${folder.message}`;
      this.plan.failures.push({
        entry: failedEntry(toPosix(folder.path), message),
        reason: { message, oneLine: message },
        cause: undefined,
      });
    }
    this.previousBySource = new Map(previous?.accounts.map((entry) => [entry.source, entry]));
    this.hashOfRun = runHash(settings);
    // An encrypted PDF cannot be compared with the password of the last run without storing it.
    this.incremental = !options.force && !settings.render.pdfUserPassword && !settings.pdfPasswordPerAccount;
  }

  get done(): boolean {
    return this.next >= this.inputs.length;
  }

  /** Reads up to `count` more files; returns the jobs that are final already. */
  step(count: number): RenderJob[] {
    const ready: RenderJob[] = [];
    const end = Math.min(this.inputs.length, this.next + count);
    for (; this.next < end; this.next++) {
      const { file, key, inShard } = this.inputs[this.next]!;
      const input = readInput(
        file,
        key,
        this.options.index,
        inShard ? this.budget : { bytes: -1 },
        this.options.settings,
      );
      if (!input.facts || !input.sha256) {
        if (inShard) this.fail(input);
        continue;
      }
      const slug = input.facts.slug;
      this.claims.push({ key, slug });
      if (this.claimed.has(slug)) {
        if (inShard) this.waiting.push(input);
        continue;
      }
      this.claimed.add(slug);
      const job = inShard ? this.decide(input, { slug }) : undefined;
      if (job) ready.push(job);
    }
    return ready;
  }

  /** Reads what is left and names the accounts whose slug was taken; returns their jobs. */
  finish(): RenderJob[] {
    const ready = this.step(Number.POSITIVE_INFINITY);
    const slugs = assignSlugs(this.claims);
    for (const input of this.waiting) {
      const job = this.decide(input, slugs.get(input.key)!);
      if (job) ready.push(job);
    }
    this.waiting.length = 0;
    return ready;
  }

  private fail(input: ReadInput): void {
    const source = toPosix(input.file);
    const reason = describeFailure(input.file, input.error);
    this.plan.failures.push({ entry: failedEntry(source, reason.message), reason, cause: input.error });
  }

  /** A job for the account, or undefined when its previous output is reused. */
  private decide(input: ReadInput, { slug, renamedFrom }: AssignedSlug): RenderJob | undefined {
    const { settings } = this.options;
    const facts = input.facts!;
    const source = toPosix(input.file);
    if (renamedFrom) this.plan.collisions.push({ source, slug, renamedFrom });
    const inputHash = accountInputHash({
      runHash: this.hashOfRun,
      asOf: settings.asOf ?? facts.reviewAsOf ?? settings.today,
      slug,
      accountSha256: input.sha256!,
      logoSha256: logoHash(input.file, facts.logo, settings.allowOutsideAssets),
    });
    const previousEntry = this.previousBySource.get(source);
    if (this.incremental && reusable(previousEntry, inputHash, settings.outDir)) {
      this.plan.reused.push({
        ...previousEntry!,
        status: previousEntry!.status === "filtered" ? "filtered" : "skipped-unchanged",
      });
      return undefined;
    }
    const job: RenderJob = {
      source: input.file,
      slug,
      ...(renamedFrom ? { renamedFrom } : {}),
      inputHash,
      facts,
      ...(input.loaded ? { loaded: input.loaded } : {}),
    };
    this.plan.jobs.push(job);
    return job;
  }
}

/** The whole plan at once (re-runs, single files, tests). */
export function planBatch(files: readonly string[], options: PlanOptions): BatchPlan {
  const planner = new BatchPlanner(files, options);
  planner.finish();
  return planner.plan;
}
