import type { TableBlock, TableCell as DeckCell, TableColumn } from "../../../deck/deck-model.js";
import { shapeName, warnOnSlide, type DrawContext } from "../context.js";
import type { TableCell, TableRow } from "../pptxgen.js";
import { hex, runFontFace, toneColor } from "../theme.js";
import { CELL_MARGIN, layoutTable } from "./table-layout.js";

/** A real PowerPoint table: header row on the primary colour, zebra rows, tone colours per cell. */
export function drawTableBlock(ctx: DrawContext, block: TableBlock): void {
  if (block.columns.length === 0) return;
  const { colors, fonts } = ctx.theme;
  const layout = layoutTable(block);
  const rule = { type: "solid" as const, pt: 0.75, color: hex(colors.surface) };
  const none = { type: "none" as const };
  const base = {
    fontFace: runFontFace(ctx.theme, fonts.body),
    fontSize: layout.fontSizePt,
    margin: CELL_MARGIN,
    valign: "middle" as const,
    border: [none, none, rule, none] as [typeof none, typeof none, typeof rule, typeof none],
  };
  const header: TableRow = block.columns.map((column) => ({
    text: column.header,
    options: {
      ...base,
      fontSize: layout.headerSizePt,
      align: column.align,
      bold: true,
      color: hex(colors.background),
      fill: { color: hex(colors.primary) },
    },
  }));
  const body: TableRow[] = block.rows
    .slice(0, layout.shownRows)
    .map((row, rowIndex) =>
      block.columns.map((column, columnIndex) => bodyCell(ctx, row[columnIndex], column, rowIndex, base)),
    );
  const rows = [header, ...body];
  const rowHeights = [...layout.rowHeights];
  const hidden = block.rows.length - layout.shownRows;
  if (hidden > 0) {
    rows.push([
      {
        text: `+ ${hidden} more ${hidden === 1 ? "row" : "rows"}`,
        options: {
          ...base,
          colspan: block.columns.length,
          italic: true,
          color: hex(colors.muted),
          align: "left",
        },
      },
    ]);
    rowHeights.push(layout.moreRowHeight);
    warnOnSlide(
      ctx,
      `table shows ${layout.shownRows} of ${block.rows.length} rows; ${hidden} did not fit its box`,
    );
  }
  ctx.slide.addTable(rows, {
    objectName: shapeName("Table", block.columns.map((column) => column.header).join(", ")),
    x: block.box.x,
    y: block.box.y,
    w: block.box.w,
    colW: layout.columnWidths,
    rowH: rowHeights,
    fontFace: runFontFace(ctx.theme, fonts.body),
    fontSize: layout.fontSizePt,
    autoPage: false,
  });
}

type BaseCellOptions = NonNullable<TableCell["options"]>;

function bodyCell(
  ctx: DrawContext,
  cell: DeckCell | undefined,
  column: TableColumn,
  rowIndex: number,
  base: BaseCellOptions,
): TableCell {
  const { colors } = ctx.theme;
  return {
    text: cell?.text ?? "",
    options: {
      ...base,
      align: column.align,
      bold: cell?.bold ?? false,
      color: toneColor(ctx.theme, cell?.tone),
      fill: { color: hex(rowIndex % 2 === 1 ? colors.surface : colors.background) },
    },
  };
}
