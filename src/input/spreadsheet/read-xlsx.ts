import type { Cell, CellValue as ExcelCellValue, Workbook, Worksheet } from "exceljs";
import { InvalidInputError, type ValidationIssue } from "../../errors.js";
import { checkZipArchive, type ZipLimits } from "./zip-guard.js";
import {
  cellIssue,
  EMPTY_CELL,
  isEmptyCell,
  tableFileIssue,
  type CellValue,
  type Table,
  type TableRow,
} from "./table.js";

/**
 * XLSX bytes → Tables, one per sheet asked for. Values are taken as Excel stores them: numbers as
 * numbers, dates (serial numbers with a date format, in the workbook's 1900 or 1904 date system)
 * as calendar days, and formula cells by their last calculated result — a formula is never
 * evaluated, so a workbook cannot make qbr compute anything. The zip archive is checked for bombs
 * before the XLSX library (exceljs, loaded only here) sees a byte.
 */

/** Excel's own limit for the text of one cell; longer text is refused, never carried along. */
export const MAX_CELL_CHARS = 32_767;

export interface OpenedWorkbook {
  file: string;
  sheetNames: string[];
  /** The sheet as a Table, or undefined when the workbook has no such sheet. */
  table(sheet: string): Table | undefined;
  /** The first sheet. */
  firstTable(): Table;
}

function fromExcel(value: ExcelCellValue, textOfCell: () => string): CellValue {
  if (value === null || value === undefined) return EMPTY_CELL;
  if (typeof value === "number") return Number.isFinite(value) ? { kind: "number", value } : EMPTY_CELL;
  if (typeof value === "string") return value === "" ? EMPTY_CELL : { kind: "text", text: value };
  if (typeof value === "boolean") return { kind: "boolean", value };
  if (value instanceof Date) {
    // Dates come as UTC midnights of the serial's day (a time of day stays in the same day).
    return Number.isFinite(value.getTime())
      ? { kind: "date", date: value.toISOString().slice(0, 10) }
      : { kind: "error", text: "#DATE!" };
  }
  if ("error" in value) return { kind: "error", text: String(value.error) };
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as { result?: ExcelCellValue }).result;
    if (result === undefined) return { kind: "error", text: "a formula without a saved result" };
    if (typeof result === "object" && result !== null && "error" in result) {
      return { kind: "error", text: String(result.error) };
    }
    return fromExcel(result as ExcelCellValue, textOfCell);
  }
  // Rich text and hyperlinks: the text a user sees.
  const text = textOfCell();
  return text === "" ? EMPTY_CELL : { kind: "text", text };
}

export function readSheet(
  file: string,
  worksheet: Worksheet,
  sheetIndex: number,
  issues: ValidationIssue[],
): Table {
  const location = { file, sheet: worksheet.name, sheetIndex };
  const rows: TableRow[] = [];
  let header: CellValue[] | undefined;
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell: Cell, column: number) => {
      const value = fromExcel(cell.value, () => cell.text ?? "");
      if (value.kind === "text" && value.text.length > MAX_CELL_CHARS) {
        issues.push(
          cellIssue(
            location,
            rowNumber,
            column,
            "",
            `a text of ${value.text.length} characters; expected at most ${MAX_CELL_CHARS}`,
          ),
        );
        cells[column - 1] = EMPTY_CELL;
        return;
      }
      cells[column - 1] = value;
    });
    for (let index = 0; index < cells.length; index++) cells[index] ??= EMPTY_CELL;
    if (rowNumber === 1) header = cells;
    else if (!cells.every((cell) => isEmptyCell(cell))) rows.push({ row: rowNumber, cells });
  });
  return { ...location, header: header ?? [], rows };
}

/** The workbook as exceljs models it (for an edit), after the zip-bomb checks. */
export async function loadWorkbook(file: string, bytes: Uint8Array, limits?: ZipLimits): Promise<Workbook> {
  checkZipArchive(file, bytes, limits);
  return loadCheckedWorkbook(file, bytes);
}

async function loadCheckedWorkbook(file: string, bytes: Uint8Array): Promise<Workbook> {
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new InvalidInputError([
      tableFileIssue(file, `cannot read the workbook (${reason}); expected an .xlsx file`),
    ]);
  }
  return workbook;
}

/** The sheet named so: the exact name first, else the one sheet whose name differs only in case; -1 when none. */
export function sheetIndex(worksheets: readonly Worksheet[], sheet: string): number {
  const index = worksheets.findIndex((worksheet) => worksheet.name === sheet);
  if (index >= 0) return index;
  const folded = worksheets.flatMap((worksheet, position) =>
    worksheet.name.toLowerCase() === sheet.toLowerCase() ? [position] : [],
  );
  return folded.length === 1 ? folded[0]! : -1;
}

export async function openXlsx(file: string, bytes: Uint8Array, limits?: ZipLimits): Promise<OpenedWorkbook> {
  const workbook = await loadWorkbook(file, bytes, limits);
  const worksheets = workbook.worksheets;
  if (worksheets.length === 0) {
    throw new InvalidInputError([tableFileIssue(file, "the workbook has no sheets")]);
  }
  const cache = new Map<string, Table>();
  const tableOf = (worksheet: Worksheet, index: number): Table => {
    let table = cache.get(worksheet.name);
    if (!table) {
      const issues: ValidationIssue[] = [];
      table = readSheet(file, worksheet, index, issues);
      if (issues.length > 0) throw new InvalidInputError(issues);
      cache.set(worksheet.name, table);
    }
    return table;
  };
  return {
    file,
    sheetNames: worksheets.map((worksheet) => worksheet.name),
    table(sheet) {
      const index = sheetIndex(worksheets, sheet);
      return index < 0 ? undefined : tableOf(worksheets[index]!, index);
    },
    firstTable: () => tableOf(worksheets[0]!, 0),
  };
}
