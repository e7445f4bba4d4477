/**
 * The cells behind a chart ("Edit Data"), as the chart shows them. pptxgenjs 4.0.1 writes every
 * category as a text cell, so the dates of a date axis arrive as text ("45672"): in Excel they are
 * no dates, and once the data is edited the chart reads them as zeros. Its cells carry no number
 * format either, and its styles part has no cell formats to refer to. Here the categories of a
 * date axis become date cells and every cell takes the number format of the chart's data
 * ("15 Jan 2025", "$57,000", "70.9%"), read from the chart's own cache.
 */

interface CellFormat {
  /** The number to write instead of the cell's own value (date categories), if any. */
  value?: string;
  formatCode: string;
}

/** Wide enough for a date ("30 Sep 2025") in the workbook's 9 pt font. */
const DATE_COLUMN_WIDTH = 12;
/** Custom number formats are numbered from 164 (0–163 are Excel's built-in ones). */
const FIRST_CUSTOM_FORMAT = 164;

const SERIES = /<c:ser>[\s\S]*?<\/c:ser>/g;
const NUMBER_SOURCE =
  /<c:(cat|val)>\s*<c:numRef>\s*<c:f>[^!<]*!\$([A-Z]+)\$(\d+):\$[A-Z]+\$\d+<\/c:f>\s*<c:numCache>\s*<c:formatCode>([^<]*)<\/c:formatCode>([\s\S]*?)<\/c:numCache>/g;
const CACHED_POINT = /<c:pt idx="(\d+)">\s*<c:v>([^<]+)<\/c:v>\s*<\/c:pt>/g;

/** Cell reference → what the chart says about that cell. */
export function chartCellFormats(chartXml: string): Map<string, CellFormat> {
  const cells = new Map<string, CellFormat>();
  for (const [series] of chartXml.matchAll(SERIES)) {
    for (const [, role, column, firstRow, formatCode, cache] of series.matchAll(NUMBER_SOURCE)) {
      const row = Number(firstRow);
      const code = unescapeXml(formatCode ?? "General");
      if (role === "cat") {
        for (const [, index, value] of (cache ?? "").matchAll(CACHED_POINT)) {
          cells.set(`${column}${row + Number(index)}`, {
            value: (value ?? "").trim(),
            formatCode: code,
          });
        }
      } else if (code !== "General") {
        const count = Number(/<c:ptCount val="(\d+)"\/>/.exec(cache ?? "")?.[1] ?? 0);
        for (let index = 0; index < count; index++)
          cells.set(`${column}${row + index}`, { formatCode: code });
      }
    }
  }
  return cells;
}

/**
 * Applies the chart's formats to the sheet and the styles part: returns both rewritten, or null
 * when the chart has nothing to apply (a category chart whose data is General).
 */
export function formatCellsAsChart(
  sheetXml: string,
  stylesXml: string,
  chartXml: string,
): { sheet: string; styles: string } | null {
  const cells = chartCellFormats(chartXml);
  if (cells.size === 0) return null;
  const codes = [...new Set([...cells.values()].map((cell) => cell.formatCode))];
  // Cell format 0 is the default; format i + 1 carries number format codes[i].
  const styleOf = new Map(codes.map((code, index) => [code, index + 1]));
  let hasDates = false;
  const sheet = sheetXml.replace(
    /<c r="([A-Z]+\d+)"(?: t="s")?>(<v>[^<]*<\/v>)<\/c>/g,
    (cell, ref: string, value: string) => {
      const format = cells.get(ref);
      if (!format) return cell;
      if (format.value !== undefined) hasDates = true;
      const content = format.value !== undefined ? `<v>${format.value}</v>` : value;
      return `<c r="${ref}" s="${styleOf.get(format.formatCode)}">${content}</c>`;
    },
  );
  const widened = hasDates
    ? sheet.replace(
        /<sheetFormatPr\b[^>]*\/>/,
        (format) =>
          `${format}<cols><col min="1" max="1" width="${DATE_COLUMN_WIDTH}" customWidth="1"/></cols>`,
      )
    : sheet;
  return { sheet: widened, styles: withCellFormats(stylesXml, codes) };
}

/** The styles part with number formats for `codes` and cell formats 0 (General), 1…n using them. */
function withCellFormats(stylesXml: string, codes: readonly string[]): string {
  const numFmts = `<numFmts count="${codes.length}">${codes
    .map(
      (code, index) => `<numFmt numFmtId="${FIRST_CUSTOM_FORMAT + index}" formatCode="${escapeXml(code)}"/>`,
    )
    .join("")}</numFmts>`;
  const xf = (numFmtId: number, apply: boolean) =>
    `<xf numFmtId="${numFmtId}" fontId="0" fillId="0" borderId="0" xfId="0"${apply ? ' applyNumberFormat="1"' : ""}/>`;
  const cellXfs = `<cellXfs count="${codes.length + 1}">${xf(0, false)}${codes
    .map((_, index) => xf(FIRST_CUSTOM_FORMAT + index, true))
    .join("")}</cellXfs>`;
  const cellStyles =
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    `${cellXfs}<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>`;
  const withoutFormats = stylesXml
    .replace(/<numFmts\b[\s\S]*?<\/numFmts>/, "")
    .replace(
      /<cellStyleXfs\b[\s\S]*?<\/cellStyleXfs>|<cellXfs\b[\s\S]*?<\/cellXfs>|<cellStyles\b[\s\S]*?<\/cellStyles>/g,
      "",
    );
  // Replacer functions: the codes hold "$", which a replacement string would read as a pattern.
  return withoutFormats
    .replace(/<styleSheet\b[^>]*>/, (open) => `${open}${numFmts}`)
    .replace("</borders>", () => `</borders>${cellStyles}`);
}

function unescapeXml(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
