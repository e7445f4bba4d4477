import { createHash } from "node:crypto";
import path from "node:path";
import { UsageError } from "../errors.js";

/**
 * `--shard K/N`: this process renders only the accounts whose key hashes to K. The key is the
 * account file's path relative to the deepest folder holding every input file, with "/" as the
 * separator, so that the same command run from another working directory, with absolute paths or
 * on another machine (a Kubernetes pod, a CI matrix job) puts every account in the same shard.
 */
export interface Shard {
  /** 1-based, as written on the command line. */
  index: number;
  count: number;
}

export function parseShard(value: string | undefined): Shard | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) {
    throw new UsageError(`--shard ${value}: expected K/N with 1 ≤ K ≤ N, e.g. --shard 2/4`);
  }
  return { index, count };
}

export function formatShard(shard: Shard): string {
  return `${shard.index}/${shard.count}`;
}

/** The deepest folder that contains every file (the input root the shard keys are relative to). */
export function inputRoot(files: readonly string[]): string {
  if (files.length === 0) return process.cwd();
  const dirs = files.map((file) => path.dirname(path.resolve(file)).split(path.sep));
  const common = [...dirs[0]!];
  for (const parts of dirs.slice(1)) {
    let same = 0;
    while (same < common.length && same < parts.length && common[same] === parts[same]) same++;
    common.length = same;
  }
  return common.join(path.sep) || path.sep;
}

/** The shard key of a file: its path relative to the input root, "/"-separated. */
export function sourceKey(file: string, root: string): string {
  return path.relative(root, path.resolve(file)).split(path.sep).join("/");
}

/** Which shard (1-based) a key belongs to: the first 48 bits of its sha256, modulo N. */
export function shardOf(key: string, count: number): number {
  const digest = createHash("sha256").update(key, "utf8").digest();
  return (digest.readUIntBE(0, 6) % count) + 1;
}
