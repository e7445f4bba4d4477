import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import type { ManifestAccount } from "../src/batch/manifest.js";
import { formatIssue } from "../src/errors.js";
import type { Account } from "../src/input/account-schema.js";
import { loadAccount } from "../src/input/load-account.js";
import { readWorkbookAccounts } from "../src/input/spreadsheet/read-workbook.js";
import { writeWorkbook } from "../src/input/spreadsheet/write-workbook.js";
import { SAMPLES_DIR } from "./helpers/accounts.js";
import { readJson, tempDir } from "./helpers/batch.js";
import { qbr } from "./helpers/cli.js";

/** Workbook accounts go through the loader's text rule and warnings, as account files do. */

const sample = (name: string): Account => loadAccount(name, readFileSync(path.join(SAMPLES_DIR, name)));

/**
 * A workbook edited as a user would; `{U+0007}` in a text stands for a control character, written
 * as Excel writes it (`_x0007_` in the shared strings: exceljs would drop the character itself).
 */
async function edited(accounts: Account[], edit: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await writeWorkbook(accounts)) as never);
  edit(workbook);
  const parts = unzipSync(new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer));
  const strings = strFromU8(parts["xl/sharedStrings.xml"]!);
  parts["xl/sharedStrings.xml"] = strToU8(strings.replace(/\{U\+([0-9A-F]{4})\}/g, "_x$1_"));
  return zipSync(parts);
}

describe("workbook accounts through the loader's rules", () => {
  it("cleans control characters with a warning at the cell, and warns of a passed renewal", async () => {
    const northwind = sample("northwind-logistics.yaml");
    const bytes = await edited([northwind], (workbook) => {
      workbook.getWorksheet("Goals")!.getCell("C2").value = "Cut the backlog{U+0007}";
      workbook.getWorksheet("Accounts")!.getCell("B2").value = "Northwind{U+000B}Logistics";
    });
    const contents = await readWorkbookAccounts("plans.xlsx", bytes, { asOf: "2030-01-01" });
    const [entry] = contents.accounts;
    expect(entry!.issues).toEqual([]);
    expect(entry!.account!.goals[0]!.title).toBe("Cut the backlog");
    expect(entry!.warnings.map(formatIssue)).toEqual([
      "plans.xlsx:Accounts!B2 account.name — control character U+000B replaced by a line break",
      expect.stringMatching(
        /^plans\.xlsx:Accounts!\w+2 contract\.renewal — renewal date \S+ passed \(as of 2030-01-01\)/,
      ),
      "plans.xlsx:Goals!C2 goals[0].title — control character U+0007 removed",
    ]);
  });

  it("validate, analyze and generate print the warnings; the manifest lists them", async () => {
    const dir = tempDir("qbr-wb-warnings-");
    const book = path.join(dir, "plans.xlsx");
    const northwind = sample("northwind-logistics.yaml");
    const { logo: _logo, ...withoutLogo } = northwind.account;
    const bytes = await edited([{ ...northwind, account: withoutLogo }], (workbook) => {
      workbook.getWorksheet("Goals")!.getCell("C2").value = "Cut the backlog{U+0007}";
    });
    writeFileSync(book, bytes);
    const expected = `${book}:Goals!C2 goals[0].title — control character U+0007 removed`;
    const validate = qbr(["validate", book]);
    expect(validate.code).toBe(0);
    expect(validate.stderr).toContain(`warning: ${expected}`);
    expect(validate.stdout).toBe(`${book}: 1 account, all valid (1 warning)\n`);
    const analyze = qbr(["analyze", book, "--json"]);
    expect(analyze.code).toBe(0);
    expect(analyze.stderr).toContain(`warning: ${expected}`);
    const out = path.join(dir, "out");
    const generate = qbr(["generate", book, "-o", out, "--format", "pptx", "--audience", "internal"]);
    expect(generate.code).toBe(0);
    const [entry] = readJson(path.join(out, "manifest.json")).accounts as ManifestAccount[];
    expect(entry!.warnings).toEqual([expected]);
  });
});
