import type { ValidationIssue } from "../../errors.js";
import { shorten } from "../parse-source.js";
import { cellText } from "./parse-cell.js";
import { cellIssue, columnLetters, type Table } from "./table.js";

/**
 * Finding the columns a reader needs in a header row, in any order. Header names are compared
 * without case, spaces, underscores or dashes ("Baseline date" is `baselineDate`); a mapping
 * (`--map`) names other headers for them. Only a Map is ever keyed by header text, so a header
 * such as `__proto__` is just an unknown column.
 */

export interface ColumnSpec {
  /** The name the reader uses, e.g. `baselineDate`. */
  key: string;
  required?: boolean;
}

export interface ExtraColumn {
  /** 1-based column number. */
  column: number;
  name: string;
}

export interface HeaderMatch {
  /** key → 1-based column number. */
  columns: Map<string, number>;
  /** Columns with a header the reader does not use. */
  extra: ExtraColumn[];
  issues: ValidationIssue[];
}

export function normalizeHeader(name: string): string {
  return name.toLowerCase().replace(/[\s_-]+/g, "");
}

export interface HeaderMapping {
  /** key → the header name to read it from. */
  headers: Map<string, string>;
  /** Names the mapping in messages, e.g. "mapping.yaml". */
  source: string;
}

export function matchHeader(
  table: Table,
  specs: readonly ColumnSpec[],
  mapping?: HeaderMapping,
): HeaderMatch {
  const issues: ValidationIssue[] = [];
  const wanted = new Map<string, string>();
  for (const spec of specs) {
    wanted.set(normalizeHeader(mapping?.headers.get(spec.key) ?? spec.key), spec.key);
  }
  const columns = new Map<string, number>();
  const extra: ExtraColumn[] = [];
  const names: string[] = [];
  table.header.forEach((cell, index) => {
    const column = index + 1;
    const name = cellText(cell);
    if (name === undefined) return;
    names.push(name);
    const key = wanted.get(normalizeHeader(name));
    if (key === undefined) {
      extra.push({ column, name });
    } else if (columns.has(key)) {
      issues.push(
        cellIssue(
          table,
          1,
          column,
          "",
          `column "${shorten(name)}" appears twice (also in column ${columnLetters(columns.get(key)!)}); expected it once`,
        ),
      );
    } else {
      columns.set(key, column);
    }
  });
  const shown = names.length > 0 ? names.map((name) => shorten(name, 30)).join(", ") : "nothing";
  for (const spec of specs) {
    if (!spec.required || columns.has(spec.key)) continue;
    const mapped = mapping?.headers.get(spec.key);
    const message = mapped
      ? `missing the column "${shorten(mapped)}" that ${mapping!.source} names for ${spec.key}; the header row has: ${shown}`
      : `missing the column "${spec.key}"; the header row has: ${shown}${mapping ? "" : " (--map names other headers)"}`;
    issues.push(cellIssue(table, 1, 1, "", message));
  }
  return { columns, extra, issues };
}

/** Values in columns that have no header at all: a shifted row, usually. */
export function cellsBeyondHeader(table: Table): ValidationIssue[] {
  const width = table.header.length;
  const issues: ValidationIssue[] = [];
  for (const row of table.rows) {
    for (let index = width; index < row.cells.length; index++) {
      if (cellText(row.cells[index]!) === undefined) continue;
      issues.push(
        cellIssue(
          table,
          row.row,
          index + 1,
          "",
          "a value in a column without a header; expected the row to fit the header",
        ),
      );
      break;
    }
  }
  return issues;
}
