import type { Worksheet } from "exceljs";
import type { Account } from "../account-schema.js";
import { matchHeader } from "../spreadsheet/columns.js";
import { cellText } from "../spreadsheet/parse-cell.js";
import { InvalidInputError, type ValidationIssue } from "../../errors.js";
import { loadWorkbook, readSheet, sheetIndex } from "../spreadsheet/read-xlsx.js";
import { EMPTY_CELL, type Table } from "../spreadsheet/table.js";
import { sheetLayout } from "../spreadsheet/workbook-layout.js";
import type { ActualEdit } from "./actual-edits.js";

/**
 * `qbr import --into plans.xlsx`: the actuals an import adds or replaces, written into the
 * Actuals sheet of a portfolio workbook. Only that sheet's cells change: an added actual is a new
 * row at the end of the sheet, a replaced one has its value cell rewritten. The workbook goes
 * through exceljs (read, then written back), which keeps the values, styles, notes, drop-down
 * lists and column widths of every sheet; what exceljs does not model (charts, pivot tables,
 * macros) is lost — qbr's own workbooks have none.
 */

export interface WorkbookImport {
  account: Account;
  edits: readonly ActualEdit[];
}

const ACTUALS = sheetLayout("Actuals");

/** account id → goal id → the sheet rows of its actuals, in the order the reader gives them indices. */
function actualRows(table: Table, columns: Map<string, number>): Map<string, number[]> {
  const rows = new Map<string, number[]>();
  const text = (cells: Table["rows"][number]["cells"], key: string) =>
    cellText(cells[(columns.get(key) ?? 0) - 1] ?? EMPTY_CELL);
  for (const row of table.rows) {
    const key = JSON.stringify([text(row.cells, "account"), text(row.cells, "goal")]);
    rows.set(key, [...(rows.get(key) ?? []), row.row]);
  }
  return rows;
}

/** The last row holding any value (exceljs's rowCount also counts rows that only carry a style). */
function lastUsedRow(worksheet: Worksheet): number {
  for (let row = worksheet.rowCount; row > 1; row--) {
    if (worksheet.getRow(row).hasValues) return row;
  }
  return 1;
}

export async function editWorkbookActuals(
  file: string,
  bytes: Uint8Array,
  imports: readonly WorkbookImport[],
): Promise<Uint8Array> {
  // Loaded once: the sheet's rows are read (as the reader reads them) from the model that is edited.
  const workbook = await loadWorkbook(file, bytes);
  const index = sheetIndex(workbook.worksheets, ACTUALS.name);
  let worksheet: Worksheet;
  let columns: Map<string, number>;
  let rows: Map<string, number[]>;
  if (index >= 0) {
    worksheet = workbook.worksheets[index]!;
    const issues: ValidationIssue[] = [];
    const table = readSheet(file, worksheet, index, issues);
    if (issues.length > 0) throw new InvalidInputError(issues);
    columns = matchHeader(table, ACTUALS.columns).columns;
    rows = actualRows(table, columns);
  } else {
    // A workbook without the sheet (no actuals yet): add it with qbr's header.
    worksheet = workbook.addWorksheet(ACTUALS.name, { views: [{ state: "frozen", ySplit: 1 }] });
    worksheet.addRow(ACTUALS.columns.map((column) => column.key));
    worksheet.getRow(1).font = { bold: true };
    columns = new Map(ACTUALS.columns.map((column, index) => [column.key, index + 1]));
    rows = new Map();
  }
  let next = lastUsedRow(worksheet) + 1;
  for (const { account, edits } of imports) {
    const id = account.account.id!;
    for (const edit of edits) {
      const goal = account.goals[edit.goalIndex]!.id;
      if (edit.kind === "replace") {
        const row = rows.get(JSON.stringify([id, goal]))?.[edit.actualIndex];
        if (row === undefined)
          throw new Error(`${file}: no Actuals row for ${id} ${goal} #${edit.actualIndex}`);
        worksheet.getRow(row).getCell(columns.get("value")!).value = edit.value;
        continue;
      }
      const row = worksheet.getRow(next++);
      row.getCell(columns.get("account")!).value = id;
      row.getCell(columns.get("goal")!).value = goal;
      const date = row.getCell(columns.get("date")!);
      // UTC midnight: exceljs turns it into the day's serial with no time-zone shift.
      date.value = new Date(`${edit.date}T00:00:00.000Z`);
      date.numFmt = "yyyy-mm-dd";
      row.getCell(columns.get("value")!).value = edit.value;
    }
  }
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}
