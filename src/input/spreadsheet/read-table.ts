import { InvalidInputError } from "../../errors.js";
import { shorten } from "../parse-source.js";
import { readCsv } from "./read-csv.js";
import { openXlsx } from "./read-xlsx.js";
import { tableFileIssue, type Table } from "./table.js";

import { spreadsheetKind } from "./spreadsheet-kind.js";

export {
  isWorkbookFile,
  MAX_SPREADSHEET_BYTES,
  spreadsheetKind,
  type SpreadsheetKind,
} from "./spreadsheet-kind.js";

function refuse(file: string, message: string): InvalidInputError {
  return new InvalidInputError([tableFileIssue(file, message)]);
}

/** One sheet of a spreadsheet file: the CSV itself, or an XLSX's first sheet or the one named. */
export async function readSpreadsheetTable(file: string, bytes: Uint8Array, sheet?: string): Promise<Table> {
  const kind = spreadsheetKind(file);
  if (kind === "csv") {
    if (sheet !== undefined)
      throw refuse(file, "--sheet applies to XLSX workbooks; a CSV file has one sheet");
    return readCsv(file, bytes);
  }
  if (kind === "xlsx") {
    const workbook = await openXlsx(file, bytes);
    if (sheet === undefined) return workbook.firstTable();
    const table = workbook.table(sheet);
    if (!table) {
      const names = workbook.sheetNames.map((name) => JSON.stringify(shorten(name, 30))).join(", ");
      throw refuse(file, `no sheet named "${shorten(sheet)}"; the workbook has ${names}`);
    }
    return table;
  }
  if (/\.(xls|ods|numbers)$/i.test(file)) {
    throw refuse(file, "this spreadsheet format is not read; save it as .xlsx or as CSV UTF-8");
  }
  throw refuse(file, "expected a .csv or .xlsx file");
}
