import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { GenerateSettings } from "../src/batch/generate-account.js";
import { accountInputHash, runHash } from "../src/io/input-hash.js";
import { pdfBatchSettings, tempDir } from "./helpers/batch.js";

/** The incremental-run hash: what changes the output changes the hash, and nothing else does. */

const base: GenerateSettings = pdfBatchSettings("out");

describe("runHash", () => {
  it("changes with every setting that changes the decks", () => {
    const hash = runHash(base);
    for (const changed of [
      { formats: ["pdf", "pptx"] },
      { audiences: ["customer"] },
      { kinds: ["renewal"] },
      { renewalWithinDays: 120 },
      { compareTo: null },
      { customerAppendix: true },
      { allowOutsideAssets: true },
      { render: { pdfStandard: "pdfa-2b" } },
    ] as Partial<GenerateSettings>[]) {
      expect(runHash({ ...base, ...changed }), JSON.stringify(changed)).not.toBe(hash);
    }
  });

  it("ignores the output folder, today's date and passwords (which are never stored)", () => {
    const hash = runHash(base);
    expect(runHash({ ...base, outDir: "elsewhere", today: "2026-01-01", asOf: "2025-01-01" })).toBe(hash);
    expect(runHash({ ...base, render: { pdfUserPassword: "secret", pdfOwnerPassword: "owner" } })).toBe(hash);
  });

  it("follows the content of the templates, theme and rules files, not only their names", () => {
    const dir = tempDir("qbr-hash-");
    const rules = path.join(dir, "rules.yaml");
    writeFileSync(rules, "staleDataDays: 60\n");
    const templates = path.join(dir, "templates");
    mkdirSync(path.join(templates, "prompts"), { recursive: true });
    writeFileSync(path.join(templates, "prompts", "watermelon.yaml"), "a: 1\n");
    const before = runHash({ ...base, rulesFile: rules, templatesDir: templates });
    writeFileSync(rules, "staleDataDays: 45\n");
    const afterRules = runHash({ ...base, rulesFile: rules, templatesDir: templates });
    writeFileSync(path.join(templates, "prompts", "watermelon.yaml"), "a: 2\n");
    const afterTemplates = runHash({ ...base, rulesFile: rules, templatesDir: templates });
    expect(new Set([before, afterRules, afterTemplates]).size).toBe(3);
  });
});

describe("accountInputHash", () => {
  it("changes with the as-of date, the output name, the account bytes and the logo", () => {
    const input = { runHash: "r", asOf: "2025-10-31", slug: "acme", accountSha256: "a", logoSha256: "none" };
    const hash = accountInputHash(input);
    for (const changed of [
      { asOf: "2025-11-01" },
      { slug: "acme-2" },
      { accountSha256: "b" },
      { logoSha256: "l" },
    ]) {
      expect(accountInputHash({ ...input, ...changed }), JSON.stringify(changed)).not.toBe(hash);
    }
  });
});
