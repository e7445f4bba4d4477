import { createHash } from "node:crypto";
import { InvalidInputError, type ValidationIssue } from "../../errors.js";
import { accountFileSchema, type Account } from "../account-schema.js";
import { accountWarnings, sanitizeSource } from "../account-warnings.js";
import type { LoadAccountOptions } from "../load-account.js";
import { shorten, type DataPath, type ParsedSource } from "../parse-source.js";
import { formatPath, validateSource } from "../validate-source.js";
import { matchHeader, type HeaderMatch } from "./columns.js";
import { cellText, numberFromText, parseBooleanCell } from "./parse-cell.js";
import { openXlsx, type OpenedWorkbook } from "./read-xlsx.js";
import { cellIssue, cellPosition, EMPTY_CELL, type CellValue, type Table, type TableRow } from "./table.js";
import {
  WORKBOOK_SHEETS,
  type SheetName,
  type WorkbookColumn,
  type WorkbookSheet,
} from "./workbook-layout.js";

/**
 * A portfolio workbook (sheets Accounts, Goals, Plan, Actuals, Tasks, Stakeholders) → accounts.
 * Each account's rows are gathered into the same plain data a YAML file gives and validated by the
 * same zod schema; instead of line:column, its position map points every data path at the cell
 * it came from, so errors read `plans.xlsx:Goals!J7 goals[1].baseline.value — expected a number`.
 * One bad account fails alone; rows that belong to no account are problems of the workbook.
 */

type Position = ReturnType<ParsedSource["locate"]>;

export interface WorkbookAccount {
  /** The id in the Accounts sheet. */
  id: string;
  /** The account's row in the Accounts sheet. */
  row: number;
  account?: Account;
  /** Why the account is invalid (empty when it is valid). */
  issues: ValidationIssue[];
  /** The loader's warnings, as for an account file (text cleaned, renewal passed…), at their cells. */
  warnings: ValidationIssue[];
  /**
   * sha256 of the account's data as read from its rows (every sheet): what its decks are made
   * of, so a batch re-run renders again only the accounts whose rows changed.
   */
  sha256: string;
}

export interface WorkbookContents {
  file: string;
  accounts: WorkbookAccount[];
  /** Problems of the workbook as a whole (a missing column, a row of no account). */
  issues: ValidationIssue[];
  /** Things read past: extra columns and sheets. */
  notes: ValidationIssue[];
}

interface Draft {
  id: string;
  row: number;
  data: Record<string, unknown>;
  positions: Map<string, Position>;
  goals: Map<string, number>;
  /** Rows of this account that name a goal it does not have: its own problem, not the workbook's. */
  issues: ValidationIssue[];
}

const keyOf = (path: DataPath) => JSON.stringify(path);

/** Sets `value` at `path` in plain objects built only from the layout's own keys. */
function setIn(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  for (const segment of path.slice(0, -1)) {
    const next = node[segment];
    if (typeof next === "object" && next !== null) node = next as Record<string, unknown>;
    else node = node[segment] = {};
  }
  node[path.at(-1)!] = value;
}

/** One path is the other or inside it: `signals.healthScore` and `signals.healthScore.value`. */
function overlaps(a: readonly string[], b: readonly string[]): boolean {
  const length = Math.min(a.length, b.length);
  return a.slice(0, length).every((segment, index) => segment === b[index]);
}

/** A cell as the schema should see it: converted when it can be, else as written (zod then says why). */
function cellData(cell: CellValue, column: WorkbookColumn): unknown {
  if (cell.kind === "empty") return undefined;
  if (cell.kind === "text" && cell.text.trim() === "") return undefined;
  switch (column.kind) {
    case "number":
      if (cell.kind === "number") return cell.value;
      return cell.kind === "text" ? (numberFromText(cell.text, false) ?? cell.text.trim()) : cellText(cell);
    case "date":
      return cell.kind === "date" ? cell.date : cellText(cell);
    case "boolean": {
      const parsed = parseBooleanCell(cell);
      return parsed.ok ? parsed.value : cellText(cell);
    }
    case "lines": {
      const lines = (cellText(cell) ?? "")
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean);
      return lines.length > 0 ? lines : undefined;
    }
    default:
      return cell.kind === "error" ? cell.text : cellText(cell);
  }
}

interface SheetRows {
  layout: WorkbookSheet;
  table: Table;
  header: HeaderMatch;
}

function cellOf(row: TableRow, header: HeaderMatch, key: string): CellValue {
  const column = header.columns.get(key);
  return column === undefined ? EMPTY_CELL : (row.cells[column - 1] ?? EMPTY_CELL);
}

/** Copies a row's columns into `target` at `base`, remembering each field's cell. */
function fillRow(
  draft: Draft,
  sheet: SheetRows,
  row: TableRow,
  target: Record<string, unknown>,
  base: DataPath,
): void {
  /** Columns given a value in this row: two shapes of one field (nps and npsScore) cannot both be. */
  const filled: WorkbookColumn[] = [];
  for (const column of sheet.layout.columns) {
    if (column.kind === "ref") continue;
    const number = sheet.header.columns.get(column.key);
    if (number === undefined) continue;
    draft.positions.set(keyOf([...base, ...column.path]), cellPosition(sheet.table, row.row, number));
    const value = cellData(cellOf(row, sheet.header, column.key), column);
    if (value === undefined) continue;
    const other = filled.find((earlier) => overlaps(earlier.path, column.path));
    if (other) {
      draft.issues.push(
        cellIssue(
          sheet.table,
          row.row,
          number,
          formatPath([...base, ...column.path]),
          `${other.key} is filled too; expected one of ${other.key} and ${column.key}`,
        ),
      );
      continue;
    }
    filled.push(column);
    setIn(target, column.path, value);
  }
  // A missing whole field (or the entity itself) points at the row's first cell.
  draft.positions.set(keyOf(base), cellPosition(sheet.table, row.row, 1));
}

function locateIn(draft: Draft): ParsedSource["locate"] {
  return (path) => {
    for (let length = path.length; length >= 0; length--) {
      const position = draft.positions.get(keyOf(path.slice(0, length)));
      if (position) return position;
    }
    return draft.positions.get(keyOf([]))!;
  };
}

function readSheets(workbook: OpenedWorkbook, issues: ValidationIssue[], notes: ValidationIssue[]) {
  const sheets = new Map<SheetName, SheetRows>();
  for (const layout of WORKBOOK_SHEETS) {
    const table = workbook.table(layout.name);
    if (!table) {
      if (layout.name === "Accounts") {
        issues.push({
          file: workbook.file,
          line: 0,
          column: 0,
          path: "",
          message: `no sheet named "Accounts"; the workbook has ${workbook.sheetNames.map((name) => `"${shorten(name, 30)}"`).join(", ")}`,
        });
      }
      continue;
    }
    const header = matchHeader(table, layout.columns);
    issues.push(...header.issues);
    for (const extra of header.extra) {
      notes.push(
        cellIssue(
          table,
          1,
          extra.column,
          "",
          `column "${shorten(extra.name)}" is not read (not a column of ${layout.name})`,
        ),
      );
    }
    sheets.set(layout.name, { layout, table, header });
  }
  const known = new Set(WORKBOOK_SHEETS.map((sheet) => sheet.name.toLowerCase()));
  for (const name of workbook.sheetNames) {
    if (!known.has(name.toLowerCase())) {
      notes.push({
        file: workbook.file,
        line: 0,
        column: 0,
        path: "",
        message: `sheet "${shorten(name)}" is not read`,
      });
    }
  }
  return sheets;
}

function accountDrafts(sheet: SheetRows, issues: ValidationIssue[]): Map<string, Draft> {
  const drafts = new Map<string, Draft>();
  const idColumn = sheet.header.columns.get("id")!;
  for (const row of sheet.table.rows) {
    const id = cellText(cellOf(row, sheet.header, "id"));
    if (id === undefined) {
      issues.push(
        cellIssue(
          sheet.table,
          row.row,
          idColumn,
          "",
          "is empty; expected the account's id (it joins the other sheets)",
        ),
      );
      continue;
    }
    const earlier = drafts.get(id);
    if (earlier) {
      issues.push(
        cellIssue(
          sheet.table,
          row.row,
          idColumn,
          "",
          `account "${shorten(id)}" is already in row ${earlier.row}; expected each id once`,
        ),
      );
      continue;
    }
    const draft: Draft = {
      id,
      row: row.row,
      data: { schemaVersion: 1 },
      positions: new Map(),
      goals: new Map(),
      issues: [],
    };
    fillRow(draft, sheet, row, draft.data, []);
    drafts.set(id, draft);
  }
  return drafts;
}

/** The account (and goal) a row of a child sheet belongs to, or an issue at the cell that says which. */
function ownerOf(
  sheet: SheetRows,
  row: TableRow,
  drafts: Map<string, Draft>,
  withGoal: boolean,
  issues: ValidationIssue[],
): { draft: Draft; goalIndex: number } | undefined {
  const id = cellText(cellOf(row, sheet.header, "account"));
  const draft = id === undefined ? undefined : drafts.get(id);
  if (!draft) {
    const column = sheet.header.columns.get("account")!;
    const shown = id === undefined ? "an empty cell" : `"${shorten(id)}"`;
    issues.push(
      cellIssue(
        sheet.table,
        row.row,
        column,
        "",
        `expected an account id of the Accounts sheet; got ${shown}`,
      ),
    );
    return undefined;
  }
  if (!withGoal) return { draft, goalIndex: -1 };
  const goal = cellText(cellOf(row, sheet.header, "goal"));
  const goalIndex = goal === undefined ? undefined : draft.goals.get(goal);
  if (goalIndex === undefined) {
    const column = sheet.header.columns.get("goal")!;
    const shown = goal === undefined ? "an empty cell" : `"${shorten(goal)}"`;
    const ids = [...draft.goals.keys()].join(", ") || "none";
    // The account's figures would miss this row: the account fails, the others do not.
    draft.issues.push(
      cellIssue(
        sheet.table,
        row.row,
        column,
        "",
        `expected a goal of ${draft.id} in the Goals sheet (${ids}); got ${shown}`,
      ),
    );
    return undefined;
  }
  return { draft, goalIndex };
}

function pushTo(data: Record<string, unknown>, key: string, item: Record<string, unknown>): number {
  const list = (data[key] ??= []) as unknown[];
  list.push(item);
  return list.length - 1;
}

/**
 * One account's rows through what an account file goes through (load-account.ts): the text rule,
 * the schema, the warnings.
 */
function finishAccount(workbook: OpenedWorkbook, draft: Draft, options: LoadAccountOptions): WorkbookAccount {
  const known = {
    id: draft.id,
    row: draft.row,
    sha256: createHash("sha256").update(JSON.stringify(draft.data)).digest("hex"),
  };
  const { source, warnings } = sanitizeSource({
    file: workbook.file,
    data: draft.data,
    locate: locateIn(draft),
  });
  const byPosition = (a: ValidationIssue, b: ValidationIssue) => a.line - b.line || a.column - b.column;
  try {
    const account = validateSource(source, accountFileSchema);
    if (draft.issues.length > 0) return { ...known, issues: draft.issues, warnings };
    const all = [...warnings, ...accountWarnings(source, account, options)].sort(byPosition);
    return { ...known, account, issues: [], warnings: all };
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    return { ...known, issues: [...draft.issues, ...error.issues].sort(byPosition), warnings };
  }
}

export function workbookAccounts(
  workbook: OpenedWorkbook,
  options: LoadAccountOptions = {},
): WorkbookContents {
  const issues: ValidationIssue[] = [];
  const notes: ValidationIssue[] = [];
  const sheets = readSheets(workbook, issues, notes);
  const accountsSheet = sheets.get("Accounts");
  if (issues.length > 0 || !accountsSheet) throw new InvalidInputError(issues);
  const drafts = accountDrafts(accountsSheet, issues);
  const goalsSheet = sheets.get("Goals");
  for (const row of goalsSheet?.table.rows ?? []) {
    const owner = ownerOf(goalsSheet!, row, drafts, false, issues);
    if (!owner) continue;
    const goal: Record<string, unknown> = {};
    const index = pushTo(owner.draft.data, "goals", goal);
    fillRow(owner.draft, goalsSheet!, row, goal, ["goals", index]);
    const id = cellText(cellOf(row, goalsSheet!.header, "id"));
    if (id !== undefined && !owner.draft.goals.has(id)) owner.draft.goals.set(id, index);
  }
  const children: [SheetName, string][] = [
    ["Plan", "plan"],
    ["Actuals", "actuals"],
    ["Tasks", "tasks"],
  ];
  for (const [name, key] of children) {
    const sheet = sheets.get(name);
    for (const row of sheet?.table.rows ?? []) {
      const owner = ownerOf(sheet!, row, drafts, true, issues);
      if (!owner) continue;
      const goal = (owner.draft.data.goals as Record<string, unknown>[])[owner.goalIndex]!;
      const item: Record<string, unknown> = {};
      const index = pushTo(goal, key, item);
      fillRow(owner.draft, sheet!, row, item, ["goals", owner.goalIndex, key, index]);
    }
  }
  const stakeholders = sheets.get("Stakeholders");
  for (const row of stakeholders?.table.rows ?? []) {
    const owner = ownerOf(stakeholders!, row, drafts, false, issues);
    if (!owner) continue;
    const item: Record<string, unknown> = {};
    const index = pushTo(owner.draft.data, "stakeholders", item);
    fillRow(owner.draft, stakeholders!, row, item, ["stakeholders", index]);
  }
  const accounts = [...drafts.values()].map((draft) => finishAccount(workbook, draft, options));
  issues.sort((a, b) => a.line - b.line || a.column - b.column);
  return { file: workbook.file, accounts, issues, notes };
}

export async function readWorkbookAccounts(
  file: string,
  bytes: Uint8Array,
  options: LoadAccountOptions = {},
): Promise<WorkbookContents> {
  return workbookAccounts(await openXlsx(file, bytes), options);
}
