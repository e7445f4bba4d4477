import { execFileSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  failedEntry,
  manifestSettings,
  newManifest,
  readManifest,
  readPreviousManifest,
  writeManifest,
  type ManifestAccount,
} from "../src/batch/manifest.js";
import { riskSummaryFile } from "../src/batch/risk-summary.js";
import { csvRecords, makeAccountsDir, pdfBatchSettings, readJson, tempDir } from "./helpers/batch.js";
import { qbr } from "./helpers/cli.js";
import { folderContents, internalMarkers } from "./helpers/scan.js";
import { missingTools, skipReason } from "./helpers/tools.js";

/**
 * The audience rule for output folders (SPEC §7): a run without the internal audience writes no
 * findings, risk levels, signals or internal notes into any file whose name does not say
 * `internal` — checked on every byte of every file a recipient of the folder would get.
 */
const work = tempDir("qbr-audience-");
const accounts = makeAccountsDir(work);
/** Two samples, one in each of two shards: enough for a portfolio, quicker than all of them. */
const pair = path.join(work, "pair");
mkdirSync(pair);
for (const name of ["kestrel-analytik.yaml", "northwind-logistics.yaml"]) {
  copyFileSync(path.join(accounts.dir, name), path.join(pair, name));
}
const AS_OF = "2025-10-31";
const customerRun = (out: string, ...extra: string[]) => customerRunOf(accounts.dir, out, ...extra);
const customerRunOf = (input: string, out: string, ...extra: string[]) =>
  qbr([
    "generate",
    input,
    "-o",
    out,
    "--audience",
    "customer",
    "--as-of",
    AS_OF,
    "--concurrency",
    "2",
    ...extra,
  ]);
const markers = internalMarkers();

/** Files whose name does not say `internal` but that hold an internal marker, with the markers. */
async function leaks(dir: string, password?: string): Promise<Record<string, string[]>> {
  const found: Record<string, string[]> = {};
  for (const { name, content } of await folderContents(dir, password)) {
    if (name.includes("internal")) continue;
    const hits = markers.filter((marker) => content.includes(marker));
    if (hits.length > 0) found[name] = hits;
  }
  return found;
}

describe("the manifest of a run without the internal audience", () => {
  const settings = { ...pdfBatchSettings("out"), audiences: ["customer" as const] };
  const written: ManifestAccount = {
    ...failedEntry("a.yaml", "unused"),
    status: "written",
    account: { id: "A-1", name: "A" },
    riskLevel: "high",
    topFinding: "A goal is behind plan",
    watermelon: true,
    riskScore: 80,
    sponsor: "out-of-contact",
    error: undefined,
  };
  delete written.error;
  const manifest = newManifest("2025-10-31", manifestSettings(settings, undefined), [
    written,
    failedEntry("b.yaml", "b.yaml — broken"),
  ]);

  it("is written in two parts and read back whole", () => {
    const file = path.join(tempDir("qbr-split-"), "manifest.json");
    writeManifest(file, manifest);
    expect(readFileSync(file, "utf8")).not.toMatch(/riskLevel|topFinding|watermelon|riskScore|sponsor/);
    expect(readJson(riskSummaryFile(file)).accounts[0]).toMatchObject({
      source: "a.yaml",
      riskLevel: "high",
      riskScore: 80,
      sponsor: "out-of-contact",
    });
    expect(readManifest(file)).toEqual(manifest);
  });

  it("is not used without its risk summary: the next run renders again, a merge says what is missing", () => {
    const file = path.join(tempDir("qbr-split-"), "manifest.json");
    writeManifest(file, manifest);
    rmSync(riskSummaryFile(file));
    expect(readPreviousManifest(file)).toBeNull();
    expect(() => readManifest(file)).toThrow(/manifest-internal\.json, which is missing or unreadable/);
  });

  it("gives way to one holding the fields itself, which removes the old summary", () => {
    const file = path.join(tempDir("qbr-split-"), "manifest.json");
    writeManifest(file, manifest);
    writeManifest(file, manifest, { riskInline: true });
    expect(existsSync(riskSummaryFile(file))).toBe(false);
    expect(readJson(file).accounts[0].riskLevel).toBe("high");
    expect(readManifest(file)).toEqual(manifest);
  });
});

const tools = missingTools("qpdf", "pdftotext");
describe.skipIf(tools.length > 0)(`a customer-only run${skipReason(tools)}`, () => {
  const out = path.join(work, "customer");
  let first: ReturnType<typeof qbr>;
  beforeAll(() => {
    first = customerRun(out, "-f", "pptx,pdf,html", "--kind", "qbr,renewal");
  }, 240_000);

  it("leaves no finding, risk level, signal or internal note in any file not named internal, hidden ones included", async () => {
    expect(first.code).toBe(1); // broken.yaml
    const names = readdirSync(out);
    expect(names).toEqual(expect.arrayContaining([".qbr-input-index-manifest.json", "manifest.json"]));
    expect(names).toEqual(expect.arrayContaining(["nw-1042-qbr.html", "nw-1042-renewal.html"]));
    expect(await leaks(out)).toEqual({});
  }, 120_000);

  it("keeps the risk data in files named internal: the risk summary and the portfolio", async () => {
    expect(first.stdout).toContain("risk levels and findings in manifest-internal.json");
    const manifest = readJson(path.join(out, "manifest.json"));
    expect(manifest.accounts[0]).not.toHaveProperty("riskLevel");
    const summary = readJson(path.join(out, "manifest-internal.json"));
    expect(summary.accounts.map((entry: { riskLevel: string | null }) => entry.riskLevel)).toContain("high");
    const rows = csvRecords(readFileSync(path.join(out, "portfolio-internal.csv"), "utf8"));
    expect(rows).toHaveLength(accounts.valid.length);
    expect(rows.every((row) => ["high", "medium", "low"].includes(row.risk_level!))).toBe(true);
    expect(
      readdirSync(out)
        .filter((name) => name.startsWith("portfolio"))
        .sort(),
    ).toEqual([
      "portfolio-internal.csv",
      "portfolio-internal.html",
      "portfolio-internal.pdf",
      "portfolio-internal.pptx",
    ]);
  });

  it("re-runs incrementally from the split manifest, with the same portfolio", async () => {
    const csv = readFileSync(path.join(out, "portfolio-internal.csv"), "utf8");
    const again = customerRun(out, "-f", "pptx,pdf,html", "--kind", "qbr,renewal");
    expect(again.stdout).toContain(`Skipped ${accounts.valid.length} unchanged accounts`);
    expect(readFileSync(path.join(out, "portfolio-internal.csv"), "utf8")).toBe(csv);
    expect(await leaks(out)).toEqual({});
  }, 240_000);
});

describe.skipIf(tools.length > 0)(`a customer-only run with a PDF password${skipReason(tools)}`, () => {
  it("encrypts every PDF, and leaves no internal data in any file not named internal", async () => {
    const out = path.join(work, "password");
    const passwordFile = path.join(work, "password.txt");
    writeFileSync(passwordFile, "s3cret-for-tests\n");
    const result = customerRunOf(pair, out, "-f", "pdf,pptx", "--pdf-password-file", passwordFile);
    expect(result.code).toBe(0);
    for (const name of readdirSync(out).filter((file) => file.endsWith(".pdf"))) {
      // qpdf --is-encrypted exits 0 for an encrypted file.
      expect(() => execFileSync("qpdf", ["--is-encrypted", path.join(out, name)]), name).not.toThrow();
    }
    expect(readdirSync(out)).toContain("portfolio-internal.pptx");
    expect(await leaks(out, "s3cret-for-tests")).toEqual({});
  }, 240_000);
});

describe("qbr merge-manifests over customer-only shards", () => {
  it("joins split manifests (and a split one with an internal one), keeping the risk data in internal files", async () => {
    const shared = path.join(work, "shards");
    const shard = (index: number, audience: string) =>
      qbr([
        "generate",
        pair,
        "-o",
        shared,
        "-f",
        "pdf",
        "--audience",
        audience,
        "--as-of",
        AS_OF,
        "--shard",
        `${index}/2`,
        "--concurrency",
        "1",
      ]);
    shard(1, "customer");
    shard(2, "customer");
    expect(existsSync(path.join(shared, "manifest-shard-1-of-2-internal.json"))).toBe(true);
    const merged = qbr(["merge-manifests", shared, "-o", shared]);
    expect(merged.code).toBe(0);
    const rows = csvRecords(readFileSync(path.join(shared, "portfolio-internal.csv"), "utf8"));
    expect(rows).toHaveLength(2);
    expect(rows.map((row) => row.risk_level)).not.toContain("");
    expect(readJson(path.join(shared, "manifest.json")).accounts[0]).not.toHaveProperty("riskLevel");
    if (tools.length === 0) expect(await leaks(shared)).toEqual({});

    // One shard again with the internal audience: its manifest holds the fields itself.
    shard(2, "internal");
    expect(existsSync(path.join(shared, "manifest-shard-2-of-2-internal.json"))).toBe(false);
    const mixed = qbr(["merge-manifests", shared, "-o", path.join(work, "mixed")]);
    expect(mixed.stderr).toContain("different settings");
    const mixedRows = csvRecords(readFileSync(path.join(work, "mixed", "portfolio-internal.csv"), "utf8"));
    expect(mixedRows.map((row) => row.risk_level)).not.toContain("");
    expect(existsSync(path.join(work, "mixed", "manifest-internal.json"))).toBe(true);

    rmSync(path.join(shared, "manifest-shard-1-of-2-internal.json"));
    const missing = qbr(["merge-manifests", shared, "-o", shared]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/manifest-shard-1-of-2-internal\.json, which is missing.*put it back/);
    expect(missing.stderr).not.toContain("internal error");
  }, 300_000);
});
