import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { analyseAccount } from "../src/analysis/analyse-account.js";
import { analysisToJson } from "../src/analysis/analysis-json.js";
import { DEFAULT_THRESHOLDS } from "../src/analysis/thresholds.js";
import { loadTemplates } from "../src/io/resources.js";
import { formatIssue } from "../src/errors.js";
import type { Account } from "../src/input/account-schema.js";
import { loadAccount } from "../src/input/load-account.js";
import { accountToYaml } from "../src/input/spreadsheet/account-yaml.js";
import { readWorkbookAccounts } from "../src/input/spreadsheet/read-workbook.js";
import { WORKBOOK_SHEETS } from "../src/input/spreadsheet/workbook-layout.js";
import { writeWorkbook } from "../src/input/spreadsheet/write-workbook.js";
import { SAMPLES_DIR, withoutStoryline } from "./helpers/accounts.js";
import { SAMPLE_FILES, tempDir } from "./helpers/batch.js";
import { qbr } from "./helpers/cli.js";

const sample = (name: string): Account => loadAccount(name, readFileSync(path.join(SAMPLES_DIR, name)));

function analysisJson(account: Account): unknown {
  const analysis = analyseAccount(account, {
    asOf: account.review.asOf!,
    templates: loadTemplates(),
    thresholds: DEFAULT_THRESHOLDS,
  });
  return analysisToJson(analysis);
}

/** A workbook written by qbr, changed cell by cell with a spreadsheet library, as a user would. */
async function edited(accounts: Account[], edit: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await writeWorkbook(accounts)) as never);
  edit(workbook);
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

describe("workbook round trip", () => {
  it("YAML → workbook → accounts → YAML gives the same analysis for every sample", async () => {
    const accounts = SAMPLE_FILES.map((file) => sample(path.basename(file)));
    const contents = await readWorkbookAccounts("plans.xlsx", await writeWorkbook(accounts));
    expect(contents.issues).toEqual([]);
    expect(contents.accounts.map((entry) => entry.id)).toEqual(accounts.map((account) => account.account.id));
    for (const [index, original] of accounts.entries()) {
      const entry = contents.accounts[index]!;
      expect(entry.issues).toEqual([]);
      expect(entry.account).toEqual(withoutStoryline(original));
      const back = loadAccount("back.yaml", new TextEncoder().encode(accountToYaml(entry.account!)));
      expect(analysisJson(back)).toEqual(analysisJson(withoutStoryline(original)));
    }
  });
});

describe("workbook errors, located at cells", () => {
  it("validates each account with the account schema and fails a bad account alone", async () => {
    const northwind = sample("northwind-logistics.yaml");
    const alpine = sample("alpine-health-clinics.yaml");
    const bytes = await edited([northwind, alpine], (workbook) => {
      workbook.getWorksheet("Goals")!.getCell("J3").value = "abc"; // northwind's goals[1].baseline.value
      workbook.getWorksheet("Stakeholders")!.getCell("C2").value = "boss"; // "sponsor" is an alias
      workbook.getWorksheet("Accounts")!.getCell("F2").value = -5; // arr
    });
    const contents = await readWorkbookAccounts("plans.xlsx", bytes);
    const [first, second] = contents.accounts;
    expect(first!.issues.map(formatIssue)).toEqual([
      "plans.xlsx:Accounts!F2 contract.arr — expected an ARR greater than 0",
      'plans.xlsx:Goals!J3 goals[1].baseline.value — expected a number, got "abc"',
      'plans.xlsx:Stakeholders!C2 stakeholders[0].role — expected one of "executive-sponsor", "economic-buyer", "champion", "admin", "user", got "boss"',
    ]);
    expect(second!.issues).toEqual([]);
    expect(second!.account).toEqual(withoutStoryline(alpine));
  });

  it("reports rows of no account or goal, duplicate ids and missing columns at their cells", async () => {
    const northwind = sample("northwind-logistics.yaml");
    const bytes = await edited([northwind], (workbook) => {
      workbook.getWorksheet("Actuals")!.addRow(["NW-9999", "backlog", new Date("2025-10-31T00:00:00Z"), 1]);
      workbook.getWorksheet("Actuals")!.addRow(["NW-1042", "backlogg", new Date("2025-10-31T00:00:00Z"), 1]);
      workbook.getWorksheet("Accounts")!.addRow(["NW-1042", "Copy"]);
    });
    const contents = await readWorkbookAccounts("plans.xlsx", bytes);
    expect(contents.issues.map(formatIssue)).toEqual([
      'plans.xlsx:Accounts!A3 — account "NW-1042" is already in row 2; expected each id once',
      'plans.xlsx:Actuals!A10 — expected an account id of the Accounts sheet; got "NW-9999"',
    ]);
    // A row naming a goal its account lacks is the account's problem: that account fails alone.
    expect(contents.accounts[0]!.account).toBeUndefined();
    expect(contents.accounts[0]!.issues.map(formatIssue)).toEqual([
      'plans.xlsx:Actuals!B11 — expected a goal of NW-1042 in the Goals sheet (backlog, first-contact, carrier-onboarding); got "backlogg"',
    ]);
    const missing = await edited([northwind], (workbook) => {
      workbook.getWorksheet("Plan")!.getCell("D1").value = "amount";
    });
    await expect(readWorkbookAccounts("plans.xlsx", missing)).rejects.toThrow(
      'plans.xlsx:Plan!A1 — missing the column "value"; the header row has: account, goal, date, amount',
    );
  });

  it("reads columns in any order, skips empty rows, notes extra columns and sheets, splits lines", async () => {
    const maple = sample("maple-and-finch.yaml");
    const bytes = await edited([maple], (workbook) => {
      const accounts = workbook.getWorksheet("Accounts")!;
      // Swap two columns (header and value) and add a column and a sheet qbr does not read.
      const [a1, b1, a2, b2] = ["A1", "B1", "A2", "B2"].map((address) => accounts.getCell(address).value);
      accounts.getCell("A1").value = b1!;
      accounts.getCell("B1").value = a1!;
      accounts.getCell("A2").value = b2!;
      accounts.getCell("B2").value = a2!;
      accounts.getCell("Z1").value = "Region";
      accounts.getCell("Z2").value = "EMEA";
      workbook.addWorksheet("Scratch").getCell("A1").value = "notes";
      const tasks = workbook.getWorksheet("Tasks")!;
      tasks.spliceRows(3, 0, [], []);
    });
    const contents = await readWorkbookAccounts("plans.xlsx", bytes);
    expect(contents.notes.map(formatIssue)).toEqual([
      'plans.xlsx:Accounts!Z1 — column "Region" is not read (not a column of Accounts)',
      'plans.xlsx — sheet "Scratch" is not read',
    ]);
    expect(contents.accounts[0]!.account).toEqual(maple);
    expect(maple.statedReasons.length).toBeGreaterThan(1);
  });
});

describe("workbook commands", () => {
  it("init --workbook writes a workbook that validates and analyses like the sample it holds", () => {
    const dir = tempDir("qbr-workbook-");
    const result = qbr(["init", dir, "--workbook", "plans.xlsx"]);
    expect(result.code).toBe(0);
    const book = path.join(dir, "plans.xlsx");
    expect(qbr(["validate", book]).stdout).toBe(`${book}: 1 account, all valid\n`);
    const fromBook = qbr(["analyze", book, "--account", "NW-1042", "--json"]);
    const fromSample = qbr(["analyze", path.join(SAMPLES_DIR, "northwind-logistics.yaml"), "--json"]);
    expect(fromBook.code).toBe(0);
    expect(JSON.parse(fromBook.stdout)).toEqual(JSON.parse(fromSample.stdout));
    expect(qbr(["init", dir, "--workbook", "plans.xlsx"]).code).toBe(2);
  });

  it("export writes one workbook from account files and YAML files back from it; never overwrites unasked", () => {
    const dir = tempDir("qbr-export-");
    const book = path.join(dir, "plans.xlsx");
    expect(qbr(["export", SAMPLES_DIR, "-o", book]).stdout).toBe(`Wrote 4 accounts to ${book}.\n`);
    const back = path.join(dir, "accounts");
    expect(qbr(["export", book, "-o", back]).code).toBe(0);
    // analyze --json prints analysisToJson; compared in-process to spare a process per file.
    for (const file of SAMPLE_FILES) {
      const original = sample(path.basename(file));
      const exported = path.join(back, `${original.account.id!.toLowerCase()}.yaml`);
      expect(analysisJson(loadAccount(exported, readFileSync(exported)))).toEqual(analysisJson(original));
    }
    const again = qbr(["export", SAMPLES_DIR, "-o", book]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("already exists; use --force");
  });

  it("analyze on a workbook needs --account when it holds several, and names them", () => {
    const dir = tempDir("qbr-export-");
    const book = path.join(dir, "plans.xlsx");
    qbr(["export", SAMPLES_DIR, "-o", book]);
    const result = qbr(["analyze", book]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      "holds 4 accounts; name one with --account (AHC-2207, KES-0318, MF-7731, NW-1042)",
    );
    expect(qbr(["validate", path.join(dir, "nothing.xlsx")]).code).toBe(2);
    writeFileSync(path.join(dir, "bad.xlsx"), "not a workbook");
    const bad = qbr(["validate", path.join(dir, "bad.xlsx")]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("not an XLSX workbook");
    expect(existsSync(book)).toBe(true);
  });

  it("the layout names every column the issue lists", () => {
    const columns = Object.fromEntries(
      WORKBOOK_SHEETS.map((sheet) => [sheet.name, sheet.columns.map((c) => c.key)]),
    );
    expect(columns.Accounts).toEqual(
      expect.arrayContaining(["id", "name", "healthScoreMax", "statedReasons", "internalNotes"]),
    );
    expect(columns.Goals).toEqual(expect.arrayContaining(["baselineDate", "valuePerUnit", "valuePer"]));
    expect(columns.Stakeholders).toEqual(["account", "name", "role", "status", "lastContact", "email"]);
  });
});
