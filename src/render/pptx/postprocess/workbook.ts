import { readPackage, textPart, writePackage, type PackageFiles } from "./package.js";
import { normaliseCoreDates } from "./core-properties.js";
import { formatCellsAsChart } from "./workbook-formats.js";

/**
 * The Excel workbook pptxgenjs embeds behind every chart ("Edit Data"). It is a zip of its own,
 * with its own defects and timestamps.
 */

/**
 * pptxgenjs 4.0.1 (issues #1306 / #1531, fixed upstream only in unmerged PR #1327): the table
 * range of category charts ends in a stray apostrophe, ref="A1:D16'". Keynote and macOS Quick
 * Look fail on the unparseable workbook and silently drop the whole chart.
 */
export function fixTableRef(tableXml: string): string {
  return tableXml.replace(/(<table\b[^>]*\sref="[A-Z]+\d+:[A-Z]+\d+)'"/, '$1"');
}

/**
 * pptxgenjs writes `<v>${value || ''}</v>` for the data cells, so a 0 becomes an empty cell and a
 * null an empty value. Refill the cells from the chart's own cache (the numbers PowerPoint
 * draws) and drop cells that have no value, so "Edit Data" shows what the chart shows.
 */
export function fillCellsFromChart(sheetXml: string, chartXml: string): string {
  const values = chartCellValues(chartXml);
  return sheetXml.replace(/<c r="([A-Z]+\d+)"><v><\/v><\/c>/g, (_cell, ref: string) => {
    const value = values.get(ref);
    return value === undefined ? "" : `<c r="${ref}"><v>${value}</v></c>`;
  });
}

const VALUE_REF =
  /<c:val>\s*<c:numRef>\s*<c:f>[^!<]*!\$([A-Z]+)\$(\d+):\$[A-Z]+\$\d+<\/c:f>\s*<c:numCache>([\s\S]*?)<\/c:numCache>/g;
const CACHED_POINT = /<c:pt idx="(\d+)">\s*<c:v>([^<]+)<\/c:v>\s*<\/c:pt>/g;

/** Cell reference → cached number, for every series' values in a chart. */
function chartCellValues(chartXml: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const [, column, firstRow, cache] of chartXml.matchAll(VALUE_REF)) {
    for (const [, index, value] of (cache ?? "").matchAll(CACHED_POINT)) {
      values.set(`${column}${Number(firstRow) + Number(index)}`, (value ?? "").trim());
    }
  }
  return values;
}

/**
 * One embedded workbook (zipped, or the parts recorded from pptxgenjs): applies the fixes, fixes
 * its dates, and zips it reproducibly.
 */
export async function normaliseWorkbook(
  workbook: Uint8Array | PackageFiles,
  chartXml: string | undefined,
  date: Date,
): Promise<Uint8Array> {
  const files = workbook instanceof Map ? new Map(workbook) : await readPackage(workbook);
  const table = textPart(files, "xl/tables/table1.xml");
  if (table !== undefined) files.set("xl/tables/table1.xml", fixTableRef(table));
  const sheet = textPart(files, "xl/worksheets/sheet1.xml");
  const styles = textPart(files, "xl/styles.xml");
  if (sheet !== undefined && chartXml !== undefined) {
    const filled = fillCellsFromChart(sheet, chartXml);
    const formatted = styles === undefined ? null : formatCellsAsChart(filled, styles, chartXml);
    files.set("xl/worksheets/sheet1.xml", formatted?.sheet ?? filled);
    if (formatted) files.set("xl/styles.xml", formatted.styles);
  }
  const core = textPart(files, "docProps/core.xml");
  if (core !== undefined) files.set("docProps/core.xml", normaliseCoreDates(core, date));
  return writePackage(files, date);
}
