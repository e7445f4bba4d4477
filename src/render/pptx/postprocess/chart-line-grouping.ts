/**
 * pptxgenjs 4.0.1 writes <c:lineChart> without <c:grouping>, which the schema requires first in
 * every line chart group (CT_LineChart: grouping, varyColors?, ser*, …). PowerPoint offers to
 * repair such a file. Our line charts are never stacked: the grouping is "standard".
 */
const LINE_CHART_WITHOUT_GROUPING = /<c:lineChart>(?!\s*<c:grouping\b)/g;

export function addLineChartGrouping(chartXml: string): string {
  return chartXml.replace(LINE_CHART_WITHOUT_GROUPING, '<c:lineChart><c:grouping val="standard"/>');
}
