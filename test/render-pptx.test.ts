import { createHash } from "node:crypto";
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import type { Deck } from "../src/deck/deck-model.js";
import { FONT_SIZES } from "../src/deck/geometry.js";
import { pptxRenderer } from "../src/render/pptx/render-pptx.js";
import { orphanAxisIds } from "../src/render/pptx/postprocess/chart-axes.js";
import { buildFixtureDeck } from "./fixtures/pptx-deck.js";

/** Renders the fixture deck and reads the real PPTX back: XML parts, zip layout, bytes. */
async function render(deck: Deck = buildFixtureDeck()) {
  const result = await pptxRenderer.render(deck, {});
  const zip = await JSZip.loadAsync(result.bytes);
  const text = async (name: string): Promise<string> => {
    const file = zip.file(name);
    if (!file) throw new Error(`missing part ${name}`);
    return file.async("string");
  };
  return { ...result, zip, text };
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

describe("pptx renderer", () => {
  let output: Awaited<ReturnType<typeof render>>;
  const deck = buildFixtureDeck();

  beforeAll(async () => {
    output = await render(deck);
  });

  it("writes one slide per deck slide, each with its title", async () => {
    const slides = Object.keys(output.zip.files).filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name));
    expect(slides).toHaveLength(deck.slides.length);
    for (const [index, slide] of deck.slides.entries()) {
      expect(await output.text(`ppt/slides/slide${index + 1}.xml`)).toContain(xmlText(slide.title));
    }
  });

  it("draws the chrome: footer, classification and page number on content slides, not on the cover", async () => {
    const cover = await output.text("ppt/slides/slide1.xml");
    const content = await output.text("ppt/slides/slide2.xml");
    const layoutOf = async (slide: number) => {
      const rels = await output.text(`ppt/slides/_rels/slide${slide}.xml.rels`);
      const layout = /Target="\.\.\/slideLayouts\/(slideLayout\d+\.xml)"/.exec(rels)?.[1];
      return output.text(`ppt/slideLayouts/${layout}`);
    };
    // What every content slide shares is drawn once, on the content master's layout.
    const contentLayout = await layoutOf(2);
    expect(contentLayout).toContain(xmlText(deck.meta.footer));
    expect(contentLayout).toContain('descr="Account logo"');
    for (const index of deck.slides.keys()) {
      if (deck.slides[index]!.layout === "title") continue;
      expect(await layoutOf(index + 1)).toBe(contentLayout);
    }
    // The classification and the page number are on each slide (a copied slide keeps its label).
    expect(content).toContain(xmlText(deck.meta.classification));
    expect(content).toContain('type="slidenum"');
    expect(content).not.toContain(xmlText(deck.meta.footer));
    const coverLayout = await layoutOf(1);
    expect(coverLayout).not.toContain(xmlText(deck.meta.footer));
    expect(coverLayout).not.toContain("Account logo");
    expect(cover).not.toContain(xmlText(deck.meta.footer));
    expect(cover).not.toContain('type="slidenum"');
    expect(cover).toContain('descr="Account logo"');
  });

  it("leaves the body font to the theme and names only other faces", async () => {
    const themed = buildFixtureDeck();
    themed.theme = { ...themed.theme, fonts: { heading: "Verdana", body: "Georgia" } };
    const { text } = await render(themed);
    const theme = await text("ppt/theme/theme1.xml");
    expect(theme).toMatch(/<a:minorFont><a:latin typeface="Georgia"/);
    expect(theme).toMatch(/<a:majorFont><a:latin typeface="Verdana"/);
    const slides = await Promise.all(
      themed.slides.map((_, index) => text(`ppt/slides/slide${index + 1}.xml`)),
    );
    const faces = new Set(
      slides.flatMap((xml) => [...xml.matchAll(/<a:latin typeface="([^"]+)"/g)].map((m) => m[1])),
    );
    expect(faces).toEqual(new Set(["Verdana"]));
    // Body text (bullets, tables, footers) carries no face, so it is set in the theme's Georgia.
    expect(slides[1]).toContain("Adoption grew in every region");
  });

  it("keeps Greek and Cyrillic text intact", async () => {
    const slide = await output.text("ppt/slides/slide6.xml");
    expect(slide).toContain("Σύνοψη για την ομάδα — Итоги для команды");
    expect(slide).toContain("Обучить ещё три команды до конца ноября");
    expect(slide).toContain('lang="en-US"');
  });

  it("shrinks long text to a computed size and cuts what cannot fit, with warnings", async () => {
    const summary = await output.text("ppt/slides/slide2.xml");
    const bodyRun = runSize(summary, "Adoption grew in every region");
    expect(bodyRun).toBeLessThan(1400);
    expect(bodyRun).toBeGreaterThanOrEqual(800);
    const international = await output.text("ppt/slides/slide6.xml");
    expect(international).toContain("Far too much text for a small box");
    expect(international).not.toContain("Discussion question 40");
    expect(output.warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/slide 6 \("international"\): heading text .* cut with an ellipsis/),
        expect.stringMatching(/slide 6 \("international"\): bullet list .* bullets were left out/),
        expect.stringMatching(/slide 3 \("scorecard"\): table shows \d+ of 30 rows/),
      ]),
    );
  });

  it("draws tables as real tables, sized so that the rows shown fit the box", async () => {
    const slide = await output.text("ppt/slides/slide3.xml");
    expect(slide).toContain("<a:tbl>");
    expect(slide).toContain("Attainment");
    const rowHeightsEmu = [...slide.matchAll(/<a:tr h="(\d+)"/g)].map((match) => Number(match[1]));
    const block = deck.slides[2]?.blocks[0];
    expect(block?.kind).toBe("table");
    expect(rowHeightsEmu.reduce((sum, height) => sum + height, 0) / 914400).toBeLessThanOrEqual(
      block!.box.h + 0.01,
    );
    expect(slide).toMatch(/\+ \d+ more rows/);
    const table = slide.slice(slide.indexOf("<a:tbl>"), slide.indexOf("</a:tbl>"));
    const sizes = [...table.matchAll(/<a:rPr[^>]* sz="(\d+)"/g)].map((match) => Number(match[1]));
    expect(sizes.length).toBeGreaterThan(0);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(FONT_SIZES.table * 100);
  });

  it("draws the timeline as a native line chart over a date axis, spanning gaps", async () => {
    const chart = await output.text("ppt/charts/chart1.xml");
    expect(chart).toContain("<c:lineChart>");
    const seriesNames = [
      ...chart.matchAll(/<c:tx>\s*<c:strRef>\s*<c:f>[^<]*<\/c:f>\s*<c:strCache>.*?<c:v>([^<]*)<\/c:v>/g),
    ].map((match) => match[1]);
    expect(seriesNames).toEqual(["Plan", "Actual", "Forecast", "Target"]);
    expect(chart).toContain('<c:dispBlanksAs val="span"/>');
    // Month-end dates, spaced by days: Excel day numbers, labelled every quarter from 1 Jan 2025.
    const dateAxis = /<c:dateAx>[\s\S]*?<\/c:dateAx>/.exec(chart)?.[0] ?? "";
    expect(dateAxis).toContain('<c:numFmt formatCode="mmm yyyy" sourceLinked="0"/>');
    // The dates themselves are days, as the workbook shows them.
    expect(dateAxis).toMatch(/<c:max val="46113"\/><c:min val="45658"\/>/);
    expect(dateAxis).toMatch(
      /<c:baseTimeUnit val="days"\/>\s*<c:majorUnit val="3"\/>\s*<c:majorTimeUnit val="months"\/>/,
    );
    expect(chart).not.toContain("<c:catAx>");
    const categories = /<c:cat>\s*<c:numRef>[\s\S]*?<\/c:cat>/.exec(chart)?.[0] ?? "";
    expect(categories).toContain("<c:formatCode>d mmm yyyy</c:formatCode>");
    expect(categories).toContain('<c:pt idx="0"><c:v>45688</c:v></c:pt>'); // 2025-01-31
    expect(categories).toContain('<c:pt idx="14"><c:v>46112</c:v></c:pt>'); // 2026-03-31
    expect(chart).toContain('formatCode="#,##0"');
    const slide = await output.text("ppt/slides/slide4.xml");
    expect(slide).toContain('descr="Open tickets: plan falls from 1,000');
  });

  it("draws each role in the PDF's line style: plan dashed, actual with markers, forecast dotted, target labelled", async () => {
    const chart = await output.text("ppt/charts/chart1.xml");
    const groups = (chart.match(/<c:lineChart>[\s\S]*?<\/c:lineChart>/g) ?? []).map((group) => ({
      series: [...group.matchAll(/<c:strCache>.*?<c:v>([^<]*)<\/c:v>/g)].map((match) => match[1]),
      line: /<c:spPr>\s*<a:solidFill>.*?<\/a:solidFill>\s*<a:ln w="(\d+)" cap="(\w+)">.*?<a:prstDash val="(\w+)"\/>/
        .exec(group)
        ?.slice(1),
      marker: /<c:symbol val="(\w+)"\/>/.exec(group)?.[1],
      labels: [...group.matchAll(/<c:dLbl>[\s\S]*?<\/c:dLbl>/g)].map((match) => match[0]),
    }));
    expect(groups.map(({ series, line, marker }) => ({ series, line, marker }))).toEqual([
      { series: ["Plan"], line: ["25400", "flat", "dash"], marker: "none" },
      { series: ["Actual"], line: ["31750", "flat", "solid"], marker: "circle" },
      { series: ["Forecast"], line: ["25400", "rnd", "sysDot"], marker: "none" },
      { series: ["Target"], line: ["19050", "flat", "solid"], marker: "none" },
    ]);
    // "Target: 400", once, at the left end of the line and above it; no other point is labelled.
    expect(groups.slice(0, 3).every((group) => group.labels.length === 0)).toBe(true);
    expect(groups[3]!.labels).toHaveLength(1);
    const label = groups[3]!.labels[0]!;
    expect(label).toContain('<c:idx val="0"/>');
    expect(label).toMatch(/<c:manualLayout><c:x val="0"\/><c:y val="-0\.\d+"\/><\/c:manualLayout>/);
    expect(label).toContain('<c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="1"/>');
    expect(label).toContain("<c:separator>: </c:separator>");
    expect(label).toContain('<c:numFmt formatCode="#,##0" sourceLinked="0"/>');
    expect(chart.match(/<c:showVal val="1"\/>/g)).toHaveLength(1);
  });

  it("draws bar charts clustered, vertical and horizontal, with data labels in the deck's formats", async () => {
    const vertical = await output.text("ppt/charts/chart2.xml");
    const horizontal = await output.text("ppt/charts/chart3.xml");
    expect(vertical).toContain('<c:barDir val="col"/>');
    expect(vertical).toContain('<c:grouping val="clustered"/>');
    // Axis ticks in full below a million as the PDF and the slide text write them ("€200,000").
    const valueAxis = /<c:valAx>[\s\S]*?<\/c:valAx>/.exec(vertical)?.[0] ?? "";
    expect(valueAxis).toContain('formatCode="&quot;€&quot;#,##0"');
    expect(valueAxis).toMatch(/<c:min val="0"\/>/);
    expect(valueAxis).toMatch(/<c:majorUnit val="(100000|200000)"\/>/);
    expect(vertical).toMatch(
      /<c:dLbls><c:numFmt formatCode="\[&gt;=999950\]&quot;€&quot;#,##0\.0,,&quot;M&quot;;&quot;€&quot;#,##0" sourceLinked="0"\/>/,
    );
    expect(vertical).toContain('<c:formatCode>"€"#,##0</c:formatCode>');
    expect(vertical).toContain("<c:legend>");
    expect(vertical).toContain('<c:legendPos val="t"/>');
    expect(horizontal).not.toContain("<c:legend>");
    expect(horizontal).toContain('<c:barDir val="bar"/>');
    expect(horizontal).toContain('<c:showVal val="1"/>');
    expect(horizontal).toMatch(/<c:dLbls><c:numFmt formatCode="0%" sourceLinked="0"\/>/);
    // Categories top-down in the deck's order: the category axis runs from the top, its value
    // labels at the bottom.
    expect(horizontal).toMatch(/<c:cat>.*?<c:pt idx="0"><c:v>Backlog<\/c:v>/);
    expect(horizontal).toMatch(
      /<c:catAx>\s*<c:axId val="\d+"\/>\s*<c:scaling><c:orientation val="maxMin"\/>/,
    );
    expect(horizontal).toMatch(/<c:valAx>[\s\S]*<c:tickLblPos val="high"\/>/);
  });

  it("leaves no slide parts PowerPoint would repair: every shape has a text body, backgrounds an effect list", async () => {
    for (const index of deck.slides.keys()) {
      const slide = await output.text(`ppt/slides/slide${index + 1}.xml`);
      const shapes = slide.match(/<p:sp>[\s\S]*?<\/p:sp>/g) ?? [];
      expect(shapes.length).toBeGreaterThan(0);
      for (const shape of shapes) expect(shape).toContain("<p:txBody>");
      expect(slide).toMatch(/<p:bgPr>.*<a:effectLst\/><\/p:bgPr>/);
    }
    const layouts = Object.keys(output.zip.files).filter((name) =>
      /^ppt\/slideLayouts\/[^/]+\.xml$/.test(name),
    );
    const layoutShapes = (await Promise.all(layouts.map((name) => output.text(name)))).flatMap(
      (xml) => xml.match(/<p:sp>[\s\S]*?<\/p:sp>/g) ?? [],
    );
    expect(layoutShapes.length).toBeGreaterThanOrEqual(3);
    for (const shape of layoutShapes) expect(shape).toContain("<p:txBody>");
    const contentTypes = await output.text("[Content_Types].xml");
    for (const [, part] of contentTypes.matchAll(/<Override PartName="\/([^"]+)"/g)) {
      expect(output.zip.file(part!), part).not.toBeNull();
    }
  });

  it("leaves no pptxgenjs chart defects: axis ids all defined, categories as plain references, no blank points", async () => {
    const charts = Object.keys(output.zip.files).filter((name) => /^ppt\/charts\/chart\d+\.xml$/.test(name));
    expect(charts).toHaveLength(3);
    for (const name of charts) {
      const chart = await output.text(name);
      expect(orphanAxisIds(chart)).toEqual([]);
      expect(chart).not.toContain("multiLvlStrRef");
      // Dates as numbers (a date axis), names as strings.
      const reference = name.endsWith("chart1.xml") ? "numRef" : "strRef";
      expect(chart).toMatch(
        new RegExp(`<c:cat>\\s*<c:${reference}>\\s*<c:f>Sheet1!\\$A\\$2:\\$A\\$\\d+</c:f>`),
      );
      expect(chart).not.toMatch(/<c:v>\s*<\/c:v>/);
    }
  });

  it("embeds workbooks that Keynote can parse, dated as of the deck", async () => {
    const bytes = await output.zip
      .file("ppt/embeddings/Microsoft_Excel_Worksheet1.xlsx")!
      .async("uint8array");
    const workbook = await JSZip.loadAsync(bytes);
    const table = await workbook.file("xl/tables/table1.xml")!.async("string");
    expect(table).toMatch(/ref="A1:E16"/);
    const core = await workbook.file("docProps/core.xml")!.async("string");
    expect(core).toContain("2025-09-30T00:00:00Z");
    const sheet = await workbook.file("xl/worksheets/sheet1.xml")!.async("string");
    expect(sheet).not.toContain("<v></v>");
  });

  it("embeds the chart data as the chart shows it: dates as dates, numbers in the deck's formats", async () => {
    const workbookOf = async (chart: number) =>
      JSZip.loadAsync(
        await output.zip.file(`ppt/embeddings/Microsoft_Excel_Worksheet${chart}.xlsx`)!.async("uint8array"),
      );
    const timeline = await workbookOf(1);
    const sheet = await timeline.file("xl/worksheets/sheet1.xml")!.async("string");
    const styles = await timeline.file("xl/styles.xml")!.async("string");
    const formatOf = (cell: string) => {
      const style = Number(new RegExp(`<c r="${cell}" s="(\\d+)">`).exec(sheet)?.[1]);
      const xf = [...styles.matchAll(/<xf numFmtId="(\d+)"[^>]*xfId="0"[^>]*\/>/g)][style]?.[1];
      return new RegExp(`<numFmt numFmtId="${xf}" formatCode="([^"]*)"/>`).exec(styles)?.[1];
    };
    // A2 is 2025-01-31 as a date cell (not the text "45688"), B2 the plan's 1,000.
    expect(sheet).toContain('<c r="A2" s="1"><v>45688</v></c>');
    expect(formatOf("A2")).toBe("d mmm yyyy");
    expect(sheet).toMatch(/<c r="B2" s="\d+"><v>1000<\/v><\/c>/);
    expect(formatOf("B2")).toBe("#,##0");
    const bars = await workbookOf(2);
    const barSheet = await bars.file("xl/worksheets/sheet1.xml")!.async("string");
    const barStyles = await bars.file("xl/styles.xml")!.async("string");
    expect(barSheet).toContain('<c r="A2" t="s">');
    expect(barStyles).toContain('formatCode="&quot;€&quot;#,##0"');
  });

  it("writes speaker notes for slides that have them", async () => {
    const notes = await output.text("ppt/notesSlides/notesSlide1.xml");
    expect(notes).toContain("Open with thanks for the pilot teams.");
    expect(notes).toContain("Agenda: results, risks, next quarter.");
    expect(await output.text("ppt/notesSlides/notesSlide6.xml")).toContain("Ελληνικά και русский");
  });

  it("sets document properties from the deck meta only, dated as of the deck", async () => {
    const core = await output.text("docProps/core.xml");
    expect(core).toContain(`<dc:title>${xmlText(deck.meta.title)}</dc:title>`);
    expect(core).toContain(`<dc:creator>${deck.meta.author}</dc:creator>`);
    expect(core).toContain(`<dc:subject>${deck.meta.subject}</dc:subject>`);
    expect(core).toContain("<dc:language>en-US</dc:language>");
    expect(core).toMatch(/<dcterms:created[^>]*>2025-09-30T00:00:00Z<\/dcterms:created>/);
    expect(core).toMatch(/<dcterms:modified[^>]*>2025-09-30T00:00:00Z<\/dcterms:modified>/);
    expect(core).not.toContain("PptxGenJS");
    expect(await output.text("docProps/app.xml")).toContain("<Company>qbr-deck</Company>");
  });

  it("writes a deflated zip with [Content_Types].xml first and fixed entry dates", () => {
    const view = new DataView(output.bytes.buffer, output.bytes.byteOffset, output.bytes.byteLength);
    const nameLength = view.getUint16(26, true);
    const firstName = new TextDecoder().decode(output.bytes.subarray(30, 30 + nameLength));
    expect(firstName).toBe("[Content_Types].xml");
    expect(view.getUint16(8, true)).toBe(8); // compression method: DEFLATE
    // DOS dates have no time zone: every entry says 30 Sep 2025, 12:00, read in any zone.
    expect(view.getUint16(12, true)).toBe(((2025 - 1980) << 9) | (9 << 5) | 30);
    expect(view.getUint16(10, true)).toBe(12 << 11);
    // Every entry carries that same date (however JSZip maps DOS fields to a Date in this zone).
    const dates = new Set(Object.values(output.zip.files).map((file) => file.date.getTime()));
    expect(dates.size).toBe(1);
    expect(Object.values(output.zip.files).some((file) => file.dir)).toBe(false);
  });

  it("gives byte-identical output for the same deck, whatever was rendered before in the process", async () => {
    const first = output.bytes;
    await pptxRenderer.render(buildFixtureDeck({ title: "Another deck", asOf: "2024-01-15" }), {});
    const again = await pptxRenderer.render(buildFixtureDeck(), {});
    expect(sha256(again.bytes)).toBe(sha256(first));
    expect(again.warnings).toEqual(output.warnings);
  });
});

describe("pptx renderer with a bare deck", () => {
  it("renders without logo, classification, notes or chart data, and says what it left out", async () => {
    const full = buildFixtureDeck({ classification: "" });
    const deck: Deck = {
      ...full,
      logo: null,
      theme: { ...full.theme, logo: { placement: "title" } },
      slides: [
        { id: "title", layout: "title", title: "Bare", blocks: [], notes: "" },
        {
          id: "empty-chart",
          layout: "content",
          title: "Nothing measured yet",
          notes: "",
          blocks: [
            {
              kind: "chart",
              box: { x: 0.5, y: 1.5, w: 6, h: 4 },
              alt: "No data",
              chart: {
                type: "timeline",
                title: "Open tickets",
                format: { style: "number", decimals: 0 },
                series: [],
                referenceLines: [],
              },
            },
          ],
        },
      ],
    };
    const output = await render(deck);
    expect(Object.keys(output.zip.files).some((name) => name.startsWith("ppt/media/"))).toBe(false);
    expect(Object.keys(output.zip.files).some((name) => name.startsWith("ppt/charts/"))).toBe(false);
    expect(await output.text("ppt/slides/slide2.xml")).toContain("No data to chart yet.");
    expect(output.warnings).toEqual([
      'pptx slide 2 ("empty-chart"): chart "Open tickets" has no data points; a note is shown instead',
    ]);
  });
});

/** Text as pptxgenjs escapes it in XML. */
function xmlText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Font size (hundredths of a point) of the run that starts with `start`. */
function runSize(slideXml: string, start: string): number {
  const index = slideXml.indexOf(`<a:t>${start}`);
  const runStart = slideXml.lastIndexOf("<a:rPr", index);
  const size = /sz="(\d+)"/.exec(slideXml.slice(runStart, index))?.[1];
  return Number(size);
}
