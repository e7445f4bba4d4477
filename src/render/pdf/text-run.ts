/**
 * One line of text, drawn the way pdfkit's `doc.text(line, x, y, { lineBreak: false })` draws it
 * (the same BT … TJ … ET operators, kerning and font-subset bookkeeping), but shaped once.
 *
 * Why not doc.text: for a single line pdfkit lays the string out three times (to encode it, to
 * measure it for its own alignment and to advance doc.x) and writes each operator as a separate
 * chunk. Every line of a deck is already wrapped and placed by text-fit.ts, so none of that is
 * needed; in batch runs doc.text was ~35 % of a PDF's cost.
 *
 * This module is the one place that reads pdfkit internals (`_font`, `_fontSize`, the page's font
 * resources): all of them have been stable since pdfkit 0.12, and test/render-pdf.test.ts checks
 * the drawn text through pdf.js.
 */

interface GlyphPosition {
  xAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth: number;
}

interface EmbeddedFont {
  id: string;
  /** In 1/1000 em. */
  ascender: number;
  encode(text: string): [string[], GlyphPosition[]];
  ref(): unknown;
}

interface PdfkitInternals {
  _font: EmbeddedFont;
  _fontSize: number;
  page: { height: number; fonts: Record<string, unknown> };
  addContent(data: string): unknown;
}

export interface ShapedLine {
  encoded: string[];
  positions: GlyphPosition[];
  /** Drawn width in points at the current font size. */
  width: number;
}

function internals(doc: PDFKit.PDFDocument): PdfkitInternals {
  return doc as unknown as PdfkitInternals;
}

/** pdfkit's number format: at most six decimals. */
function num(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** Shapes `text` in the document's current font and size (and adds its glyphs to the subset). */
export function shapeLine(doc: PDFKit.PDFDocument, text: string): ShapedLine {
  const state = internals(doc);
  const [encoded, positions] = state._font.encode(text.replace(/\n/g, ""));
  let advance = 0;
  for (const position of positions) advance += position.xAdvance;
  return { encoded, positions, width: (advance * state._fontSize) / 1000 };
}

/** TJ operands: glyph runs, split wherever kerning moves the next glyph (pdfkit's algorithm). */
function showOperators(shaped: ShapedLine, x: number, y: number, scale: number): string {
  const { encoded, positions } = shaped;
  const out: string[] = [];
  const commands: string[] = [];
  let last = 0;
  let hadOffset = false;
  const addSegment = (cur: number): void => {
    if (last < cur) {
      const position = positions[cur - 1]!;
      commands.push(
        `<${encoded.slice(last, cur).join("")}> ${num(-(position.xAdvance - position.advanceWidth))}`,
      );
    }
    last = cur;
  };
  const flush = (cur: number): void => {
    addSegment(cur);
    if (commands.length > 0) {
      out.push(`[${commands.join(" ")}] TJ`);
      commands.length = 0;
    }
  };
  let index = 0;
  for (; index < positions.length; index++) {
    const position = positions[index]!;
    if (position.xOffset || position.yOffset) {
      flush(index);
      out.push(`1 0 0 1 ${num(x + position.xOffset * scale)} ${num(y + position.yOffset * scale)} Tm`);
      flush(index + 1);
      hadOffset = true;
    } else {
      if (hadOffset) {
        out.push(`1 0 0 1 ${num(x)} ${num(y)} Tm`);
        hadOffset = false;
      }
      if (position.xAdvance - position.advanceWidth !== 0) addSegment(index + 1);
    }
    x += position.xAdvance * scale;
  }
  flush(index);
  return out.join("\n");
}

/**
 * Draws a shaped line with its top at `top` (the line box pdfkit's default "top" baseline uses)
 * in the current fill colour.
 */
export function showLine(doc: PDFKit.PDFDocument, shaped: ShapedLine, x: number, top: number): void {
  if (shaped.encoded.length === 0) return;
  const state = internals(doc);
  const font = state._font;
  const size = state._fontSize;
  const { height, fonts } = state.page;
  if (fonts[font.id] == null) fonts[font.id] = font.ref();
  const baseline = height - top - (font.ascender / 1000) * size;
  state.addContent(
    [
      "q",
      `1 0 0 -1 0 ${num(height)} cm`,
      "BT",
      `1 0 0 1 ${num(x)} ${num(baseline)} Tm`,
      `/${font.id} ${num(size)} Tf`,
      showOperators(shaped, x, baseline, size / 1000),
      "ET",
      "Q",
    ].join("\n"),
  );
}
