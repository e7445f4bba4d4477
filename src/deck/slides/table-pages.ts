import type { DeckContext } from "../context.js";
import type { Slide, TableBlock, TableCell, TableColumn } from "../deck-model.js";
import { CONTENT_BOX } from "../geometry.js";
import { paginate } from "../layout.js";

/**
 * A table that continues on following slides when it has more rows than fit: each page repeats
 * the header and its title says "(continued)".
 */
export interface TablePagesSpec {
  id: string;
  title: string;
  subtitle?: string;
  columns: TableColumn[];
  rows: TableCell[][];
  notes: string;
  rowsPerSlide: number;
  /** Content above the table on the first slide only (e.g. KPI tiles); the table starts below it. */
  firstSlideTopBlocks?: Slide["blocks"];
  firstSlideTableTop?: number;
}

export function tablePages(context: DeckContext, spec: TablePagesSpec): Slide[] {
  return tableSlides({ ...spec, continued: context.text("continued") });
}

/** The same without a deck context, for decks that are not about one account (the portfolio). */
export function tableSlides(spec: TablePagesSpec & { continued: string }): Slide[] {
  const pages = paginate(spec.rows, spec.rowsPerSlide);
  if (pages.length === 0) pages.push([]);
  return pages.map((pageRows, index) => {
    const top =
      index === 0 && spec.firstSlideTableTop !== undefined ? spec.firstSlideTableTop : CONTENT_BOX.y;
    // Leave a partly filled last page as tall as its rows need, so rows keep the same height.
    const share = Math.min(1, (pageRows.length + 1) / (spec.rowsPerSlide + 1));
    const fullHeight = CONTENT_BOX.y + CONTENT_BOX.h - top;
    const table: TableBlock = {
      kind: "table",
      box: { x: CONTENT_BOX.x, y: top, w: CONTENT_BOX.w, h: Math.max(1.2, fullHeight * share) },
      columns: spec.columns,
      rows: pageRows,
    };
    return {
      // Every page keeps the id: hiding "scorecard" hides all of its pages.
      id: spec.id,
      layout: "content",
      title: index === 0 ? spec.title : `${spec.title} ${spec.continued}`,
      subtitle: spec.subtitle,
      blocks: [...(index === 0 ? (spec.firstSlideTopBlocks ?? []) : []), table],
      notes: spec.notes,
    };
  });
}
