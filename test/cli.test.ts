import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { SAMPLES_DIR } from "./helpers/accounts.js";
import { CLI, qbr, qbrIn } from "./helpers/cli.js";

const tmp = () => mkdtempSync(path.join(os.tmpdir(), "qbr-cli-"));
const northwind = path.join(SAMPLES_DIR, "northwind-logistics.yaml");

describe("qbr --help and usage errors", () => {
  it("lists the commands and exits 0", () => {
    const result = qbr(["--help"]);
    expect(result.code).toBe(0);
    for (const command of ["validate", "analyze", "schema", "init"]) expect(result.stdout).toContain(command);
  });
  it("exits 2 on an unknown command or option, without a stack trace", () => {
    for (const args of [["frobnicate"], ["analyze", northwind, "--bogus"], ["analyze"]]) {
      const result = qbr(args);
      expect(result.code).toBe(2);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });
  it("exits 2 on a bad --as-of", async () => {
    const result = await qbrIn(["analyze", northwind, "--as-of", "2025-02-30"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--as-of 2025-02-30: expected a date written YYYY-MM-DD");
  });
});

describe("qbr validate", () => {
  it("exits 0 for the samples folder", async () => {
    const result = await qbrIn(["validate", SAMPLES_DIR]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/\d+ files: valid/);
  });
  it("prints one located line per problem and exits 2", async () => {
    const dir = tmp();
    const file = path.join(dir, "bad.yaml");
    writeFileSync(
      file,
      readFileSync(northwind, "utf8").replace("arr: 240000", "arr: -1").replace("value: 820", 'value: "ten"'),
    );
    const result = await qbrIn(["validate", file]);
    expect(result.code).toBe(2);
    const lines = result.stderr.trim().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      new RegExp(
        `^${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:\\d+:\\d+ contract\\.arr — expected an ARR greater than 0$`,
      ),
    );
    expect(lines[1]).toMatch(/:\d+:\d+ goals\[0\]\.actuals\[2\]\.value — expected a number, got "ten"$/);
  });
  it("reports a missing file and a folder without account files", async () => {
    const missing = await qbrIn(["validate", "no/such/file.yaml"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("no/such/file.yaml — file not found");
    const empty = await qbrIn(["validate", tmp()]);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain("no account files");
  });
  it("shows a stack trace only with --debug", () => {
    const dir = tmp();
    const file = path.join(dir, "list.yaml");
    writeFileSync(file, "- 1\n");
    expect(qbr(["analyze", file]).stderr).not.toMatch(/\n\s+at /);
    expect(qbr(["analyze", file, "--debug"]).stderr).toMatch(/\n\s+at /);
  });
});

describe("qbr analyze", () => {
  it("prints exactly the SPEC §4 object with --json", async () => {
    const result = await qbrIn(["analyze", northwind, "--json"]);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(Object.keys(json)).toEqual([
      "account",
      "asOf",
      "renewal",
      "riskLevel",
      "riskScore",
      "valueRealization",
      "goals",
      "findings",
    ]);
    expect(json.account).toEqual({ name: "Northwind Logistics", id: "NW-1042" });
    expect(json.valueRealization).toEqual({
      goals: 3,
      achieved: 0,
      onTrack: 1,
      atRisk: 1,
      offTrack: 1,
      noData: 0,
      realizedValue: 57000,
      plannedValue: 135000,
      roi: 0.2375,
    });
    const backlog = json.goals[0];
    expect(backlog.attainment).toBeCloseTo(0.4222, 4);
    expect(backlog.pace).toBeCloseTo(0.5429, 4);
    expect(backlog.projectedAttainment).toBeCloseTo(0.6013, 4);
    expect(backlog.tasks).toEqual({ done: 1, total: 2, overdue: 1 });
    for (const finding of json.findings) {
      expect(Object.keys(finding)).toEqual(
        expect.arrayContaining(["rule", "severity", "goal", "title", "evidence", "prompts"]),
      );
    }
    expect(result.stderr).toBe("");
  });
  it("prints a readable report with findings ranked by severity", async () => {
    const result = await qbrIn(["analyze", northwind]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Northwind Logistics (NW-1042) — Q3 2025");
    expect(result.stdout.indexOf("HIGH")).toBeLessThan(result.stdout.indexOf("MEDIUM"));
    expect(result.stdout).toContain("→ This goal is 42% of the way to its target where 78% was planned.");
  });
  it("lets --as-of win over review.asOf", async () => {
    const json = JSON.parse((await qbrIn(["analyze", northwind, "--json", "--as-of", "2025-07-01"])).stdout);
    expect(json.asOf).toBe("2025-07-01");
    expect(json.goals[0].attainment).toBeCloseTo(300 / 900, 10);
  });
  it("applies a --rules file, and reports a bad one with its location", async () => {
    const dir = tmp();
    const rules = path.join(dir, "rules.yaml");
    writeFileSync(rules, "rules:\n  watermelon: { enabled: false }\n");
    const json = JSON.parse((await qbrIn(["analyze", northwind, "--json", "--rules", rules])).stdout);
    expect(json.findings.some((finding: { rule: string }) => finding.rule === "watermelon")).toBe(false);
    writeFileSync(rules, "rules:\n  watermelon: { enabeld: false }\n");
    const bad = await qbrIn(["analyze", northwind, "--rules", rules]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(
      `${rules}:2:17 rules.watermelon.enabeld — unknown key "enabeld" — did you mean "enabled"?`,
    );
  });
});

describe("loader warnings on the command line (issue 10)", () => {
  /** Northwind with a bell character in the CSM's name and a renewal before its review date. */
  const warnedAccount = (dir: string, ext = "yaml"): string => {
    const file = path.join(dir, `warned.${ext}`);
    const text = readFileSync(northwind, "utf8")
      .replace(/csm: .*/, 'csm: "Dana\\aReyes"')
      .replace(/renewal: .*/, "renewal: 2025-08-31");
    writeFileSync(file, text);
    return file;
  };
  const lineOf = (file: string, needle: string) =>
    readFileSync(file, "utf8")
      .split("\n")
      .findIndex((line) => line.includes(needle)) + 1;

  it("qbr validate prints each warning with its location and still exits 0", async () => {
    const file = warnedAccount(tmp());
    const result = await qbrIn(["validate", file]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${file}: valid (2 warnings)\n`);
    expect(result.stderr.split("\n").filter(Boolean)).toEqual([
      `warning: ${file}:${lineOf(file, "csm:")}:8 account.csm — control character U+0007 removed`,
      `warning: ${file}:${lineOf(file, "renewal:")}:12 contract.renewal — renewal date 2025-08-31 passed (as of 2025-09-30); update contract.renewal`,
    ]);
  });

  it("qbr analyze prints them on stderr, leaving --json output on stdout intact", async () => {
    const file = warnedAccount(tmp());
    const result = await qbrIn(["analyze", file, "--json"]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).account.name).toBe("Northwind Logistics");
    expect(result.stderr).toContain("contract.renewal — renewal date 2025-08-31 passed");
    // --as-of wins over review.asOf for the warning too
    expect((await qbrIn(["analyze", file, "--as-of", "2025-08-01"])).stderr).not.toContain("renewal date");
  });

  it("qbr generate prints them and records them in the manifest, for one file and for a batch", async () => {
    const dir = tmp();
    const file = warnedAccount(dir);
    const single = await qbrIn(["generate", file, "-o", path.join(dir, "single"), "-f", "pdf"]);
    expect(single.code).toBe(0);
    expect(single.stderr).toContain("account.csm — control character U+0007 removed");
    const singleManifest = JSON.parse(readFileSync(path.join(dir, "single", "manifest.json"), "utf8"));
    expect(singleManifest.accounts[0].warnings).toEqual(
      expect.arrayContaining([expect.stringContaining("contract.renewal — renewal date 2025-08-31 passed")]),
    );
    writeFileSync(path.join(dir, "northwind.yaml"), readFileSync(northwind));
    const batch = await qbrIn([
      "generate",
      dir,
      "-o",
      path.join(dir, "batch"),
      "-f",
      "pdf",
      "--concurrency",
      "2",
    ]);
    expect(batch.code, batch.stderr).toBe(0);
    expect(batch.stderr).toContain("account.csm — control character U+0007 removed");
    const manifest = JSON.parse(readFileSync(path.join(dir, "batch", "manifest.json"), "utf8"));
    const warned = manifest.accounts.find((entry: { source: string }) =>
      entry.source.endsWith("warned.yaml"),
    );
    // the loader's two, located (the third is the logo, which is not beside the copied file)
    expect(warned.warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/warned\.yaml:\d+:8 account\.csm — control character U\+0007 removed$/),
        expect.stringMatching(/warned\.yaml:\d+:12 contract\.renewal — renewal date 2025-08-31 passed/),
      ]),
    );
  }, 120_000);
});

describe("qbr schema and qbr init", () => {
  it("prints a JSON Schema generated from the loader's schema", async () => {
    const schema = JSON.parse((await qbrIn(["schema"])).stdout);
    expect(schema.$schema).toContain("json-schema.org");
    expect(schema.required).toEqual(
      expect.arrayContaining(["schemaVersion", "account", "contract", "goals"]),
    );
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.goals.items.properties.direction.enum).toEqual(["increase", "decrease"]);
  });
  it("writes a starter account that validates and analyses, and refuses to overwrite it", async () => {
    const dir = tmp();
    const result = await qbrIn(["init", dir]);
    expect(result.code).toBe(0);
    const starter = path.join(dir, "account.yaml");
    expect(readFileSync(starter, "utf8")).toContain(
      "# yaml-language-server: $schema=./qbr-account.schema.json",
    );
    expect(parse(readFileSync(starter, "utf8")).schemaVersion).toBe(1);
    expect((await qbrIn(["validate", starter])).code).toBe(0);
    expect((await qbrIn(["analyze", starter])).code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(dir, "qbr-account.schema.json"), "utf8")).title).toContain(
      "qbr-deck",
    );
    expect((await qbrIn(["init", dir])).code).toBe(2);
  });
});

describe("lazy loading", () => {
  it("qbr --help, validate and analyze never load pptxgenjs, pdfkit or exceljs; generate and workbooks do", () => {
    const dir = tmp();
    const log = path.join(dir, "loaded.log");
    writeFileSync(
      path.join(dir, "hooks.mjs"),
      `import { appendFileSync } from "node:fs";
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  if (/pptxgenjs|pdfkit|exceljs/.test(result.url)) appendFileSync(${JSON.stringify(log)}, result.url + "\\n");
  return result;
}`,
    );
    writeFileSync(
      path.join(dir, "register.mjs"),
      `import { register } from "node:module";\nregister("./hooks.mjs", import.meta.url);\n`,
    );
    const loaded = (args: string[]) => {
      writeFileSync(log, "");
      spawnSync(process.execPath, ["--import", path.join(dir, "register.mjs"), CLI, ...args], {
        encoding: "utf8",
      });
      return readFileSync(log, "utf8");
    };
    expect(loaded(["--help"])).toBe("");
    expect(loaded(["validate", SAMPLES_DIR])).toBe("");
    expect(loaded(["analyze", northwind, "--json"])).toBe("");
    expect(loaded(["generate", northwind, "-o", path.join(dir, "out"), "-f", "pdf"])).toMatch(/pdfkit/);
    const book = path.join(dir, "plans.xlsx");
    expect(loaded(["init", "--workbook", book])).toMatch(/exceljs/);
    expect(loaded(["validate", book])).not.toMatch(/pptxgenjs|pdfkit/);
  });
});
