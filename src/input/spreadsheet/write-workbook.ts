import type { DataValidation, Worksheet } from "exceljs";
import type { Account } from "../account-schema.js";
import { columnLetters } from "./table.js";
import { WORKBOOK_SHEETS, type SheetName, type WorkbookColumn } from "./workbook-layout.js";

/**
 * Accounts → a portfolio workbook (`qbr export -o plans.xlsx`, `qbr init --workbook`), the
 * layout of workbook-layout.ts: a header row with a note on every column, frozen; dates as real
 * date cells; drop-down lists for roles, statuses, directions and done; reasons and risks one per
 * line. Read back by read-workbook.ts, it gives the same accounts.
 */

/** Rows below the data that still get the drop-down lists, for accounts added by hand. */
const VALIDATED_SPARE_ROWS = 500;

type Entity = Record<string, unknown>;

function getIn(entity: unknown, path: readonly string[]): unknown {
  let node = entity;
  for (const segment of path) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Entity)[segment];
  }
  return node;
}

/** An ISO day as the Date exceljs turns into Excel's date serial (UTC midnight: no time-zone shift). */
function dateCell(value: string): Date {
  return new Date(`${value}T00:00:00.000Z`);
}

function cellValue(column: WorkbookColumn, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  // A field with two shapes has a column per shape (healthScore/healthLabel, nps/npsScore):
  // each column takes only its own.
  if (column.kind === "number" && typeof value !== "number") return null;
  if (column.kind !== "lines" && typeof value === "object" && !(value instanceof Date)) return null;
  if (column.kind === "date" && typeof value === "string") return dateCell(value);
  if (column.kind === "lines" && Array.isArray(value)) {
    // A classified stated reason ({ text, category }) is written as its text.
    const lines = value.map((line: unknown) =>
      typeof line === "object" && line !== null && "text" in line ? String(line.text) : String(line),
    );
    return lines.length > 0 ? lines.join("\n") : null;
  }
  return value;
}

interface SheetRow {
  refs: Entity;
  entity: unknown;
}

function rowsOf(account: Account, sheet: SheetName): SheetRow[] {
  const id = account.account.id ?? account.account.name;
  const refs = (goal?: string): Entity => (goal === undefined ? { account: id } : { account: id, goal });
  switch (sheet) {
    case "Accounts":
      return [{ refs: {}, entity: account }];
    case "Goals":
      return account.goals.map((goal) => ({ refs: refs(), entity: goal }));
    case "Plan":
      return account.goals.flatMap((goal) =>
        goal.plan.map((point) => ({ refs: refs(goal.id), entity: point })),
      );
    case "Actuals":
      return account.goals.flatMap((goal) =>
        goal.actuals.map((point) => ({ refs: refs(goal.id), entity: point })),
      );
    case "Tasks":
      return account.goals.flatMap((goal) =>
        goal.tasks.map((task) => ({ refs: refs(goal.id), entity: task })),
      );
    case "Stakeholders":
      return account.stakeholders.map((stakeholder) => ({ refs: refs(), entity: stakeholder }));
  }
}

function styleHeader(worksheet: Worksheet, columns: readonly WorkbookColumn[]): void {
  const header = worksheet.getRow(1);
  header.font = { bold: true, color: { argb: "FFFFFFFF" } };
  header.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF1F4E79" } };
  columns.forEach((column, index) => {
    header.getCell(index + 1).note = column.note;
    const sheetColumn = worksheet.getColumn(index + 1);
    sheetColumn.width = column.width ?? 14;
    // Dates typed into the spare rows show as dates too.
    if (column.kind === "date") sheetColumn.numFmt = "yyyy-mm-dd";
  });
}

/** exceljs 4.4 has range validations (`worksheet.dataValidations`) but leaves them out of its types. */
interface RangeValidations {
  dataValidations: { add(range: string, validation: DataValidation): void };
}

function addDropDowns(worksheet: Worksheet, columns: readonly WorkbookColumn[], lastRow: number): void {
  const { dataValidations } = worksheet as unknown as RangeValidations;
  columns.forEach((column, index) => {
    if (!column.choices) return;
    const letter = columnLetters(index + 1);
    // A list literal is one quoted, comma-separated string in the validation formula.
    dataValidations.add(`${letter}2:${letter}${lastRow}`, {
      type: "list",
      allowBlank: true,
      formulae: [`"${column.choices.join(",")}"`],
      showErrorMessage: true,
      errorTitle: column.key,
      error: `Expected one of: ${column.choices.join(", ")}`,
    });
  });
}

export async function writeWorkbook(accounts: readonly Account[]): Promise<Uint8Array> {
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "qbr-deck";
  for (const sheet of WORKBOOK_SHEETS) {
    const worksheet = workbook.addWorksheet(sheet.name, { views: [{ state: "frozen", ySplit: 1 }] });
    worksheet.addRow(sheet.columns.map((column) => column.key));
    styleHeader(worksheet, sheet.columns);
    for (const account of accounts) {
      for (const { refs, entity } of rowsOf(account, sheet.name)) {
        const values = sheet.columns.map((column) =>
          column.kind === "ref" ? (refs[column.key] ?? null) : cellValue(column, getIn(entity, column.path)),
        );
        const row = worksheet.addRow(values);
        sheet.columns.forEach((column, index) => {
          const cell = row.getCell(index + 1);
          if (column.kind === "date") cell.numFmt = "yyyy-mm-dd";
          if (column.kind === "lines") cell.alignment = { wrapText: true, vertical: "top" };
        });
      }
    }
    addDropDowns(worksheet, sheet.columns, worksheet.rowCount + VALIDATED_SPARE_ROWS);
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
