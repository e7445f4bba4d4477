import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { GenerateSettings } from "../src/batch/generate-account.js";
import { InputIndex } from "../src/batch/input-index.js";
import { planBatch } from "../src/batch/plan.js";
import { inputRoot, parseShard, shardOf, sourceKey } from "../src/batch/shard.js";
import { UsageError } from "../src/errors.js";
import { pdfBatchSettings, SAMPLE_FILES, sampleWithId, tempDir } from "./helpers/batch.js";

/** --shard K/N: a stable, complete and disjoint split of the accounts, whatever the working directory. */

const work = tempDir("qbr-shard-");
const accountsDir = path.join(work, "accounts");
const files: string[] = [];
for (let index = 0; index < 24; index++) {
  const folder = path.join(accountsDir, index % 3 === 0 ? "emea" : "amer");
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, `account-${String(index).padStart(2, "0")}.yaml`);
  // Two accounts share an id, so the collision suffix must not depend on the shard.
  const id = index === 7 || index === 20 ? "SAME-ID" : `ACC-${index}`;
  writeFileSync(file, sampleWithId(SAMPLE_FILES[index % SAMPLE_FILES.length]!, id));
  files.push(file);
}
files.sort();

const settings: GenerateSettings = pdfBatchSettings(path.join(work, "out"));

function plan(shard?: { index: number; count: number }, inputs: string[] = files) {
  return planBatch(inputs, {
    settings,
    shard,
    force: false,
    previous: null,
    index: InputIndex.load("/nonexistent"),
  });
}

describe("parseShard", () => {
  it("reads K/N and refuses anything else", () => {
    expect(parseShard("2/4")).toEqual({ index: 2, count: 4 });
    expect(parseShard(undefined)).toBeUndefined();
    for (const bad of ["0/4", "5/4", "1/0", "1", "a/b", "1/2/3", "-1/2"]) {
      expect(() => parseShard(bad), bad).toThrow(UsageError);
    }
  });
});

describe("shard keys", () => {
  it("are paths relative to the deepest common folder, the same from any working directory", () => {
    const root = inputRoot(files);
    expect(root).toBe(accountsDir);
    const relative = files.map((file) => path.relative(process.cwd(), file));
    expect(relative.map((file) => sourceKey(file, inputRoot(relative)))).toEqual(
      files.map((file) => sourceKey(file, root)),
    );
    expect(sourceKey(files[0]!, root)).toBe("amer/account-01.yaml");
  });

  it("hash to a fixed shard (pinned, so a release cannot silently reshuffle running job arrays)", () => {
    expect([1, 2, 3, 4].map((count) => shardOf("amer/account-01.yaml", count))).toEqual([1, 1, 1, 3]);
  });
});

describe("planBatch with --shard", () => {
  const all = plan();
  const sourcesOf = (result: ReturnType<typeof plan>) => result.jobs.map((job) => job.source);

  it("puts every account in exactly one shard for N = 1..4", () => {
    for (let count = 1; count <= 4; count++) {
      const shards = Array.from({ length: count }, (_, index) =>
        sourcesOf(plan({ index: index + 1, count })),
      );
      expect(shards.flat().sort(), `N=${count}`).toEqual(sourcesOf(all).sort());
      expect(new Set(shards.flat()).size, `N=${count}`).toBe(files.length);
      if (count > 1) for (const shard of shards) expect(shard.length, `N=${count}`).toBeGreaterThan(0);
    }
  });

  it("names colliding accounts the same way in every shard as in one run", () => {
    const names = new Map(all.jobs.map((job) => [job.source, job.slug]));
    expect([...names.values()].filter((slug) => slug.startsWith("same-id")).sort()).toEqual([
      "same-id",
      "same-id-2",
    ]);
    for (let index = 1; index <= 3; index++) {
      for (const job of plan({ index, count: 3 }).jobs)
        expect(job.slug, job.source).toBe(names.get(job.source));
    }
  });
});

describe("planBatch hands the parsed accounts to the workers", () => {
  it("keeps the parsed account and its hash for each job of this shard, and none from the index", () => {
    const shard = plan({ index: 1, count: 2 });
    expect(shard.jobs.length).toBeGreaterThan(0);
    for (const job of shard.jobs) {
      expect(job.loaded?.account.account.name, job.source).toBe(job.facts.name);
      expect(job.loaded?.sha256, job.source).toMatch(/^[0-9a-f]{64}$/);
    }
    const index = InputIndex.load("/nonexistent");
    const first = planBatch(files, { settings, force: false, previous: null, index });
    expect(first.jobs.every((job) => job.loaded !== undefined)).toBe(true);
    const indexFile = path.join(work, "index.json");
    index.save(indexFile);
    const reloaded = InputIndex.load(indexFile);
    const second = planBatch(files, { settings, force: true, previous: null, index: reloaded });
    expect(second.jobs.every((job) => job.loaded === undefined)).toBe(true);
  });
});
