import { mapElements } from "./xml-elements.js";

/**
 * pptxgenjs 4.0.1 uses one format code (`catLabelFormatCode`) both for a date axis' labels and for
 * the dates themselves, and links the labels to the data's format (sourceLinked="1"). Our labels
 * name months ("Apr 2025") while the data are days: the dates get their whole format — the one
 * the embedded workbook shows them in (workbook-formats.ts) — and the labels keep theirs, unlinked,
 * so that editing the data does not turn every tick into "1 Apr 2025".
 */
export const DATE_FORMAT = "d mmm yyyy";

const DATE_CATEGORIES =
  /(<c:cat>\s*<c:numRef>\s*<c:f>[^<]*<\/c:f>\s*<c:numCache>\s*<c:formatCode>)[^<]*(<\/c:formatCode>)/g;

export function unlinkDateAxisLabels(chartXml: string): string {
  if (!chartXml.includes("<c:dateAx>")) return chartXml;
  const axis = mapElements(chartXml, "c:dateAx", (dateAxis) =>
    dateAxis.replace(/(<c:numFmt formatCode="[^"]*" sourceLinked=")1("\/>)/, "$10$2"),
  );
  return axis.replace(
    DATE_CATEGORIES,
    (_match, open: string, close: string) => `${open}${DATE_FORMAT}${close}`,
  );
}
