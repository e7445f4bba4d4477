import { inSequence, mapElements, splitElement } from "./xml-elements.js";

/**
 * pptxgenjs 4.0.1 writes a line chart's series as it writes a bar chart's: with
 * <c:invertIfNegative> (a bar-only element) and its <c:dLbls> before <c:marker>. The schema
 * (CT_LineSer) has no invertIfNegative and wants marker first, so PowerPoint reads the series as
 * damaged. Each line series gets its children in schema order, without the bar-only element.
 */
const LINE_SERIES = [
  "c:idx",
  "c:order",
  "c:tx",
  "c:spPr",
  "c:marker",
  "c:dPt",
  "c:dLbls",
  "c:trendline",
  "c:errBars",
  "c:cat",
  "c:val",
  "c:smooth",
  "c:extLst",
] as const;

export function lineSeriesInSchemaOrder(chartXml: string): string {
  return mapElements(chartXml, "c:lineChart", (group) =>
    mapElements(group, "c:ser", (series) => {
      const { open, children, close } = splitElement(series);
      const ordered = inSequence(children, LINE_SERIES);
      return ordered.join("") === children.join("") ? series : `${open}${ordered.join("")}${close}`;
    }),
  );
}
