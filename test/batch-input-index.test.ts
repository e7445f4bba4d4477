import { copyFileSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generate } from "../src/index.js";
import { SAMPLES_DIR } from "./helpers/accounts.js";
import { tempDir } from "./helpers/batch.js";

/**
 * The input index (batch/input-index.ts) lets a re-run take an unchanged file's facts without
 * parsing it. It must keep doing so on every later run, not only the one after a parse: a file
 * found in the index is recorded again, or the next run's index forgets it.
 */

function indexedFiles(outDir: string): string[] {
  const index = JSON.parse(readFileSync(path.join(outDir, ".qbr-input-index-manifest.json"), "utf8"));
  return Object.keys(index.entries).map((file) => path.basename(file));
}

describe("the input index over three runs", () => {
  it("keeps every unchanged account, so the 2nd and 3rd runs both skip it without parsing", async () => {
    const root = tempDir("qbr-index-");
    const account = path.join(root, "northwind.yaml");
    copyFileSync(path.join(SAMPLES_DIR, "northwind-logistics.yaml"), account);
    const outDir = path.join(root, "out");
    const options = { outDir, formats: ["pdf"] as const, today: "2025-10-31" };
    const statuses: string[] = [];
    const indexes: string[][] = [];
    for (let run = 0; run < 3; run++) {
      const result = await generate([account], options);
      statuses.push(result.manifest.accounts[0]!.status);
      indexes.push(indexedFiles(outDir));
    }
    expect(statuses).toEqual(["written", "skipped-unchanged", "skipped-unchanged"]);
    expect(indexes).toEqual([["northwind.yaml"], ["northwind.yaml"], ["northwind.yaml"]]);
  }, 120_000);
});
