import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { importMeasurements, type ImportSettings } from "../src/batch/import-measurements.js";
import { formatIssue } from "../src/errors.js";
import type { Account } from "../src/input/account-schema.js";
import { loadAccount } from "../src/input/load-account.js";
import { readWorkbookAccounts } from "../src/input/spreadsheet/read-workbook.js";
import { writeWorkbook } from "../src/input/spreadsheet/write-workbook.js";
import { SAMPLES_DIR, withoutStoryline } from "./helpers/accounts.js";
import { sha256File, tempDir } from "./helpers/batch.js";
import { qbr } from "./helpers/cli.js";
import { missingTools } from "./helpers/tools.js";

/** `qbr import FILE --into plans.xlsx`: measurements into the Actuals sheet of a workbook. */

const sample = (name: string): Account => loadAccount(name, readFileSync(path.join(SAMPLES_DIR, name)));
const ACCOUNTS = ["alpine-health-clinics.yaml", "northwind-logistics.yaml"].map(sample);
const NORTHWIND = ACCOUNTS[1]!;
const BACKLOG = NORTHWIND.goals.findIndex((goal) => goal.id === "backlog");
const LAST = NORTHWIND.goals[BACKLOG]!.actuals.at(-1)!;

async function setup(csvText: string): Promise<{ dir: string; book: string; csv: string }> {
  const dir = tempDir("qbr-import-wb-");
  const book = path.join(dir, "plans.xlsx");
  writeFileSync(book, await writeWorkbook(ACCOUNTS));
  const csv = path.join(dir, "measurements.csv");
  writeFileSync(csv, csvText);
  return { dir, book, csv };
}

const settings = (into: string, extra: Partial<ImportSettings> = {}): ImportSettings => ({
  into,
  dateFormat: "YYYY-MM-DD",
  replace: false,
  dryRun: false,
  ...extra,
});

/** Every cell of every sheet, as exceljs reads it (values, number formats, notes), and drop-down lists. */
async function cells(file: string): Promise<Record<string, Record<string, unknown>>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheets: Record<string, Record<string, unknown>> = {};
  workbook.eachSheet((worksheet) => {
    const found: Record<string, unknown> = {};
    worksheet.eachRow((row) =>
      row.eachCell((cell) => {
        found[cell.address] = { value: cell.value, numFmt: cell.numFmt, note: cell.note ?? null };
      }),
    );
    const { model } = (worksheet as unknown as { dataValidations: { model: unknown } }).dataValidations;
    sheets[worksheet.name] = { ...found, validations: model };
  });
  return sheets;
}

describe("qbr import --into plans.xlsx", () => {
  it("adds actuals as rows of the Actuals sheet; other sheets and rows stay as they were; idempotent", async () => {
    const { book, csv } = await setup(
      `account,goal,date,value\nNW-1042,backlog,2025-12-31,700\nNW-1042,backlog,${LAST.date},${LAST.value}\n`,
    );
    const before = await cells(book);
    const result = await importMeasurements(csv, settings(book));
    expect(result.issues).toEqual([]);
    expect(result.written).toEqual([book]);
    expect(result.accounts.map(({ id, file, added, unchanged }) => ({ id, file, added, unchanged }))).toEqual(
      [{ id: "NW-1042", file: book, added: 1, unchanged: 1 }],
    );
    const contents = await readWorkbookAccounts(book, readFileSync(book));
    expect(contents.issues).toEqual([]);
    const [alpine, northwind] = contents.accounts;
    expect(alpine!.account).toEqual(withoutStoryline(ACCOUNTS[0]!));
    expect(northwind!.account!.goals[BACKLOG]!.actuals.at(-1)).toEqual({ date: "2025-12-31", value: 700 });
    const after = await cells(book);
    for (const sheet of Object.keys(before)) {
      if (sheet !== "Actuals") expect(after[sheet]).toEqual(before[sheet]);
    }
    const added = Object.keys(after.Actuals!).filter((address) => !(address in before.Actuals!));
    const newRow = Object.keys(before.Actuals!).filter((address) => /^A\d+$/.test(address)).length + 1;
    expect(added.sort()).toEqual(["A", "B", "C", "D"].map((column) => `${column}${newRow}`));
    for (const [address, cell] of Object.entries(before.Actuals!))
      expect(after.Actuals![address]).toEqual(cell);
    expect(Object.keys(before.Stakeholders!.validations as object).length).toBeGreaterThan(0);

    // The same import again changes no byte.
    const hash = sha256File(book);
    const again = await importMeasurements(csv, settings(book));
    expect(again.written).toEqual([]);
    expect(again.accounts[0]!.unchanged).toBe(2);
    expect(sha256File(book)).toBe(hash);
  });

  it("reports conflicts and bad rows at their cells and writes nothing; --replace rewrites the value cell", async () => {
    const { book, csv, dir } = await setup(
      `account,goal,date,value\nNW-1042,backlog,${LAST.date},${LAST.value + 1}\nNW-1042,backlog,2025-12-31,700\n`,
    );
    const hash = sha256File(book);
    const conflict = await importMeasurements(csv, settings(book));
    expect(conflict.issues.map(formatIssue)).toEqual([
      `${csv}:2:4 value — ${LAST.value + 1} conflicts with ${LAST.value} already recorded for backlog on ${LAST.date} in ${book}; expected the same value (--replace writes the imported one)`,
    ]);
    expect(sha256File(book)).toBe(hash);

    const bad = path.join(dir, "bad.csv");
    writeFileSync(
      bad,
      "account,goal,date,value\nNW-1042,backlog,2025-12-31,700\nNW-9999,backlog,2025-12-31,1\n",
    );
    const unknown = await importMeasurements(bad, settings(book));
    expect(unknown.issues.map(formatIssue)).toEqual([
      `${bad}:3:1 account — expected an account id of the Accounts sheet of ${book}; it has no "NW-9999"`,
    ]);
    expect(sha256File(book)).toBe(hash);

    const dryRun = await importMeasurements(csv, settings(book, { replace: true, dryRun: true }));
    expect(dryRun.issues).toEqual([]);
    expect(dryRun.accounts[0]!.replaced).toBe(1);
    expect(sha256File(book)).toBe(hash);

    const replaced = await importMeasurements(csv, settings(book, { replace: true }));
    expect(replaced.written).toEqual([book]);
    const goal = (await readWorkbookAccounts(book, readFileSync(book))).accounts[1]!.account!.goals[BACKLOG]!;
    const original = NORTHWIND.goals[BACKLOG]!.actuals;
    expect(goal.actuals).toEqual([
      ...original.slice(0, -1),
      { date: LAST.date, value: LAST.value + 1 },
      { date: "2025-12-31", value: 700 },
    ]);
  });

  it("the CLI reports per account and the totals; a workbook LibreOffice opens and reads back the same", async () => {
    const { book, csv, dir } = await setup(`account,goal,date,value\nNW-1042,backlog,2025-12-31,700\n`);
    const result = qbr(["import", csv, "--into", book]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      `NW-1042 (${book}): 1 added, 0 unchanged\n1 row, 1 account touched, 1 actual added, 0 unchanged.\n`,
    );
    if (missingTools("soffice").length > 0) return;
    const calcDir = path.join(dir, "calc");
    mkdirSync(calcDir);
    const profile = pathToFileURL(path.join(dir, "lo-profile")).href;
    execFileSync(
      "soffice",
      [
        `-env:UserInstallation=${profile}`,
        "--headless",
        "--convert-to",
        "xlsx:Calc MS Excel 2007 XML",
        "--outdir",
        calcDir,
        book,
      ],
      { stdio: "ignore", timeout: 150_000 },
    );
    const copy = path.join(calcDir, "plans.xlsx");
    const resaved = await readWorkbookAccounts(copy, readFileSync(copy));
    const ours = await readWorkbookAccounts(book, readFileSync(book));
    expect(resaved.issues).toEqual([]);
    expect(resaved.accounts.map((entry) => entry.account)).toEqual(
      ours.accounts.map((entry) => entry.account),
    );
  }, 300_000);
});
