import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import type { Account } from "../src/input/account-schema.js";
import { loadAccount } from "../src/input/load-account.js";
import { readMeasurements } from "../src/input/spreadsheet/measurements.js";
import { cellText } from "../src/input/spreadsheet/parse-cell.js";
import { readCsv } from "../src/input/spreadsheet/read-csv.js";
import { readWorkbookAccounts } from "../src/input/spreadsheet/read-workbook.js";
import { openXlsx } from "../src/input/spreadsheet/read-xlsx.js";
import { WORKBOOK_SHEETS } from "../src/input/spreadsheet/workbook-layout.js";
import { writeWorkbook } from "../src/input/spreadsheet/write-workbook.js";
import { SAMPLES_DIR, withoutStoryline } from "./helpers/accounts.js";
import { parseCsv, SAMPLE_FILES, tempDir } from "./helpers/batch.js";
import { missingTools, skipReason } from "./helpers/tools.js";

/**
 * Interop with a real spreadsheet application (LibreOffice Calc): workbooks it saved are read
 * back, and the workbooks qbr writes are opened by it.
 */
const missing = missingTools("soffice");
const reason = skipReason(missing);

/** Converts `file` with LibreOffice (a private profile, so no other run can block this one). */
function convert(file: string, to: string, extra: string[] = [], outDir = path.dirname(file)): void {
  const profile = pathToFileURL(path.join(path.dirname(file), "lo-profile")).href;
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=${profile}`,
      "--headless",
      ...extra,
      "--convert-to",
      to,
      "--outdir",
      outDir,
      file,
    ],
    { stdio: "ignore", timeout: 150_000 },
  );
}

const measured = (table: Parameters<typeof readMeasurements>[0], european: boolean) =>
  readMeasurements(table, {
    dateFormat: european ? "DD.MM.YYYY" : "YYYY-MM-DD",
    decimalComma: european,
  }).measurements.map(({ account, goal, date, value, note }) => ({ account, goal, date, value, note }));

describe.skipIf(missing.length > 0)(`LibreOffice Calc interop${reason}`, () => {
  it("reads back a workbook Calc saved from a CSV export: real date cells and numbers", async () => {
    const dir = tempDir("qbr-calc-");
    const csv = path.join(dir, "measurements.csv");
    writeFileSync(
      csv,
      'account,goal,date,value,note\r\nNW-1042,backlog,2025-10-31,780.5,October\r\nNW-1042,first-contact,2025-11-30,64,\r\nMF-7731,markdowns,2025-10-15,720000,"late, but in"\r\n',
    );
    convert(csv, "xlsx");
    const workbook = await openXlsx("measurements.xlsx", readFileSync(path.join(dir, "measurements.xlsx")));
    const table = workbook.firstTable();
    // Calc recognised the ISO dates: the workbook holds date serials, which come back as days.
    expect(table.rows[0]!.cells[2]).toEqual({ kind: "date", date: "2025-10-31" });
    expect(table.rows[0]!.cells[3]).toEqual({ kind: "number", value: 780.5 });
    expect(measured(table, false)).toEqual(measured(readCsv(csv, readFileSync(csv)), false));
  }, 180_000);

  it("reads back a European CSV (semicolons, decimal commas, DD.MM.YYYY) that Calc saved as a workbook", async () => {
    const dir = tempDir("qbr-calc-");
    const csv = path.join(dir, "messwerte.csv");
    writeFileSync(
      csv,
      'account;goal;date;value\nKES-0318;close-days;30.09.2025;6,5\nKES-0318;close-days;31.10.2025;"1.250,5"\n',
    );
    // The CSV filter's options: semicolon (59), double quote (34), UTF-8 (76), from row 1, German locale.
    convert(csv, "xlsx", ["--infilter=CSV:59,34,76,1,,1031"]);
    const table = (
      await openXlsx("messwerte.xlsx", readFileSync(path.join(dir, "messwerte.xlsx")))
    ).firstTable();
    expect(table.rows.map((row) => row.cells[2])).toEqual([
      { kind: "date", date: "2025-09-30" },
      { kind: "date", date: "2025-10-31" },
    ]);
    expect(measured(table, false)).toEqual(measured(readCsv(csv, readFileSync(csv)), true));
    expect(measured(table, false).map((row) => row.value)).toEqual([6.5, 1250.5]);
  }, 180_000);

  it("opens the workbook qbr export writes: every sheet's cells as Calc shows them, and a Calc-saved copy reads back", async () => {
    const dir = tempDir("qbr-calc-");
    const accounts: Account[] = SAMPLE_FILES.map((name) =>
      loadAccount(name, readFileSync(path.join(SAMPLES_DIR, name))),
    );
    const book = path.join(dir, "plans.xlsx");
    const bytes = await writeWorkbook(accounts);
    writeFileSync(book, bytes);
    // All sheets, one CSV each (-1), cell contents as shown (dates as yyyy-mm-dd).
    convert(book, "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1");
    const ours = await openXlsx(book, bytes);
    for (const sheet of WORKBOOK_SHEETS) {
      const calc = parseCsv(readFileSync(path.join(dir, `plans-${sheet.name}.csv`), "utf8"));
      const table = ours.table(sheet.name)!;
      const expected = [table.header, ...table.rows.map((row) => row.cells)].map((cells) =>
        sheet.columns.map((_, index) => (cells[index] ? (cellText(cells[index]!) ?? "") : "")),
      );
      expect(calc.map((row) => row.map((field) => field.replaceAll("\r\n", "\n")))).toEqual(expected);
    }
    // A workbook Calc saved itself (its own zip, styles and shared strings) gives the same accounts.
    const copyDir = path.join(dir, "calc");
    mkdirSync(copyDir);
    convert(book, "xlsx:Calc MS Excel 2007 XML", [], copyDir);
    const copy = path.join(copyDir, "plans.xlsx");
    const resaved = await readWorkbookAccounts(copy, readFileSync(copy));
    expect(readFileSync(copy).equals(Buffer.from(bytes))).toBe(false);
    expect(resaved.issues).toEqual([]);
    expect(resaved.accounts.map((entry) => entry.account)).toEqual(accounts.map(withoutStoryline));
  }, 300_000);
});
