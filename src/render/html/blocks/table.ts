import type { TableBlock, TableCell } from "../../../deck/deck-model.js";
import { FONT_SIZES, MIN_FONT_SIZE } from "../../../deck/geometry.js";
import type { Face } from "../../fonts.js";
import { largestFittingSize, LINE_HEIGHT, wrapText } from "../../text-fit.js";
import type { HtmlContext } from "../context.js";
import { boxStyle, element, escapeText, num, pt, voidElement } from "../markup.js";
import { toneClass } from "./text.js";

/** Cell insets in points, the PDF's and the PPTX's (styles.ts pads cells by the same). */
const PAD_X = 5.76;
const PAD_Y = 2.88;
const POINTS_PER_INCH = 72;

interface Cell {
  text: string;
  face: Face;
}

function rowHeight(cells: Cell[], widths: number[], sizePt: number): number {
  const lines = cells.map(
    (cell, index) =>
      wrapText(cell.text, Math.max(1, (widths[index] ?? 0) - 2 * PAD_X), sizePt, cell.face).length,
  );
  return Math.max(1, ...lines) * sizePt * LINE_HEIGHT + 2 * PAD_Y;
}

/**
 * The size the PDF would draw the table at (the largest ≤ FONT_SIZES.table at which every row
 * fits the box); below the minimum size, the rows that fit and a "+ N more rows" line.
 */
function layOut(header: Cell[], rows: Cell[][], widths: number[], height: number) {
  const total = (sizePt: number, count: number) =>
    rows
      .slice(0, count)
      .reduce((sum, row) => sum + rowHeight(row, widths, sizePt), rowHeight(header, widths, sizePt));
  const fitting = largestFittingSize(
    FONT_SIZES.table,
    (sizePt) => total(sizePt, rows.length) <= height + 1e-6,
  );
  if (fitting !== undefined) return { sizePt: fitting, shown: rows.length };
  const more = MIN_FONT_SIZE * LINE_HEIGHT + 2 * PAD_Y;
  let shown = 0;
  while (shown < rows.length && total(MIN_FONT_SIZE, shown + 1) + more <= height + 1e-6) shown++;
  return { sizePt: MIN_FONT_SIZE, shown };
}

function cellMarkup(tag: "th" | "td", cell: TableCell | undefined, align: string, scope?: string): string {
  const classes = [`a-${align}`, cell?.bold ? "bold" : undefined, toneClass(cell?.tone)].filter(Boolean);
  return element(tag, { scope, class: classes.join(" ") }, escapeText(cell?.text ?? ""));
}

/** A real table: column headers (th scope=col), each row's first cell as its header (th scope=row). */
export function tableBlock(ctx: HtmlContext, block: TableBlock): string {
  if (block.columns.length === 0) return "";
  const width = block.box.w * POINTS_PER_INCH;
  const weights = block.columns.map((column) => Math.max(0, column.width));
  const totalWeight = weights.reduce((sum, weight) => sum + weight, 0);
  const shares = weights.map((weight) => (totalWeight > 0 ? weight / totalWeight : 1 / block.columns.length));
  const widths = shares.map((share) => share * width);
  const header = block.columns.map((column): Cell => ({ text: column.header, face: ctx.fonts.bold }));
  const rows = block.rows.map((row) =>
    block.columns.map((_, index): Cell => ({
      text: row[index]?.text ?? "",
      face: ctx.fonts[row[index]?.bold ? "bold" : "regular"],
    })),
  );
  const { sizePt, shown } = layOut(header, rows, widths, block.box.h * POINTS_PER_INCH);
  const hidden = block.rows.length - shown;
  if (hidden > 0) {
    ctx.warnings.push(
      `${ctx.slideLabel}: table shows ${shown} of ${block.rows.length} rows; ${hidden} did not fit its box`,
    );
  }
  const columns = shares.map((share) => voidElement("col", { style: `width:${num(share * 100)}%` })).join("");
  const head = block.columns
    .map((column) => cellMarkup("th", { text: column.header }, column.align, "col"))
    .join("");
  const body = block.rows
    .slice(0, shown)
    .map((row) => {
      const cells = block.columns.map((column, index) =>
        index === 0
          ? cellMarkup("th", row[index], column.align, "row")
          : cellMarkup("td", row[index], column.align),
      );
      return `<tr>${cells.join("")}</tr>`;
    })
    .join("");
  const table = element(
    "table",
    { style: `${boxStyle(block.box, { height: false })};font-size:${pt(sizePt)}` },
    `<colgroup>${columns}</colgroup><thead><tr>${head}</tr></thead><tbody>${body}</tbody>`,
  );
  if (hidden === 0) return table;
  const more = `+ ${hidden} more ${hidden === 1 ? "row" : "rows"}`;
  const bottom = {
    x: block.box.x,
    y: block.box.y + block.box.h - (MIN_FONT_SIZE * LINE_HEIGHT + 2 * PAD_Y) / POINTS_PER_INCH,
    w: block.box.w,
    h: (MIN_FONT_SIZE * LINE_HEIGHT + 2 * PAD_Y) / POINTS_PER_INCH,
  };
  return (
    table +
    element(
      "p",
      {
        class: "more",
        style: `${boxStyle(bottom)};font-size:${pt(MIN_FONT_SIZE)};padding:${pt(PAD_Y)} ${pt(PAD_X)}`,
      },
      escapeText(more),
    )
  );
}
