import type { TableBlock, TableCell } from "../../../deck/deck-model.js";
import { FONT_SIZES, MIN_FONT_SIZE } from "../../../deck/geometry.js";
import { LINE_HEIGHT, largestFittingSize, wrapText } from "../../text-fit.js";
import { POINTS_PER_INCH } from "../text-layout.js";

/** Cell insets in inches: [top, right, bottom, left], as pptxgenjs takes them. */
export const CELL_MARGIN: [number, number, number, number] = [0.04, 0.08, 0.04, 0.08];

export interface TableLayout {
  /** Size of the body cells. */
  fontSizePt: number;
  /** Size of the header cells: FONT_SIZES.tableHeader, or the body size when that is smaller. */
  headerSizePt: number;
  /** Column widths in inches, summing to the box width. */
  columnWidths: number[];
  /** Row heights in inches: the header first, then every body row shown. */
  rowHeights: number[];
  /** How many body rows are drawn; the rest are summarised in one "more rows" row. */
  shownRows: number;
  /** Height of the "more rows" row, 0 when every row is shown. */
  moreRowHeight: number;
}

/**
 * Chooses the font size at which the header and all rows fit the box height (wrapped cells
 * included), from FONT_SIZES.table down to MIN_FONT_SIZE. When even the minimum is too tall, shows
 * the rows that fit and leaves room for a summary row.
 */
export function layoutTable(block: TableBlock): TableLayout {
  const totalWidth = block.columns.reduce((sum, column) => sum + Math.max(0, column.width), 0);
  const columnWidths = block.columns.map((column) =>
    totalWidth > 0
      ? (block.box.w * Math.max(0, column.width)) / totalWidth
      : block.box.w / block.columns.length,
  );
  const header: TableCell[] = block.columns.map((column) => ({ text: column.header, bold: true }));
  const headerSize = (size: number) => Math.min(FONT_SIZES.tableHeader, size);
  const rowsHeight = (size: number): number[] => [
    rowHeight(header, columnWidths, headerSize(size)),
    ...block.rows.map((row) => rowHeight(row, columnWidths, size)),
  ];

  const fits = (size: number) => sum(rowsHeight(size)) <= block.box.h + 1e-9;
  const size = largestFittingSize(FONT_SIZES.table, fits);
  if (size !== undefined) {
    return {
      fontSizePt: size,
      headerSizePt: headerSize(size),
      columnWidths,
      rowHeights: rowsHeight(size),
      shownRows: block.rows.length,
      moreRowHeight: 0,
    };
  }
  const heights = rowsHeight(MIN_FONT_SIZE);
  const moreRowHeight = lineRowHeight(1, MIN_FONT_SIZE);
  let used = (heights[0] ?? 0) + moreRowHeight;
  let shownRows = 0;
  while (shownRows < block.rows.length && used + (heights[shownRows + 1] ?? 0) <= block.box.h + 1e-9) {
    used += heights[shownRows + 1] ?? 0;
    shownRows++;
  }
  return {
    fontSizePt: MIN_FONT_SIZE,
    headerSizePt: headerSize(MIN_FONT_SIZE),
    columnWidths,
    rowHeights: heights.slice(0, shownRows + 1),
    shownRows,
    moreRowHeight,
  };
}

function rowHeight(row: TableCell[], columnWidths: number[], sizePt: number): number {
  let lines = 1;
  row.forEach((cell, index) => {
    const widthPt = ((columnWidths[index] ?? 0) - CELL_MARGIN[1] - CELL_MARGIN[3]) * POINTS_PER_INCH;
    const wrapped = wrapText(cell.text, Math.max(1, widthPt), sizePt, cell.bold ? "bold" : "regular");
    lines = Math.max(lines, wrapped.length);
  });
  return lineRowHeight(lines, sizePt);
}

function lineRowHeight(lines: number, sizePt: number): number {
  return (lines * sizePt * LINE_HEIGHT) / POINTS_PER_INCH + CELL_MARGIN[0] + CELL_MARGIN[2];
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
