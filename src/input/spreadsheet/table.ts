import type { IsoDate } from "../../dates.js";
import type { ValidationIssue } from "../../errors.js";

/**
 * A sheet as rows of typed cells, whatever file it came from (CSV or XLSX), with every cell
 * locatable the way a spreadsheet user finds it: `file.csv:ROW:COL` or `book.xlsx:Sheet!C7`,
 * rows numbered as a spreadsheet shows them (the header is row 1).
 */

export type CellValue =
  | { kind: "empty" }
  | { kind: "text"; text: string }
  | { kind: "number"; value: number }
  /** A cell Excel stores as a date (a serial number with a date format), already a calendar day. */
  | { kind: "date"; date: IsoDate }
  | { kind: "boolean"; value: boolean }
  /** A formula error such as #N/A or #REF!. */
  | { kind: "error"; text: string };

export const EMPTY_CELL: CellValue = { kind: "empty" };

export interface TableRow {
  /** The row number a spreadsheet shows (the header is row 1). */
  row: number;
  cells: CellValue[];
}

export interface Table {
  /** The file as named on the command line. */
  file: string;
  /** The sheet's name for XLSX; absent for CSV (locations are then ROW:COL). */
  sheet?: string;
  /** Order of the sheet in its workbook, so issues of several sheets sort sheet by sheet. */
  sheetIndex?: number;
  header: CellValue[];
  /** Data rows, header excluded, empty rows left out. */
  rows: TableRow[];
  /** For CSV: the delimiter found, which also decides how numbers are written. */
  delimiter?: string;
}

/** 1 → A, 27 → AA: spreadsheet column letters. */
export function columnLetters(column: number): string {
  let letters = "";
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}

/** A sheet name as a formula names it: quoted when it holds anything but letters, digits and _. */
export function sheetReference(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replaceAll("'", "''")}'`;
}

/** Rows of one sheet are ordered before the next sheet's (ValidationIssue.line is then a sort key). */
const ROWS_PER_SHEET_ORDER = 10_000_000;

/** Where a cell is, as a ValidationIssue position. `column` is 1-based. */
export function cellPosition(
  table: Pick<Table, "sheet" | "sheetIndex">,
  row: number,
  column: number,
): { line: number; column: number; cell?: string } {
  if (table.sheet === undefined) return { line: row, column };
  return {
    line: (table.sheetIndex ?? 0) * ROWS_PER_SHEET_ORDER + row,
    column,
    cell: `${sheetReference(table.sheet)}!${columnLetters(column)}${row}`,
  };
}

/** A located problem with one cell (`column` 1-based). */
export function cellIssue(
  table: Pick<Table, "file" | "sheet" | "sheetIndex">,
  row: number,
  column: number,
  path: string,
  message: string,
): ValidationIssue {
  return { file: table.file, ...cellPosition(table, row, column), path, message };
}

/** A problem with the whole file (no cell to point at). */
export function tableFileIssue(file: string, message: string): ValidationIssue {
  return { file, line: 0, column: 0, path: "", message };
}

export function isEmptyCell(cell: CellValue | undefined): boolean {
  return cell === undefined || cell.kind === "empty" || (cell.kind === "text" && cell.text.trim() === "");
}

/** How a cell is quoted back in a message: `"abc"`, `12.5`, `a date (2025-03-31)`. */
export function describeCell(cell: CellValue | undefined): string {
  if (cell === undefined || cell.kind === "empty") return "an empty cell";
  switch (cell.kind) {
    case "text": {
      const shown = cell.text.length > 40 ? `${cell.text.slice(0, 40)}…` : cell.text;
      return JSON.stringify(shown);
    }
    case "number":
      return String(cell.value);
    case "date":
      return `a date (${cell.date})`;
    case "boolean":
      return cell.value ? "TRUE" : "FALSE";
    case "error":
      return `the error ${cell.text}`;
  }
}
