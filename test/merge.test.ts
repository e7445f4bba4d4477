import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import type { Manifest } from "../src/batch/manifest.js";
import { csvRecords, makeAccountsDir, readJson, sha256File, tempDir } from "./helpers/batch.js";
import { qbr } from "./helpers/cli.js";
import { hasTool } from "./helpers/tools.js";

/**
 * A run split in two with --shard into one shared folder (as a Kubernetes Indexed Job writing to
 * one volume would), then joined with qbr merge-manifests, in place and into another folder.
 */
const work = tempDir("qbr-merge-");
const accounts = makeAccountsDir(work);
const shared = path.join(work, "shared");
const AS_OF = "2025-10-31";
const shardRun = (index: number) =>
  qbr([
    "generate",
    accounts.dir,
    "-o",
    shared,
    "-f",
    "pdf,pptx",
    "--as-of",
    AS_OF,
    "--shard",
    `${index}/2`,
    "--concurrency",
    "1",
  ]);
const shardManifest = (index: number) =>
  readJson<Manifest>(path.join(shared, `manifest-shard-${index}-of-2.json`));

let shardCodes: (number | null)[];
beforeAll(() => {
  shardCodes = [shardRun(1).code, shardRun(2).code];
}, 180_000);

describe("sharded runs", () => {
  it("write one manifest per shard, together holding every account exactly once, and no portfolio", () => {
    expect(shardCodes).toContain(1); // the shard that holds broken.yaml
    const sources = [1, 2].flatMap((index) => shardManifest(index).accounts.map((entry) => entry.source));
    expect(sources.map((source) => path.basename(source)).sort()).toEqual(
      [...accounts.valid, accounts.broken].sort(),
    );
    expect(shardManifest(1).settings.shard).toBe("1/2");
    expect(existsSync(path.join(shared, "portfolio-internal.csv"))).toBe(false);
  });
});

describe("qbr merge-manifests", () => {
  it("joins the shards in place: every account, the same file records, a portfolio", () => {
    const result = qbr(["merge-manifests", shared, "-o", shared]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^failed: .*broken\.yaml/m);
    expect(result.stdout).toContain(`${accounts.valid.length + 1} accounts`);
    const merged = readJson<Manifest>(path.join(shared, "manifest.json"));
    const parts = [1, 2].flatMap((index) => shardManifest(index).accounts);
    expect(merged.accounts).toHaveLength(parts.length);
    for (const entry of parts) {
      expect(merged.accounts.find((candidate) => candidate.source === entry.source)).toEqual(entry);
    }
    expect(merged.settings.shard).toBeNull();
    expect(merged.generatedAt).toBe(AS_OF);
    const rows = csvRecords(readFileSync(path.join(shared, "portfolio-internal.csv"), "utf8"));
    expect(rows).toHaveLength(accounts.valid.length);
  });

  it("rewrites file paths relative to another output folder without copying decks", async () => {
    const elsewhere = path.join(work, "reports", "merged");
    const result = qbr([
      "merge-manifests",
      path.join(shared, "manifest-shard-1-of-2.json"),
      path.join(shared, "manifest-shard-2-of-2.json"),
      "-o",
      elsewhere,
    ]);
    expect(result.code).toBe(1);
    const merged = readJson<Manifest>(path.join(elsewhere, "manifest.json"));
    const files = merged.accounts.flatMap((entry) => entry.files);
    expect(files.length).toBe(accounts.valid.length * 2);
    for (const file of files) {
      expect(file.path.startsWith("../../shared/"), file.path).toBe(true);
      expect(sha256File(path.join(elsewhere, file.path))).toBe(file.sha256);
    }
    const zip = await JSZip.loadAsync(readFileSync(path.join(elsewhere, "portfolio-internal.pptx")));
    const slides = Object.keys(zip.files).filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name));
    expect(slides.length).toBeGreaterThanOrEqual(5);
    if (hasTool("pdfinfo")) {
      const info = execFileSync("pdfinfo", [path.join(elsewhere, "portfolio-internal.pdf")], {
        encoding: "utf8",
      });
      expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBe(slides.length);
    }
  });

  it("warns when a shard is missing", () => {
    const result = qbr([
      "merge-manifests",
      path.join(shared, "manifest-shard-1-of-2.json"),
      "-o",
      path.join(work, "partial"),
    ]);
    expect(result.stderr).toContain("shard 2/2 missing");
  });

  it("refuses a folder without a manifest (exit 2)", () => {
    const result = qbr(["merge-manifests", accounts.dir, "-o", path.join(work, "none")]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("no manifest.json");
  });
});
