import { execFileSync } from "node:child_process";
import { appendFileSync, existsSync, readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { PORTFOLIO_CSV_COLUMNS } from "../src/batch/portfolio-csv.js";
import type { Manifest } from "../src/batch/manifest.js";
import { csvRecords, makeAccountsDir, readJson, sha256File, tempDir, tempFilesIn } from "./helpers/batch.js";
import { qbr, type CliResult } from "./helpers/cli.js";
import { hasTool } from "./helpers/tools.js";

/**
 * `qbr generate` over a folder of accounts, one of them broken: exit code, the one-line failure,
 * every other deck written, the manifest, the portfolio summary, and incremental re-runs.
 */
const work = tempDir("qbr-batch-");
const accounts = makeAccountsDir(work);
const out = path.join(work, "out");
const AS_OF = "2025-10-31";
const generate = (...extra: string[]) =>
  qbr(["generate", accounts.dir, "-o", out, "-f", "pdf", "--as-of", AS_OF, "--concurrency", "2", ...extra]);
const manifest = () => readJson<Manifest>(path.join(out, "manifest.json"));
const written = () => manifest().accounts.filter((entry) => entry.status !== "failed");
const mtimes = () =>
  Object.fromEntries(
    written().flatMap((entry) =>
      entry.files.map((file) => [file.path, statSync(path.join(out, file.path)).mtimeMs]),
    ),
  );

let first: CliResult;
beforeAll(() => {
  first = generate();
}, 120_000);

describe("qbr generate over a folder with a broken account", () => {
  it("exits 1, reports the broken file on one line and writes every other account", () => {
    expect(first.code).toBe(1);
    expect(first.stderr).not.toMatch(/\n\s+at /);
    const failures = first.stderr.split("\n").filter((line) => line.startsWith("failed: "));
    expect(failures).toHaveLength(1);
    expect(failures[0]).toContain("broken.yaml");
    expect(failures[0]).toContain("contract.arr");
    expect(written()).toHaveLength(accounts.valid.length);
    expect(first.stdout).toContain(`for ${accounts.valid.length} accounts`);
    expect(first.stdout).toContain(`Manifest: ${path.join(out, "manifest.json")}`);
    expect(first.stdout).toMatch(/Portfolio: .*portfolio-internal\.csv, .*portfolio-internal\.pdf/);
    expect(tempFilesIn(out)).toEqual([]);
  });

  it("writes a manifest with every account, its files, hashes and figures", () => {
    const data = manifest();
    expect(data).toMatchObject({ tool: "qbr-deck", generatedAt: AS_OF });
    expect(data.settings).toMatchObject({ formats: ["pdf"], audiences: ["internal"], asOf: AS_OF });
    expect(JSON.stringify(data)).not.toMatch(/password"\s*:/i);
    expect(data.accounts.map((entry) => path.basename(entry.source))).toEqual(
      [...accounts.valid, accounts.broken].sort(),
    );
    for (const entry of written()) {
      expect(entry.status).toBe("written");
      expect(entry.riskLevel).toMatch(/^(high|medium|low)$/);
      expect(entry.inputHash).toMatch(/^[0-9a-f]{64}$/);
      expect(entry.daysToRenewal).toBeTypeOf("number");
      expect(entry.files).toHaveLength(1);
      const [file] = entry.files;
      expect(file!.path).toBe(`${entry.slug}-qbr-internal.pdf`);
      expect(file!.bytes).toBe(statSync(path.join(out, file!.path)).size);
      expect(file!.sha256).toBe(sha256File(path.join(out, file!.path)));
    }
    const broken = data.accounts.find((entry) => entry.source.endsWith(accounts.broken))!;
    expect(broken).toMatchObject({ status: "failed", files: [], riskLevel: null });
    expect(broken.error).toContain("contract.arr");
    const noLogo = data.accounts.find((entry) => entry.source.endsWith("no-logo.yaml"))!;
    expect(noLogo).toMatchObject({ status: "written", slug: "nologo-1" });
  });

  it("writes portfolio-internal.csv with one row per account, ranked by renewal date", () => {
    const rows = csvRecords(readFileSync(path.join(out, "portfolio-internal.csv"), "utf8"));
    expect(Object.keys(rows[0]!)).toEqual([...PORTFOLIO_CSV_COLUMNS]);
    expect(rows).toHaveLength(accounts.valid.length);
    expect(rows.map((row) => row.rank)).toEqual(rows.map((_, index) => String(index + 1)));
    const renewals = rows.map((row) => row.renewal!);
    expect(renewals).toEqual([...renewals].sort());
    for (const row of written()) {
      const csv = rows.find((candidate) => candidate.source === row.source)!;
      expect(csv).toMatchObject({
        name: row.account!.name,
        arr: String(row.arr),
        currency: row.currency,
        risk_level: row.riskLevel,
        days_to_renewal: String(row.daysToRenewal),
        watermelon: row.watermelon ? "yes" : "no",
        goals_total: String(row.goals!.total),
      });
    }
    expect(rows.some((row) => row.watermelon === "yes")).toBe(true);
  });

  it.skipIf(!hasTool("pdfinfo") || !hasTool("pdftotext"))(
    "writes a portfolio PDF with the overview, the watermelons, the ranking and the failures",
    () => {
      const file = path.join(out, "portfolio-internal.pdf");
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [file], { encoding: "utf8" }))![1]);
      expect(pages).toBeGreaterThanOrEqual(5);
      const text = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" });
      for (const expected of ["Renewal portfolio", "ARR at risk", "Watermelon accounts", "broken.yaml"]) {
        expect(text).toContain(expected);
      }
      for (const entry of written()) expect(text).toContain(entry.account!.name.split(" ")[0]);
    },
  );
});

describe("incremental re-runs", () => {
  it("skips every unchanged account and rewrites none of its files", () => {
    const before = mtimes();
    const again = generate();
    expect(again.code).toBe(1);
    expect(again.stdout).toContain(`Skipped ${accounts.valid.length} unchanged accounts`);
    expect(again.stdout).not.toContain("Wrote");
    expect(mtimes()).toEqual(before);
    expect(written().every((entry) => entry.status === "skipped-unchanged")).toBe(true);
  });

  it("renders again only the account whose file changed, or whose deck is gone", () => {
    const [changed, deleted] = written();
    appendFileSync(changed!.source, "\n# edited\n");
    rmSync(path.join(out, deleted!.files[0]!.path));
    const again = generate();
    expect(again.stdout).toContain("Wrote 2 files for 2 accounts");
    expect(again.stdout).toContain(`Skipped ${accounts.valid.length - 2} unchanged accounts`);
    expect(existsSync(path.join(out, deleted!.files[0]!.path))).toBe(true);
    const statuses = Object.fromEntries(written().map((entry) => [entry.source, entry.status]));
    expect(statuses[changed!.source]).toBe("written");
    expect(statuses[deleted!.source]).toBe("written");
  });

  it("renders every account again with --force", () => {
    const again = generate("--force");
    expect(again.stdout).toContain(
      `Wrote ${accounts.valid.length} files for ${accounts.valid.length} accounts`,
    );
    expect(again.stdout).not.toContain("Skipped");
  });
});
