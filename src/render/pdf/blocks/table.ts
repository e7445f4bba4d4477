import type { TableBlock, TableCell } from "../../../deck/deck-model.js";
import { FONT_SIZES, MIN_FONT_SIZE } from "../../../deck/geometry.js";
import type { FontWeight } from "../../fonts.js";
import { wrapText } from "../../text-fit.js";
import type { DrawContext } from "../context.js";
import { drawLines, lineStep } from "../text.js";
import { css, mix, rectOf, toneColor, type Rect } from "../units.js";

/** Cell padding in em of the table font size. */
const PAD_X_EM = 0.5;
const PAD_Y_EM = 0.3;
/** At the minimum size a cell shows at most this many lines (the last ends with "…"). */
const MAX_LINES_AT_MIN = 2;

interface PreparedCell {
  text: string;
  weight: FontWeight;
  color: string;
}

interface TableLayout {
  sizePt: number;
  header: string[][];
  rows: string[][][];
  rowHeights: number[];
  headerHeight: number;
}

function clampLines(lines: string[], max: number): string[] {
  if (lines.length <= max) return lines;
  const kept = lines.slice(0, max);
  kept[max - 1] = `${(kept[max - 1] ?? "").replace(/.$/u, "").trimEnd()}…`;
  return kept;
}

/**
 * The largest font size (≤ FONT_SIZES.table) at which every row fits the box height, wrapping
 * cell text to its column. At the minimum size cells are cut to two lines and the rows that
 * still do not fit are left out (the caller warns).
 */
function layOut(
  header: PreparedCell[],
  body: PreparedCell[][],
  widths: number[],
  height: number,
): TableLayout {
  const wrapRow = (cells: PreparedCell[], sizePt: number, maxLines: number) =>
    widths.map((width, index) => {
      const cell = cells[index];
      if (!cell) return [""];
      return clampLines(wrapText(cell.text, width - 2 * PAD_X_EM * sizePt, sizePt, cell.weight), maxLines);
    });
  const rowHeight = (lines: string[][], sizePt: number) =>
    Math.max(1, ...lines.map((cell) => cell.length)) * lineStep(sizePt) + 2 * PAD_Y_EM * sizePt;
  const attempt = (sizePt: number, maxLines: number) => {
    const headerLines = wrapRow(header, sizePt, maxLines);
    const rows = body.map((cells) => wrapRow(cells, sizePt, maxLines));
    return {
      sizePt,
      header: headerLines,
      rows,
      headerHeight: rowHeight(headerLines, sizePt),
      rowHeights: rows.map((lines) => rowHeight(lines, sizePt)),
    };
  };
  for (let sizePt = FONT_SIZES.table; sizePt >= MIN_FONT_SIZE; sizePt -= 0.5) {
    const layout = attempt(sizePt, Number.POSITIVE_INFINITY);
    const total = layout.headerHeight + layout.rowHeights.reduce((sum, h) => sum + h, 0);
    if (total <= height) return layout;
  }
  const layout = attempt(MIN_FONT_SIZE, MAX_LINES_AT_MIN);
  let used = layout.headerHeight;
  let fitting = 0;
  while (fitting < layout.rows.length && used + (layout.rowHeights[fitting] ?? 0) <= height) {
    used += layout.rowHeights[fitting] ?? 0;
    fitting++;
  }
  return { ...layout, rows: layout.rows.slice(0, fitting), rowHeights: layout.rowHeights.slice(0, fitting) };
}

export function drawTableBlock(ctx: DrawContext, block: TableBlock): void {
  const { doc, theme, tagger } = ctx;
  const area = rectOf(block.box);
  const totalWeight = block.columns.reduce((sum, column) => sum + Math.max(0, column.width), 0) || 1;
  const widths = block.columns.map((column) => (Math.max(0, column.width) / totalWeight) * area.w);
  const lefts = widths.map((_, index) => area.x + widths.slice(0, index).reduce((sum, w) => sum + w, 0));
  const prepare = (cell: TableCell | undefined, weight: FontWeight, fallback: string): PreparedCell => {
    const cellWeight = cell?.bold ? "bold" : weight;
    return {
      text: ctx.glyphs.clean(cell?.text ?? "", cellWeight),
      weight: cellWeight,
      color: toneColor(theme, cell?.tone, fallback),
    };
  };
  const header = block.columns.map((column) => prepare({ text: column.header }, "bold", theme.colors.text));
  const body = block.rows.map((row) =>
    block.columns.map((_, index) => prepare(row[index], "regular", theme.colors.text)),
  );
  const layout = layOut(header, body, widths, area.h);
  if (layout.rows.length < block.rows.length) {
    ctx.warnings.push(
      `${ctx.slideLabel}: ${block.rows.length - layout.rows.length} of ${block.rows.length} table rows did not fit their box and were left out`,
    );
  }
  const size = layout.sizePt;
  const padX = PAD_X_EM * size;
  const padY = PAD_Y_EM * size;
  const rowTops: number[] = [];
  let y = area.y + layout.headerHeight;
  for (const height of layout.rowHeights) {
    rowTops.push(y);
    y += height;
  }

  tagger.artifact(() => {
    doc.rect(area.x, area.y, area.w, layout.headerHeight).fill(css(theme.colors.surface));
    const stripe = css(mix(theme.colors.surface, "FFFFFF", 0.6));
    const rule = css(mix(theme.colors.muted, "FFFFFF", 0.65));
    // Stripes first: a stripe drawn after a rule would cover it.
    layout.rowHeights.forEach((height, index) => {
      if (index % 2 === 1) doc.rect(area.x, rowTops[index] ?? 0, area.w, height).fill(stripe);
    });
    layout.rowHeights.forEach((height, index) => {
      const bottom = (rowTops[index] ?? 0) + height;
      doc
        .moveTo(area.x, bottom)
        .lineTo(area.x + area.w, bottom)
        .lineWidth(0.5)
        .stroke(rule);
    });
    doc
      .moveTo(area.x, area.y + layout.headerHeight)
      .lineTo(area.x + area.w, area.y + layout.headerHeight)
      .lineWidth(1)
      .stroke(css(theme.colors.primary));
  });

  const drawCell = (
    lines: string[],
    cell: PreparedCell | undefined,
    column: number,
    top: number,
    height: number,
  ) => {
    const rect: Rect = {
      x: (lefts[column] ?? area.x) + padX,
      y: top + padY,
      w: (widths[column] ?? 0) - 2 * padX,
      h: height - 2 * padY,
    };
    drawLines(ctx, lines, rect, {
      sizePt: size,
      weight: cell?.weight ?? "regular",
      color: cell?.color ?? theme.colors.text,
      align: block.columns[column]?.align ?? "left",
    });
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
      tagger.leaf(tr, "TD", () =>
        drawCell(
          lines,
          body[rowIndex]?.[column],
          column,
          rowTops[rowIndex] ?? 0,
          layout.rowHeights[rowIndex] ?? 0,
        ),
      );
    });
    tr.end();
  });
  table.end();
}
