import { CsvError, parse } from "csv-parse/sync";
import { InvalidInputError } from "../../errors.js";
import { EMPTY_CELL, isEmptyCell, tableFileIssue, type CellValue, type Table } from "./table.js";

/**
 * CSV bytes → a Table. Accepts what spreadsheet apps and CRM/BI exports write: UTF-8 with or
 * without a byte-order mark, comma, semicolon or tab delimiters (found from the header row),
 * quoted fields with delimiters and line breaks inside, CRLF or LF. Refuses, with the fix in the
 * message, what would otherwise turn into garbage: UTF-16 ("Unicode text" from Excel), legacy
 * 8-bit encodings, a workbook renamed to .csv.
 */

/** Far beyond a row of measurements; a hostile file with one endless field stops here. */
export const MAX_CSV_RECORD_CHARS = 1024 * 1024;

const SAVE_AS_UTF8 = "save it as CSV UTF-8 (Excel: File → Save As → CSV UTF-8)";

function refuse(file: string, message: string): InvalidInputError {
  return new InvalidInputError([tableFileIssue(file, message)]);
}

export function decodeCsvText(file: string, bytes: Uint8Array): string {
  const [b0, b1, b2, b3] = bytes;
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
    throw refuse(file, `file is UTF-16 text; expected UTF-8: ${SAVE_AS_UTF8}`);
  }
  if (b0 === 0x50 && b1 === 0x4b && b2 === 0x03 && b3 === 0x04) {
    throw refuse(file, "file is a zip archive (an XLSX workbook?), not CSV text; name it .xlsx");
  }
  if (bytes.includes(0)) {
    throw refuse(file, `file holds NUL bytes (UTF-16 or binary); expected CSV text: ${SAVE_AS_UTF8}`);
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw refuse(file, `file is not UTF-8 text (Windows-1252 or Latin-1?); ${SAVE_AS_UTF8}`);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

const DELIMITERS = [",", ";", "\t"] as const;

/** The delimiter used most often in the header row, outside quotes (a comma when none is). */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((delimiter) => [delimiter, 0]));
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === "\n" || char === "\r")) break;
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  let best = ",";
  for (const [delimiter, count] of counts) if (count > counts.get(best)!) best = delimiter;
  return best;
}

const CSV_ERROR_WORDS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted field is never closed (a missing ")',
  CSV_INVALID_CLOSING_QUOTE: "unexpected text after a closing quote",
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: "unexpected text after a closing quote",
  CSV_MAX_RECORD_SIZE: `a row longer than ${MAX_CSV_RECORD_CHARS / 1024 / 1024} MB`,
};

function textCell(text: string): CellValue {
  return text === "" ? EMPTY_CELL : { kind: "text", text };
}

export function readCsv(file: string, bytes: Uint8Array): Table {
  const text = decodeCsvText(file, bytes);
  const delimiter = detectDelimiter(text);
  let records: string[][];
  try {
    records = parse(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      max_record_size: MAX_CSV_RECORD_CHARS,
    }) as string[][];
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const details = error as CsvError & { records?: number };
    // Rows as a spreadsheet numbers them are records, not lines (a quoted field may span lines).
    const row = (details.records ?? 0) + 1;
    throw new InvalidInputError([
      {
        file,
        line: row,
        column: 1,
        path: "",
        message: `invalid CSV: ${CSV_ERROR_WORDS[error.code] ?? error.code}`,
      },
    ]);
  }
  const [headerRecord, ...dataRecords] = records;
  if (!headerRecord || headerRecord.every((field) => field.trim() === "")) {
    throw refuse(file, "file is empty; expected a header row and one row per measurement");
  }
  const rows = dataRecords
    .map((record, index) => ({ row: index + 2, cells: record.map(textCell) }))
    .filter((row) => !row.cells.every((cell) => isEmptyCell(cell)));
  return { file, header: headerRecord.map(textCell), rows, delimiter };
}
