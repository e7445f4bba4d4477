import { elementName, mapElements, splitElement } from "./xml-elements.js";

/**
 * A reference line (a goal's target) is labelled once, "Target: 300 tickets", just above its left
 * end, as the PDF draws it. pptxgenjs 4.0.1 labels every point of a series or none, and joins
 * name and value with the reader's default separator (LibreOffice writes "Target; 300"). The
 * renderer asks for a labelled line by showing the series name on it (blocks/chart.ts); here each
 * line series that shows its name on every point keeps one label, on its first point, lifted
 * above the line.
 */
const SERIES_NAME_SHOWN = '<c:showSerName val="1"/>';
/** Lift above the line, as a fraction of the chart's height (about 9 pt on a 4-inch chart). */
const LIFT = -0.035;
const NOTHING_SHOWN =
  '<c:showLegendKey val="0"/><c:showVal val="0"/><c:showCatName val="0"/><c:showSerName val="0"/>' +
  '<c:showPercent val="0"/><c:showBubbleSize val="0"/>';

/** Labels that show the series name on every point (not on one <c:dLbl>, as after this fix). */
function namesEveryPoint(labels: string): boolean {
  return splitElement(labels).children.includes(SERIES_NAME_SHOWN);
}

function firstPointLabel(labels: string): string {
  const { children } = splitElement(labels);
  const kept = (name: string) => children.filter((child) => elementName(child) === name).join("");
  const label =
    '<c:dLbl><c:idx val="0"/>' +
    `<c:layout><c:manualLayout><c:x val="0"/><c:y val="${LIFT}"/></c:manualLayout></c:layout>` +
    `${kept("c:numFmt")}${kept("c:spPr")}${kept("c:txPr")}<c:dLblPos val="r"/>` +
    '<c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="1"/>' +
    '<c:showPercent val="0"/><c:showBubbleSize val="0"/><c:separator>: </c:separator></c:dLbl>';
  return `<c:dLbls>${label}${NOTHING_SHOWN}<c:showLeaderLines val="0"/></c:dLbls>`;
}

export function labelReferenceLinesOnce(chartXml: string): string {
  return mapElements(chartXml, "c:lineChart", (group) => {
    if (!group.includes(SERIES_NAME_SHOWN)) return group;
    const series = mapElements(group, "c:ser", (one) =>
      mapElements(one, "c:dLbls", (labels) => (namesEveryPoint(labels) ? firstPointLabel(labels) : labels)),
    );
    // The group's own labels (for series without theirs) show nothing.
    const { open, children, close } = splitElement(series);
    const quiet = children.map((child) =>
      elementName(child) === "c:dLbls" && namesEveryPoint(child)
        ? `<c:dLbls>${NOTHING_SHOWN}</c:dLbls>`
        : child,
    );
    return `${open}${quiet.join("")}${close}`;
  });
}
