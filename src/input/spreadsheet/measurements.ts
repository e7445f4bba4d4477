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

/** The column of one field in the export, and its header as the file writes it. */
export interface FieldColumn {
  column: number;
  header: string;
}

/**
 * Where the measurements of one export were read: shared by all of them (one object, not one per
 * cell, so 100,000 rows do not keep 400,000 references — nor the whole table — alive).
 */
export interface MeasurementSource {
  table: Pick<Table, "file" | "sheet" | "sheetIndex">;
  columns: Record<"account" | "goal" | "date" | "value", FieldColumn>;
}

export interface Measurement {
  account: string;
  goal: string;
  date: IsoDate;
  value: number;
  note?: string;
  /** The row a spreadsheet shows it in. */
  row: number;
  source: MeasurementSource;
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
export function issueAt(
  at: { row: number; source: MeasurementSource },
  field: keyof MeasurementSource["columns"],
  message: string,
): ValidationIssue {
  const { column, header } = at.source.columns[field];
  return cellIssue(at.source.table, at.row, column, headerLabel(header), message);
}

export function readMeasurements(table: Table, options: MeasurementReadOptions): MeasurementTable {
  const header = matchHeader(table, MEASUREMENT_COLUMNS, options.mapping);
  if (header.issues.length > 0) {
    return { measurements: [], rows: table.rows.length, extra: header.extra, issues: header.issues };
  }
  const issues = [...cellsBeyondHeader(table)];
  const measurements: Measurement[] = [];
  const fieldColumn = (key: MeasurementField): FieldColumn => {
    const column = header.columns.get(key)!;
    return { column, header: cellText(table.header[column - 1]!) ?? key };
  };
  const source: MeasurementSource = {
    table: { file: table.file, sheet: table.sheet, sheetIndex: table.sheetIndex },
    columns: {
      account: fieldColumn("account"),
      goal: fieldColumn("goal"),
      date: fieldColumn("date"),
      value: fieldColumn("value"),
    },
  };
  const noteColumn = header.columns.get("note");
  for (const { row, cells } of table.rows) {
    const cellOf = (field: keyof MeasurementSource["columns"]) =>
      cells[source.columns[field].column - 1] ?? EMPTY_CELL;
    const at = { row, source };
    const before = issues.length;
    const account = cellText(cellOf("account"));
    if (account === undefined)
      issues.push(issueAt(at, "account", "is empty; expected the account's id (account.id in its file)"));
    const goal = cellText(cellOf("goal"));
    if (goal === undefined) issues.push(issueAt(at, "goal", "is empty; expected the goal's id"));
    const date = parseDateCell(cellOf("date"), options.dateFormat);
    if (!date.ok)
      issues.push(issueAt(at, "date", `expected ${date.expected}, got ${describeCell(cellOf("date"))}`));
    const value = parseNumberCell(cellOf("value"), options.decimalComma);
    if (!value.ok)
      issues.push(issueAt(at, "value", `expected ${value.expected}, got ${describeCell(cellOf("value"))}`));
    if (issues.length > before || !date.ok || !value.ok) continue;
    const note = noteColumn === undefined ? undefined : cellText(cells[noteColumn - 1] ?? EMPTY_CELL);
    measurements.push({
      account: account!,
      goal: goal!,
      date: date.value,
      value: value.value,
      ...(note ? { note } : {}),
      row,
      source,
    });
  }
  issues.sort((a, b) => a.line - b.line || a.column - b.column);
  return { measurements, rows: table.rows.length, extra: header.extra, issues };
}
