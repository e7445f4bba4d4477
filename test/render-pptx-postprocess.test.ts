import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { orphanAxisIds, removeOrphanAxisIds } from "../src/render/pptx/postprocess/chart-axes.js";
import { dropBlankCachePoints } from "../src/render/pptx/postprocess/chart-blanks.js";
import { singleLevelCategoriesAsStrRef } from "../src/render/pptx/postprocess/chart-categories.js";
import { axesInSchemaOrder } from "../src/render/pptx/postprocess/chart-axis-order.js";
import { DATE_FORMAT, unlinkDateAxisLabels } from "../src/render/pptx/postprocess/chart-date-axis.js";
import { addLineChartGrouping } from "../src/render/pptx/postprocess/chart-line-grouping.js";
import { lineSeriesInSchemaOrder } from "../src/render/pptx/postprocess/chart-line-series.js";
import { labelReferenceLinesOnce } from "../src/render/pptx/postprocess/chart-reference-label.js";
import { renumberCharts } from "../src/render/pptx/postprocess/chart-numbering.js";
import { pruneContentTypeOverrides } from "../src/render/pptx/postprocess/content-types.js";
import { normaliseCoreProperties } from "../src/render/pptx/postprocess/core-properties.js";
import { packageDate, partOrder, textPart, writePackage } from "../src/render/pptx/postprocess/package.js";
import { notesMasterListBeforeSlides } from "../src/render/pptx/postprocess/presentation-order.js";
import {
  addBackgroundEffectList,
  addMissingTextBodies,
} from "../src/render/pptx/postprocess/slide-shapes.js";
import { fillCellsFromChart, fixTableRef } from "../src/render/pptx/postprocess/workbook.js";
import { formatCellsAsChart } from "../src/render/pptx/postprocess/workbook-formats.js";
import {
  childElements,
  elementName,
  inSequence,
  mapElements,
  splitElement,
} from "../src/render/pptx/postprocess/xml-elements.js";
import { buildFixtureDeck } from "./fixtures/pptx-deck.js";

/** Each pptxgenjs 4.0.1 defect, as the XML it writes, and the XML after our fix. */

const AXES =
  '<c:catAx>  <c:axId val="2094734554"/>  <c:crossAx val="2094734552"/></c:catAx>' +
  '<c:valAx>  <c:axId val="2094734552"/>  <c:crossAx val="2094734554"/></c:valAx>';

describe("#1534 orphan axis ids", () => {
  const line =
    '<c:plotArea><c:lineChart><c:ser/><c:marker val="1"/>' +
    '<c:axId val="2094734554"/><c:axId val="2094734552"/><c:axId val="2094734556"/></c:lineChart>' +
    AXES +
    "</c:plotArea>";

  it("drops the series axis id that no <c:serAx> defines, keeping category and value", () => {
    expect(orphanAxisIds(line)).toEqual(["2094734556"]);
    const fixed = removeOrphanAxisIds(line);
    expect(orphanAxisIds(fixed)).toEqual([]);
    expect(fixed).toContain(
      '<c:marker val="1"/><c:axId val="2094734554"/><c:axId val="2094734552"/></c:lineChart>',
    );
    expect(fixed).toContain(AXES);
  });

  it("fixes every chart group of a combo chart and keeps a real series axis", () => {
    const combo = line.replace(
      "</c:lineChart>",
      '</c:lineChart><c:barChart><c:axId val="2094734556"/></c:barChart>',
    );
    expect(orphanAxisIds(removeOrphanAxisIds(combo))).toEqual([]);
    const bar3d =
      '<c:bar3DChart><c:axId val="1"/><c:axId val="2"/><c:axId val="3"/></c:bar3DChart>' +
      '<c:catAx><c:axId val="1"/></c:catAx><c:valAx><c:axId val="2"/></c:valAx><c:serAx><c:axId val="3"/></c:serAx>';
    expect(removeOrphanAxisIds(bar3d)).toBe(bar3d);
  });
});

describe("element edits", () => {
  it("finds elements by exact name, counting nesting, and splits children", () => {
    const xml = '<a><c:ser><x/><c:ser><y>t</y></c:ser></c:ser><c:serAx val="1"/><c:ser z="1"/></a>';
    const seen: string[] = [];
    const same = mapElements(xml, "c:ser", (element) => {
      seen.push(element);
      return element;
    });
    expect(same).toBe(xml);
    expect(seen).toEqual(["<c:ser><x/><c:ser><y>t</y></c:ser></c:ser>", '<c:ser z="1"/>']);
    expect(mapElements(xml, "c:serAx", () => "")).toBe(
      '<a><c:ser><x/><c:ser><y>t</y></c:ser></c:ser><c:ser z="1"/></a>',
    );
    expect(childElements(' <x/> text <c:ser><y/></c:ser><z a="1"/>')).toEqual([
      "<x/>",
      "<c:ser><y/></c:ser>",
      '<z a="1"/>',
    ]);
    expect(inSequence(["<b/>", "<a>1</a>", "<c/>", "<a>2</a>"], ["a", "b"])).toEqual([
      "<a>1</a>",
      "<a>2</a>",
      "<b/>",
    ]);
  });
});

describe("schema order and required elements (ISO/IEC 29500 transitional)", () => {
  it("gives every line chart group the grouping the schema requires, once", () => {
    const groups =
      '<c:plotArea><c:lineChart><c:varyColors val="0"/><c:ser/></c:lineChart>' +
      '<c:lineChart><c:varyColors val="0"/></c:lineChart><c:barChart><c:barDir val="bar"/>' +
      '<c:grouping val="clustered"/></c:barChart></c:plotArea>';
    const fixed = addLineChartGrouping(groups);
    expect(fixed).toBe(
      '<c:plotArea><c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/><c:ser/></c:lineChart>' +
        '<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/></c:lineChart><c:barChart><c:barDir val="bar"/>' +
        '<c:grouping val="clustered"/></c:barChart></c:plotArea>',
    );
    expect(addLineChartGrouping(fixed)).toBe(fixed);
  });

  it("writes line series in schema order, without the bar-only invertIfNegative", () => {
    // As pptxgenjs 4.0.1 writes a line series (text properties shortened).
    const series =
      '<c:ser>  <c:idx val="0"/><c:order val="0"/>  <c:tx><c:v>Plan</c:v></c:tx>  <c:spPr><a:ln w="25400"/></c:spPr>' +
      '  <c:invertIfNegative val="0"/><c:dLbls><c:showVal val="0"/></c:dLbls>' +
      '<c:marker>  <c:symbol val="none"/><c:size val="7"/>  <c:spPr><a:noFill/></c:spPr></c:marker>' +
      "<c:cat><c:numRef><c:f>Sheet1!$A$2:$A$3</c:f></c:numRef></c:cat><c:val><c:numRef><c:f>Sheet1!$B$2:$B$3</c:f></c:numRef></c:val>" +
      '<c:smooth val="0"/></c:ser>';
    const line = `<c:lineChart><c:grouping val="standard"/>${series}${series.replace('"0"', '"1"')}<c:axId val="1"/></c:lineChart>`;
    const fixed = lineSeriesInSchemaOrder(line);
    const first = splitElement(childElements(fixed.slice("<c:lineChart>".length))[1]!);
    expect(first.children.map(elementName)).toEqual([
      "c:idx",
      "c:order",
      "c:tx",
      "c:spPr",
      "c:marker",
      "c:dLbls",
      "c:cat",
      "c:val",
      "c:smooth",
    ]);
    expect(fixed).not.toContain("invertIfNegative");
    expect(fixed.match(/<c:ser>/g)).toHaveLength(2);
    expect(fixed).toContain('<c:axId val="1"/></c:lineChart>');
    expect(lineSeriesInSchemaOrder(fixed)).toBe(fixed);
    // Bar series keep their invertIfNegative.
    const bar = `<c:barChart>${series}</c:barChart>`;
    expect(lineSeriesInSchemaOrder(bar)).toBe(bar);
  });

  it("moves the notes master list before the slide list in presentation.xml", () => {
    const presentation =
      '<p:presentation><p:sldMasterIdLst><p:sldMasterId id="2147483648" r:id="rId1"/></p:sldMasterIdLst>' +
      '<p:sldIdLst><p:sldId id="256" r:id="rId2"/></p:sldIdLst><p:notesMasterIdLst><p:notesMasterId r:id="rId3"/>' +
      '</p:notesMasterIdLst><p:sldSz cx="12192000" cy="6858000"/></p:presentation>';
    const fixed = notesMasterListBeforeSlides(presentation);
    expect(fixed).toBe(
      '<p:presentation><p:sldMasterIdLst><p:sldMasterId id="2147483648" r:id="rId1"/></p:sldMasterIdLst>' +
        '<p:notesMasterIdLst><p:notesMasterId r:id="rId3"/></p:notesMasterIdLst>' +
        '<p:sldIdLst><p:sldId id="256" r:id="rId2"/></p:sldIdLst><p:sldSz cx="12192000" cy="6858000"/></p:presentation>',
    );
    expect(notesMasterListBeforeSlides(fixed)).toBe(fixed);
  });
});

describe("date axes and reference lines", () => {
  // As pptxgenjs 4.0.1 writes an axis from `catLabelFormatCode` and the time-unit options.
  const dateAxis =
    '<c:dateAx>  <c:axId val="1"/>  <c:scaling><c:orientation val="minMax"/><c:max val="46023"/><c:min val="45658"/></c:scaling>' +
    '  <c:delete val="0"/>  <c:axPos val="b"/>  <c:numFmt formatCode="mmm yyyy" sourceLinked="1"/>' +
    '  <c:majorTickMark val="out"/><c:tickLblPos val="low"/> <c:crossAx val="2"/> <c:crosses val="autoZero"/>' +
    ' <c:auto val="1"/> <c:lblAlgn val="ctr"/> <c:noMultiLvlLbl val="1"/> <c:tickLblSkip val="2"/>' +
    '<c:baseTimeUnit val="days"/><c:majorTimeUnit val="months"/><c:majorUnit val="3"/></c:dateAx>';

  it("writes axes in schema order, without the category axis elements a date axis does not have", () => {
    const fixed = axesInSchemaOrder(dateAxis);
    const names = splitElement(fixed).children.map(elementName);
    expect(names).toEqual([
      "c:axId",
      "c:scaling",
      "c:delete",
      "c:axPos",
      "c:numFmt",
      "c:majorTickMark",
      "c:tickLblPos",
      "c:crossAx",
      "c:crosses",
      "c:auto",
      "c:baseTimeUnit",
      "c:majorUnit",
      "c:majorTimeUnit",
    ]);
    expect(fixed).toContain('<c:max val="46023"/><c:min val="45658"/>');
    expect(axesInSchemaOrder(fixed)).toBe(fixed);
    // A category axis keeps its own elements, with tickLblSkip before noMultiLvlLbl.
    const categoryAxis = dateAxis
      .replace(/dateAx/g, "catAx")
      .replace(/<c:baseTimeUnit[^]*?(?=<\/c:catAx>)/, "");
    expect(splitElement(axesInSchemaOrder(categoryAxis)).children.map(elementName).slice(-4)).toEqual([
      "c:auto",
      "c:lblAlgn",
      "c:tickLblSkip",
      "c:noMultiLvlLbl",
    ]);
  });

  it("gives the dates their whole format and keeps the month labels, unlinked", () => {
    const chart =
      "<c:ser><c:cat>  <c:numRef>    <c:f>Sheet1!$A$2:$A$3</c:f>    <c:numCache>      <c:formatCode>mmm yyyy</c:formatCode>" +
      '<c:ptCount val="2"/><c:pt idx="0"><c:v>45672</c:v></c:pt></c:numCache></c:numRef></c:cat></c:ser>' +
      dateAxis;
    const fixed = unlinkDateAxisLabels(chart);
    expect(fixed).toContain(`<c:formatCode>${DATE_FORMAT}</c:formatCode>`);
    expect(fixed).toContain('<c:numFmt formatCode="mmm yyyy" sourceLinked="0"/>');
    expect(unlinkDateAxisLabels(fixed)).toBe(fixed);
    const categories = chart.replace(dateAxis, "");
    expect(unlinkDateAxisLabels(categories)).toBe(categories);
  });

  it("labels a reference line once, at its first point and above it, as 'name: value'", () => {
    const labels = (show: string) =>
      `<c:dLbls><c:numFmt formatCode="#,##0" sourceLinked="0"/><c:txPr><a:bodyPr/></c:txPr><c:dLblPos val="r"/>` +
      `<c:showLegendKey val="0"/>${show}<c:showCatName val="0"/><c:showPercent val="0"/><c:showLeaderLines val="0"/></c:dLbls>`;
    const named = labels('<c:showVal val="1"/><c:showSerName val="1"/>');
    const plain = labels('<c:showVal val="0"/><c:showSerName val="0"/>');
    const target = `<c:lineChart><c:grouping val="standard"/><c:ser><c:idx val="3"/><c:marker/>${named}<c:val/></c:ser>${named}<c:axId val="1"/></c:lineChart>`;
    const plan = `<c:lineChart><c:ser><c:idx val="0"/>${plain}</c:ser>${plain}</c:lineChart>`;
    const fixed = labelReferenceLinesOnce(plan + target);
    expect(fixed.startsWith(plan)).toBe(true);
    const series = splitElement(childElements(fixed.slice(plan.length + "<c:lineChart>".length))[1]!);
    const seriesLabels = series.children.find((child) => elementName(child) === "c:dLbls")!;
    const { children } = splitElement(seriesLabels);
    expect(children.map(elementName)).toEqual([
      "c:dLbl",
      "c:showLegendKey",
      "c:showVal",
      "c:showCatName",
      "c:showSerName",
      "c:showPercent",
      "c:showBubbleSize",
      "c:showLeaderLines",
    ]);
    expect(seriesLabels).toContain('<c:showVal val="0"/><c:showCatName val="0"/><c:showSerName val="0"/>');
    const label = splitElement(children[0]!).children;
    expect(label.map(elementName)).toEqual([
      "c:idx",
      "c:layout",
      "c:numFmt",
      "c:txPr",
      "c:dLblPos",
      "c:showLegendKey",
      "c:showVal",
      "c:showCatName",
      "c:showSerName",
      "c:showPercent",
      "c:showBubbleSize",
      "c:separator",
    ]);
    expect(label[0]).toBe('<c:idx val="0"/>');
    expect(label.at(-1)).toBe("<c:separator>: </c:separator>");
    // The group's own labels show nothing either.
    expect(fixed.slice(plan.length).match(/<c:showSerName val="1"\/>/g)).toHaveLength(1);
    expect(labelReferenceLinesOnce(fixed)).toBe(fixed);
  });
});

describe("#1273 category labels as a string reference", () => {
  const multi =
    "<c:cat>  <c:multiLvlStrRef>    <c:f>Sheet1!$A$2:$A$3</c:f>    <c:multiLvlStrCache>" +
    '      <c:ptCount val="2"/><c:lvl><c:pt idx="0"><c:v>Jan 2025</c:v></c:pt><c:pt idx="1"><c:v>Feb 2025</c:v></c:pt></c:lvl>' +
    "    </c:multiLvlStrCache>  </c:multiLvlStrRef></c:cat>";

  it("rewrites a single-level multiLvlStrRef as strRef/strCache with the same points", () => {
    expect(singleLevelCategoriesAsStrRef(multi)).toBe(
      "<c:cat>  <c:strRef><c:f>Sheet1!$A$2:$A$3</c:f><c:strCache>" +
        '<c:ptCount val="2"/><c:pt idx="0"><c:v>Jan 2025</c:v></c:pt><c:pt idx="1"><c:v>Feb 2025</c:v></c:pt>' +
        "</c:strCache></c:strRef></c:cat>",
    );
  });

  it("leaves genuine multi-level categories alone", () => {
    const twoLevels = multi.replace(
      "</c:lvl>",
      '</c:lvl><c:lvl><c:pt idx="0"><c:v>2025</c:v></c:pt></c:lvl>',
    );
    expect(singleLevelCategoriesAsStrRef(twoLevels)).toBe(twoLevels);
  });
});

describe("blank cached points", () => {
  it("removes points whose value is empty so displayBlanksAs can span them", () => {
    const cache =
      '<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="3"/>' +
      '<c:pt idx="0"><c:v>0</c:v></c:pt><c:pt idx="1"><c:v></c:v></c:pt><c:pt idx="2"><c:v>7</c:v></c:pt></c:numCache>';
    expect(dropBlankCachePoints(cache)).toBe(
      '<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="3"/>' +
        '<c:pt idx="0"><c:v>0</c:v></c:pt><c:pt idx="2"><c:v>7</c:v></c:pt></c:numCache>',
    );
  });
});

describe("#1306 / #1327 Keynote: embedded workbook", () => {
  it("removes the stray apostrophe from the table range", () => {
    const table =
      '<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="1" name="Table1" ' +
      'displayName="Table1" ref="A1:E16\'" totalsRowShown="0">';
    expect(fixTableRef(table)).toContain('ref="A1:E16" totalsRowShown="0"');
    expect(fixTableRef(fixTableRef(table))).toBe(fixTableRef(table));
  });

  it("refills zero cells from the chart cache and drops cells without a value", () => {
    const chart =
      "<c:val>  <c:numRef><c:f>Sheet1!$B$2:$B$4</c:f>    <c:numCache>      <c:formatCode>General</c:formatCode>" +
      '      <c:ptCount val="3"/><c:pt idx="0"><c:v>5</c:v></c:pt><c:pt idx="1"><c:v>0</c:v></c:pt>' +
      "    </c:numCache>  </c:numRef></c:val>";
    const sheet =
      '<row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2"><v>5</v></c></row>' +
      '<row r="3"><c r="A3" t="s"><v>4</v></c><c r="B3"><v></v></c></row>' +
      '<row r="4"><c r="A4" t="s"><v>5</v></c><c r="B4"><v></v></c></row>';
    expect(fillCellsFromChart(sheet, chart)).toBe(
      '<row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2"><v>5</v></c></row>' +
        '<row r="3"><c r="A3" t="s"><v>4</v></c><c r="B3"><v>0</v></c></row>' +
        '<row r="4"><c r="A4" t="s"><v>5</v></c></row>',
    );
  });
});

describe("embedded workbook cells as the chart shows them", () => {
  const chart =
    "<c:ser><c:cat><c:numRef><c:f>Sheet1!$A$2:$A$3</c:f><c:numCache><c:formatCode>d mmm yyyy</c:formatCode>" +
    '<c:ptCount val="2"/><c:pt idx="0"><c:v>45672</c:v></c:pt><c:pt idx="1"><c:v>45747</c:v></c:pt></c:numCache></c:numRef></c:cat>' +
    '<c:val><c:numRef><c:f>Sheet1!$B$2:$B$3</c:f><c:numCache><c:formatCode>"$"#,##0</c:formatCode><c:ptCount val="2"/>' +
    '<c:pt idx="0"><c:v>57000</c:v></c:pt></c:numCache></c:numRef></c:val></c:ser>';
  // As pptxgenjs 4.0.1 writes them: every category a shared string, no cell formats at all.
  const sheet =
    '<sheetFormatPr baseColWidth="10" defaultRowHeight="16"/><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>' +
    '<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2"><v>57000</v></c></row><row r="3"><c r="A3" t="s"><v>3</v></c></row></sheetData>';
  const styles =
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="0" formatCode="General"/></numFmts>' +
    '<fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><dxfs count="0"/></styleSheet>';

  it("writes date categories as date cells and gives every value its series' number format", () => {
    const formatted = formatCellsAsChart(sheet, styles, chart)!;
    expect(formatted.sheet).toBe(
      '<sheetFormatPr baseColWidth="10" defaultRowHeight="16"/><cols><col min="1" max="1" width="12" customWidth="1"/></cols>' +
        '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>' +
        '<row r="2"><c r="A2" s="1"><v>45672</v></c><c r="B2" s="2"><v>57000</v></c></row><row r="3"><c r="A3" s="1"><v>45747</v></c></row></sheetData>',
    );
    expect(formatted.styles).toBe(
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
        '<numFmts count="2"><numFmt numFmtId="164" formatCode="d mmm yyyy"/><numFmt numFmtId="165" formatCode="&quot;$&quot;#,##0"/></numFmts>' +
        '<fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders>' +
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
        '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
        '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
        '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/></styleSheet>',
    );
  });

  it("leaves string categories and General data alone", () => {
    const general = chart
      .replace(/<c:cat>[\s\S]*<\/c:cat>/, "<c:cat><c:strRef/></c:cat>")
      .replace('"$"#,##0', "General");
    expect(formatCellsAsChart(sheet, styles, general)).toBeNull();
  });
});

describe("#1441 / #1442 slide parts PowerPoint repairs", () => {
  it("gives a solid background the effect list PowerPoint expects", () => {
    const slide = '<p:bg><p:bgPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill></p:bgPr></p:bg>';
    const fixed = addBackgroundEffectList(slide);
    expect(fixed).toBe(
      '<p:bg><p:bgPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:effectLst/></p:bgPr></p:bg>',
    );
    expect(addBackgroundEffectList(fixed)).toBe(fixed);
  });

  it("gives shapes without text an empty text body and leaves text shapes alone", () => {
    const rule = '<p:sp><p:nvSpPr><p:cNvPr id="2" name="Shape 0"/></p:nvSpPr><p:spPr><a:ln/></p:spPr></p:sp>';
    const text =
      "<p:sp><p:nvSpPr/><p:spPr/><p:txBody><a:bodyPr/><a:p><a:r><a:t>Hi</a:t></a:r></a:p></p:txBody></p:sp>";
    const fixed = addMissingTextBodies(`<p:spTree>${rule}${text}</p:spTree>`);
    expect(fixed).toBe(
      '<p:spTree><p:sp><p:nvSpPr><p:cNvPr id="2" name="Shape 0"/></p:nvSpPr><p:spPr><a:ln/></p:spPr>' +
        '<p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:endParaRPr lang="en-US"/></a:p></p:txBody></p:sp>' +
        `${text}</p:spTree>`,
    );
  });
});

describe("reproducible bytes", () => {
  it("renumbers charts from 1 per deck and renames every reference", () => {
    const encoder = new TextEncoder();
    const files = new Map<string, string | Uint8Array>([
      [
        "[Content_Types].xml",
        '<Override PartName="/ppt/charts/chart4.xml"/><Override PartName="/ppt/charts/chart5.xml"/>',
      ],
      [
        "ppt/slides/_rels/slide2.xml.rels",
        encoder.encode('<Relationship Id="rId2" Target="/ppt/charts/chart5.xml"/>'),
      ],
      ["ppt/slides/_rels/slide1.xml.rels", '<Relationship Id="rId2" Target="/ppt/charts/chart4.xml"/>'],
      ["ppt/charts/chart4.xml", "<c:chartSpace>first</c:chartSpace>"],
      ["ppt/charts/chart5.xml", "<c:chartSpace>second</c:chartSpace>"],
      [
        "ppt/charts/_rels/chart4.xml.rels",
        '<Relationship Target="../embeddings/Microsoft_Excel_Worksheet4.xlsx"/>',
      ],
      [
        "ppt/charts/_rels/chart5.xml.rels",
        '<Relationship Target="../embeddings/Microsoft_Excel_Worksheet5.xlsx"/>',
      ],
      ["ppt/embeddings/Microsoft_Excel_Worksheet4.xlsx", new Uint8Array([4])],
      ["ppt/embeddings/Microsoft_Excel_Worksheet5.xlsx", new Uint8Array([5])],
    ]);
    const renumbered = renumberCharts(files);
    expect([...renumbered.keys()].sort()).toEqual([
      "[Content_Types].xml",
      "ppt/charts/_rels/chart1.xml.rels",
      "ppt/charts/_rels/chart2.xml.rels",
      "ppt/charts/chart1.xml",
      "ppt/charts/chart2.xml",
      "ppt/embeddings/Microsoft_Excel_Worksheet1.xlsx",
      "ppt/embeddings/Microsoft_Excel_Worksheet2.xlsx",
      "ppt/slides/_rels/slide1.xml.rels",
      "ppt/slides/_rels/slide2.xml.rels",
    ]);
    expect(renumbered.get("ppt/charts/chart1.xml")).toContain("first");
    expect(textPart(renumbered, "ppt/slides/_rels/slide2.xml.rels")).toContain("/ppt/charts/chart2.xml");
    expect(renumbered.get("[Content_Types].xml")).toBe(
      '<Override PartName="/ppt/charts/chart1.xml"/><Override PartName="/ppt/charts/chart2.xml"/>',
    );
    expect(renumbered.get("ppt/charts/_rels/chart2.xml.rels")).toContain("Microsoft_Excel_Worksheet2.xlsx");
    expect(renumbered.get("ppt/embeddings/Microsoft_Excel_Worksheet2.xlsx")).toEqual(new Uint8Array([5]));
  });

  it("dates the document as of the deck and adds its language", () => {
    const core =
      '<cp:coreProperties><dc:title>T</dc:title><dcterms:created xsi:type="dcterms:W3CDTF">2026-11-22T19:56:37Z</dcterms:created>' +
      '<dcterms:modified xsi:type="dcterms:W3CDTF">2026-11-22T19:56:37.123Z</dcterms:modified></cp:coreProperties>';
    const meta = buildFixtureDeck({ language: "el-GR" }).meta;
    expect(normaliseCoreProperties(core, meta, packageDate(meta.asOf))).toBe(
      '<cp:coreProperties><dc:title>T</dc:title><dcterms:created xsi:type="dcterms:W3CDTF">2025-09-30T00:00:00Z</dcterms:created>' +
        '<dcterms:modified xsi:type="dcterms:W3CDTF">2025-09-30T00:00:00Z</dcterms:modified>' +
        "<dc:language>el-GR</dc:language></cp:coreProperties>",
    );
  });

  it("clamps zip dates to what DOS dates can hold", () => {
    expect(packageDate("2025-09-30").toISOString()).toBe("2025-09-30T00:00:00.000Z");
    expect(packageDate("1970-01-01").toISOString()).toBe("1980-01-01T00:00:00.000Z");
    expect(packageDate("not a date").toISOString()).toBe("1980-01-01T00:00:00.000Z");
  });

  it("drops content type overrides for parts the package does not hold", () => {
    const types =
      '<Types><Override PartName="/ppt/slideMasters/slideMaster1.xml" ContentType="a"/>' +
      '<Override PartName="/ppt/slideMasters/slideMaster2.xml" ContentType="a"/> <Default Extension="xml" ContentType="b"/></Types>';
    expect(pruneContentTypeOverrides(types, new Set(["ppt/slideMasters/slideMaster1.xml"]))).toBe(
      '<Types><Override PartName="/ppt/slideMasters/slideMaster1.xml" ContentType="a"/> <Default Extension="xml" ContentType="b"/></Types>',
    );
  });

  it("writes the same zip whatever order the parts were added in, [Content_Types].xml first", async () => {
    const parts: [string, string][] = [
      ["ppt/slides/slide1.xml", "<p:sld/>"],
      ["[Content_Types].xml", "<Types/>"],
      ["_rels/.rels", "<Relationships/>"],
    ];
    const date = packageDate("2025-09-30");
    const forward = await writePackage(new Map(parts), date);
    const backward = await writePackage(new Map([...parts].reverse()), date);
    expect(Buffer.from(forward).equals(Buffer.from(backward))).toBe(true);
    const zip = await JSZip.loadAsync(forward);
    expect(Object.keys(zip.files)).toEqual(["[Content_Types].xml", "_rels/.rels", "ppt/slides/slide1.xml"]);
    expect(partOrder(["b", "[Content_Types].xml", "a"])).toEqual(["[Content_Types].xml", "a", "b"]);
  });
});
