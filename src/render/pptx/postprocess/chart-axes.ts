/**
 * pptxgenjs 4.0.1 issue #1534: every 2D bar and line chart group lists three <c:axId>s
 * (category, value and a series axis) but only 3D bar charts get a <c:serAx>. The dangling id
 * makes PowerPoint 365 offer to "repair" the file. Keep only axis ids that an axis defines.
 */
const AXIS_DEFINITION = /<c:(?:catAx|valAx|dateAx|serAx)>\s*<c:axId val="(\d+)"\/>/g;
const CHART_GROUP =
  /<c:(area|bar|line|radar|scatter|bubble|stock|area3D|bar3D|line3D)Chart>[\s\S]*?<\/c:\1Chart>/g;
const GROUP_AXIS_ID = /<c:axId val="(\d+)"\/>/g;

export function removeOrphanAxisIds(chartXml: string): string {
  const defined = new Set([...chartXml.matchAll(AXIS_DEFINITION)].map((match) => match[1]));
  if (defined.size === 0) return chartXml;
  return chartXml.replace(CHART_GROUP, (group) =>
    group.replace(GROUP_AXIS_ID, (axisId, id: string) => (defined.has(id) ? axisId : "")),
  );
}

/** Axis ids referenced by chart groups that no axis defines (used by tests and self-checks). */
export function orphanAxisIds(chartXml: string): string[] {
  const defined = new Set([...chartXml.matchAll(AXIS_DEFINITION)].map((match) => match[1]));
  const orphans: string[] = [];
  for (const group of chartXml.match(CHART_GROUP) ?? []) {
    for (const match of group.matchAll(GROUP_AXIS_ID)) {
      if (match[1] !== undefined && !defined.has(match[1])) orphans.push(match[1]);
    }
  }
  return orphans;
}
