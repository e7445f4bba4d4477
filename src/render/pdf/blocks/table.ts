import type { TableBlock, TableCell } from "../../../deck/deck-model.js";
import { FONT_SIZES, MIN_FONT_SIZE } from "../../../deck/geometry.js";
import type { Face, FontWeight } from "../../fonts.js";
import { largestFittingSize, wrapText } from "../../text-fit.js";
import type { DrawContext } from "../context.js";
import { drawLines, lineStep } from "../text.js";
import { css, pt, rectOf, toneColor, type Rect } from "../units.js";

/** Cell insets, the same as the PPTX table's. */
const PAD_X = pt(0.08);
const PAD_Y = pt(0.04);

interface PreparedCell {
  text: string;
  weight: FontWeight;
  color: string;
}

interface TableLayout {
  sizePt: number;
  header: string[][];
  headerHeight: number;
  rows: string[][][];
  rowHeights: number[];
  /** Rows left out (summarised in a "+ N more rows" line of height `moreHeight`). */
  hidden: number;
  moreHeight: number;
}

function rowHeight(lines: string[][], sizePt: number): number {
  return Math.max(1, ...lines.map((cell) => cell.length)) * lineStep(sizePt) + 2 * PAD_Y;
}

/**
 * The largest font size (≤ FONT_SIZES.table) at which the header and every row fit the box,
 * wrapping cell text to its column. Below the minimum size, the rows that fit are shown and the
 * rest summarised in one line (as the PPTX renderer does).
 */
function layOut(
  header: PreparedCell[],
  body: PreparedCell[][],
  widths: number[],
  height: number,
  fonts: Record<FontWeight, Face>,
): TableLayout {
  const wrapRow = (cells: PreparedCell[], sizePt: number) =>
    widths.map((width, index) => {
      const cell = cells[index];
      return cell ? wrapText(cell.text, Math.max(1, width - 2 * PAD_X), sizePt, fonts[cell.weight]) : [""];
    });
  const attempt = (sizePt: number): TableLayout => {
    const headerLines = wrapRow(header, sizePt);
    const rows = body.map((cells) => wrapRow(cells, sizePt));
    return {
      sizePt,
      header: headerLines,
      headerHeight: rowHeight(headerLines, sizePt),
      rows,
      rowHeights: rows.map((lines) => rowHeight(lines, sizePt)),
      hidden: 0,
      moreHeight: 0,
    };
  };
  const attempts = new Map<number, TableLayout>();
  const attemptOnce = (sizePt: number): TableLayout => {
    let layout = attempts.get(sizePt);
    if (!layout) attempts.set(sizePt, (layout = attempt(sizePt)));
    return layout;
  };
  const fits = (sizePt: number) => {
    const layout = attemptOnce(sizePt);
    return layout.headerHeight + layout.rowHeights.reduce((sum, h) => sum + h, 0) <= height + 1e-6;
  };
  const fitting = largestFittingSize(FONT_SIZES.table, fits);
  if (fitting !== undefined) return attemptOnce(fitting);
  const layout = attemptOnce(MIN_FONT_SIZE);
  const moreHeight = lineStep(MIN_FONT_SIZE) + 2 * PAD_Y;
  let used = layout.headerHeight + moreHeight;
  let shown = 0;
  while (shown < layout.rows.length && used + (layout.rowHeights[shown] ?? 0) <= height + 1e-6) {
    used += layout.rowHeights[shown] ?? 0;
    shown++;
  }
  return {
    ...layout,
    rows: layout.rows.slice(0, shown),
    rowHeights: layout.rowHeights.slice(0, shown),
    hidden: layout.rows.length - shown,
    moreHeight,
  };
}

/** Header row on the primary colour, zebra rows, tone colours per cell, like the PPTX table. */
export function drawTableBlock(ctx: DrawContext, block: TableBlock): void {
  const { doc, theme, tagger } = ctx;
  if (block.columns.length === 0) return;
  const area = rectOf(block.box);
  const totalWeight = block.columns.reduce((sum, column) => sum + Math.max(0, column.width), 0);
  const widths = block.columns.map((column) =>
    totalWeight > 0 ? (Math.max(0, column.width) / totalWeight) * area.w : area.w / block.columns.length,
  );
  const lefts = widths.map((_, index) => area.x + widths.slice(0, index).reduce((sum, w) => sum + w, 0));
  const prepare = (cell: TableCell | undefined, weight: FontWeight, color: string): PreparedCell => {
    const cellWeight = cell?.bold ? "bold" : weight;
    return { text: ctx.glyphs.clean(cell?.text ?? "", cellWeight), weight: cellWeight, color };
  };
  const header = block.columns.map((column) =>
    prepare({ text: column.header }, "bold", theme.colors.background),
  );
  const body = block.rows.map((row) =>
    block.columns.map((_, index) => prepare(row[index], "regular", toneColor(theme, row[index]?.tone))),
  );
  const layout = layOut(header, body, widths, area.h, ctx.fonts);
  if (layout.hidden > 0) {
    ctx.warnings.push(
      `${ctx.slideLabel}: table shows ${layout.rows.length} of ${block.rows.length} rows; ${layout.hidden} did not fit its box`,
    );
  }
  const rowTops: number[] = [];
  let y = area.y + layout.headerHeight;
  for (const height of layout.rowHeights) {
    rowTops.push(y);
    y += height;
  }
  const bottom = y;

  tagger.artifact(() => {
    doc.rect(area.x, area.y, area.w, layout.headerHeight).fill(css(theme.colors.primary));
    // Stripes first: a stripe drawn after a rule would cover it.
    layout.rowHeights.forEach((height, index) => {
      if (index % 2 === 1)
        doc.rect(area.x, rowTops[index] ?? 0, area.w, height).fill(css(theme.colors.surface));
    });
    layout.rowHeights.forEach((height, index) => {
      const rule = (rowTops[index] ?? 0) + height;
      doc
        .moveTo(area.x, rule)
        .lineTo(area.x + area.w, rule)
        .lineWidth(0.75)
        .stroke(css(theme.colors.surface));
    });
  });

  const drawCell = (
    lines: string[],
    cell: PreparedCell | undefined,
    column: number,
    top: number,
    height: number,
  ) => {
    const rect: Rect = {
      x: (lefts[column] ?? area.x) + PAD_X,
      y: top + PAD_Y,
      w: (widths[column] ?? 0) - 2 * PAD_X,
      h: height - 2 * PAD_Y,
    };
    const style = {
      sizePt: layout.sizePt,
      weight: cell?.weight ?? "regular",
      color: cell?.color ?? theme.colors.text,
      align: block.columns[column]?.align ?? "left",
    };
    drawLines(ctx, lines, rect, style, "middle");
  };

  const table = tagger.element(ctx.section, "Table");
  const headerRow = tagger.element(table, "TR");
  layout.header.forEach((lines, column) => {
    tagger.leaf(headerRow, "TH", () => drawCell(lines, header[column], column, area.y, layout.headerHeight), {
      scope: "Column",
    });
  });
  headerRow.end();
  layout.rows.forEach((row, rowIndex) => {
    const tr = tagger.element(table, "TR");
    row.forEach((lines, column) => {
      const top = rowTops[rowIndex] ?? 0;
      tagger.leaf(tr, "TD", () =>
        drawCell(lines, body[rowIndex]?.[column], column, top, layout.rowHeights[rowIndex] ?? 0),
      );
    });
    tr.end();
  });
  table.end();
  if (layout.hidden > 0) {
    const more = `+ ${layout.hidden} more ${layout.hidden === 1 ? "row" : "rows"}`;
    const rect: Rect = { x: area.x + PAD_X, y: bottom + PAD_Y, w: area.w - 2 * PAD_X, h: layout.moreHeight };
    tagger.leaf(ctx.section, "P", () =>
      drawLines(ctx, [more], rect, { sizePt: MIN_FONT_SIZE, weight: "regular", color: theme.colors.muted }),
    );
  }
}
