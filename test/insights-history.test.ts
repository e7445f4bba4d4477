import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { discoverAccountFiles, SKIP_MARKER } from "../src/io/discover.js";
import { ROOT, SAMPLES_DIR } from "./helpers/accounts.js";
import { tempDir } from "./helpers/batch.js";
import { qbrIn } from "./helpers/cli.js";

/** samples/history (scripts/make-history.mjs): past renewals with outcomes, for `qbr insights`. */

const HISTORY = path.join(SAMPLES_DIR, "history");
const yamlIn = (dir: string) =>
  readdirSync(dir)
    .filter((name) => name.endsWith(".yaml"))
    .sort();

describe("samples/history", () => {
  it("is what scripts/make-history.mjs writes: deterministic, byte for byte", () => {
    const out = tempDir("qbr-history-");
    const run = spawnSync(process.execPath, [path.join(ROOT, "scripts/make-history.mjs"), "--out", out], {
      encoding: "utf8",
    });
    expect(run.status).toBe(0);
    expect(yamlIn(out)).toEqual(yamlIn(HISTORY));
    for (const name of [...yamlIn(HISTORY), SKIP_MARKER]) {
      expect(readFileSync(path.join(out, name), "utf8"), name).toBe(
        readFileSync(path.join(HISTORY, name), "utf8"),
      );
    }
  });

  it("gives qbr insights a sample that is not small and not perfect: some rules help, some do not", async () => {
    const out = tempDir("qbr-history-insights-");
    const result = await qbrIn(["insights", HISTORY, "--json", "-o", out]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const insights = JSON.parse(result.stdout);
    expect(insights.withOutcome).toBeGreaterThanOrEqual(24);
    expect(insights.lost).toBeGreaterThanOrEqual(5);
    expect(insights.kept).toBeGreaterThanOrEqual(5);
    expect(insights.smallSample).toBe(false);
    const lifts = insights.rules
      .map((rule: { lift: number | null }) => rule.lift)
      .filter((lift: number | null) => lift !== null);
    expect(Math.max(...lifts)).toBeGreaterThan(1.3);
    expect(Math.min(...lifts)).toBeLessThan(1);
    expect(insights.riskScoreAuc).toBeGreaterThan(0.5);
    expect(insights.riskScoreAuc).toBeLessThan(0.95);
  });
});

describe("a folder holding .qbr-skip", () => {
  it("is left out of a search from above and read when named: qbr generate samples has 4 accounts", async () => {
    const samples = await discoverAccountFiles([SAMPLES_DIR]);
    expect(samples.files.map((file) => path.basename(file))).toEqual(yamlIn(SAMPLES_DIR));
    expect((await discoverAccountFiles([HISTORY])).files).toHaveLength(yamlIn(HISTORY).length);
    expect((await discoverAccountFiles([`${SAMPLES_DIR}/**/*.yaml`])).files).toHaveLength(
      yamlIn(SAMPLES_DIR).length,
    );
  });

  it("applies to any folder below the one named, however deep", async () => {
    const root = tempDir("qbr-skip-");
    const deep = path.join(root, "a", "old");
    mkdirSync(deep, { recursive: true });
    const account = readFileSync(path.join(SAMPLES_DIR, "northwind-logistics.yaml"));
    writeFileSync(path.join(root, "a", "one.yaml"), account);
    writeFileSync(path.join(deep, "two.yaml"), account);
    writeFileSync(path.join(deep, SKIP_MARKER), "");
    expect((await discoverAccountFiles([root])).files.map((file) => path.basename(file))).toEqual([
      "one.yaml",
    ]);
    expect((await discoverAccountFiles([deep])).files.map((file) => path.basename(file))).toEqual([
      "two.yaml",
    ]);
  });
});
