import type { IsoDate } from "../../dates.js";
import type { ValidationIssue } from "../../errors.js";
import { cellsBeyondHeader, matchHeader, type ExtraColumn, type HeaderMapping } from "./columns.js";
import { cellText, parseDateCell, parseNumberCell, type DateFormat } from "./parse-cell.js";
import { cellIssue, describeCell, EMPTY_CELL, type Table } from "./table.js";

/**
 * The rows of a measurement export (long format: one row per account, goal, date and value)
 * → measurements, each remembering the cells it came from so every later problem (an unknown
 * goal, a conflict with the account file) can point at the cell to fix.
 */

export interface CellRef {
  table: Pick<Table, "file" | "sheet" | "sheetIndex">;
  row: number;
  column: number;
  /** The column's header as the file writes it. */
  header: string;
}

export interface Measurement {
  account: string;
  goal: string;
  date: IsoDate;
  value: number;
  note?: string;
  /** Where each field was read. */
  at: { account: CellRef; goal: CellRef; date: CellRef; value: CellRef };
}

export const MEASUREMENT_COLUMNS = [
  { key: "account", required: true },
  { key: "goal", required: true },
  { key: "date", required: true },
  { key: "value", required: true },
  { key: "note" },
] as const;

export type MeasurementField = (typeof MEASUREMENT_COLUMNS)[number]["key"];

export interface MeasurementReadOptions {
  dateFormat: DateFormat;
  /** Text numbers use a decimal comma ("1234,5"). */
  decimalComma: boolean;
  mapping?: HeaderMapping;
}

export interface MeasurementTable {
  measurements: Measurement[];
  /** Rows read, empty rows not counted. */
  rows: number;
  extra: ExtraColumn[];
  issues: ValidationIssue[];
}

/** A header as a message names it: bare when it is one word, quoted otherwise. */
export function headerLabel(header: string): string {
  return /^[\w.-]+$/.test(header) ? header : JSON.stringify(header);
}

/** A problem with the cell a measurement field was read from: `file.csv:5:3 date — …`. */
export function issueAt(ref: CellRef, message: string): ValidationIssue {
  return cellIssue(ref.table, ref.row, ref.column, headerLabel(ref.header), message);
}

export function readMeasurements(table: Table, options: MeasurementReadOptions): MeasurementTable {
  const header = matchHeader(table, MEASUREMENT_COLUMNS, options.mapping);
  if (header.issues.length > 0) {
    return { measurements: [], rows: table.rows.length, extra: header.extra, issues: header.issues };
  }
  const issues = [...cellsBeyondHeader(table)];
  const measurements: Measurement[] = [];
  const refOf = (row: number, key: MeasurementField): CellRef | undefined => {
    const column = header.columns.get(key);
    if (column === undefined) return undefined;
    return { table, row, column, header: cellText(table.header[column - 1]!) ?? key };
  };
  for (const { row, cells } of table.rows) {
    const cellOf = (ref: CellRef) => cells[ref.column - 1] ?? EMPTY_CELL;
    const at = {
      account: refOf(row, "account")!,
      goal: refOf(row, "goal")!,
      date: refOf(row, "date")!,
      value: refOf(row, "value")!,
    };
    const before = issues.length;
    const account = cellText(cellOf(at.account));
    if (account === undefined)
      issues.push(issueAt(at.account, "is empty; expected the account's id (account.id in its file)"));
    const goal = cellText(cellOf(at.goal));
    if (goal === undefined) issues.push(issueAt(at.goal, "is empty; expected the goal's id"));
    const date = parseDateCell(cellOf(at.date), options.dateFormat);
    if (!date.ok)
      issues.push(issueAt(at.date, `expected ${date.expected}, got ${describeCell(cellOf(at.date))}`));
    const value = parseNumberCell(cellOf(at.value), options.decimalComma);
    if (!value.ok)
      issues.push(issueAt(at.value, `expected ${value.expected}, got ${describeCell(cellOf(at.value))}`));
    if (issues.length > before || !date.ok || !value.ok) continue;
    const noteRef = refOf(row, "note");
    const note = noteRef ? cellText(cellOf(noteRef)) : undefined;
    measurements.push({
      account: account!,
      goal: goal!,
      date: date.value,
      value: value.value,
      ...(note ? { note } : {}),
      at,
    });
  }
  issues.sort((a, b) => a.line - b.line || a.column - b.column);
  return { measurements, rows: table.rows.length, extra: header.extra, issues };
}
