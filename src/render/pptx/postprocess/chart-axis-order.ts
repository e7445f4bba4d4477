import { inSequence, mapElements, splitElement } from "./xml-elements.js";

/**
 * pptxgenjs 4.0.1 writes a date axis (<c:dateAx>, from `catLabelFormatCode`) with the children
 * of a category axis — <c:lblAlgn>, <c:noMultiLvlLbl>, <c:tickLblSkip>, which CT_DateAx does not
 * have — and its <c:majorTimeUnit> before <c:majorUnit>; and a category axis with
 * <c:noMultiLvlLbl> before <c:tickLblSkip>. PowerPoint offers to repair either. Each axis gets
 * its children in the order its schema type lists them, without those it does not allow.
 */
const SHARED = [
  "c:axId",
  "c:scaling",
  "c:delete",
  "c:axPos",
  "c:majorGridlines",
  "c:minorGridlines",
  "c:title",
  "c:numFmt",
  "c:majorTickMark",
  "c:minorTickMark",
  "c:tickLblPos",
  "c:spPr",
  "c:txPr",
  "c:crossAx",
  "c:crosses",
  "c:crossesAt",
];

const AXES: Record<string, readonly string[]> = {
  "c:catAx": [
    ...SHARED,
    "c:auto",
    "c:lblAlgn",
    "c:lblOffset",
    "c:tickLblSkip",
    "c:tickMarkSkip",
    "c:noMultiLvlLbl",
    "c:extLst",
  ],
  "c:dateAx": [
    ...SHARED,
    "c:auto",
    "c:lblOffset",
    "c:baseTimeUnit",
    "c:majorUnit",
    "c:majorTimeUnit",
    "c:minorUnit",
    "c:minorTimeUnit",
    "c:extLst",
  ],
  "c:valAx": [...SHARED, "c:crossBetween", "c:majorUnit", "c:minorUnit", "c:dispUnits", "c:extLst"],
};

export function axesInSchemaOrder(chartXml: string): string {
  let xml = chartXml;
  for (const [tag, sequence] of Object.entries(AXES)) {
    xml = mapElements(xml, tag, (axis) => {
      const { open, children, close } = splitElement(axis);
      const ordered = inSequence(children, sequence);
      return ordered.join("") === children.join("") ? axis : `${open}${ordered.join("")}${close}`;
    });
  }
  return xml;
}
