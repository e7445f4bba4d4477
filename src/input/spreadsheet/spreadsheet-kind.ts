/**
 * Spreadsheet files by their extension: CSV text or an XLSX workbook. On its own (no reader
 * imported) so that `qbr generate` of account files can ask "is this a workbook?" without loading
 * csv-parse and the workbook readers.
 */

/** A 100,000-row export is ~5 MB as CSV; spreadsheets beyond this are refused before they are read. */
export const MAX_SPREADSHEET_BYTES = 50 * 1024 * 1024;

export type SpreadsheetKind = "csv" | "xlsx";

export function spreadsheetKind(file: string): SpreadsheetKind | undefined {
  if (/\.(csv|txt|tsv)$/i.test(file)) return "csv";
  if (/\.(xlsx|xlsm)$/i.test(file)) return "xlsx";
  return undefined;
}

export function isWorkbookFile(file: string): boolean {
  return spreadsheetKind(file) === "xlsx";
}
