import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { orphanAxisIds, removeOrphanAxisIds } from "../src/render/pptx/postprocess/chart-axes.js";
import { dropBlankCachePoints } from "../src/render/pptx/postprocess/chart-blanks.js";
import { singleLevelCategoriesAsStrRef } from "../src/render/pptx/postprocess/chart-categories.js";
import { renumberCharts } from "../src/render/pptx/postprocess/chart-numbering.js";
import { pruneContentTypeOverrides } from "../src/render/pptx/postprocess/content-types.js";
import { normaliseCoreProperties } from "../src/render/pptx/postprocess/core-properties.js";
import { packageDate, partOrder, textPart, writePackage } from "../src/render/pptx/postprocess/package.js";
import {
  addBackgroundEffectList,
  addMissingTextBodies,
} from "../src/render/pptx/postprocess/slide-shapes.js";
import { fillCellsFromChart, fixTableRef } from "../src/render/pptx/postprocess/workbook.js";
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
