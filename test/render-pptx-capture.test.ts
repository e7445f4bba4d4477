import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { lastWriteCaptured, writeParts } from "../src/render/pptx/capture-package.js";
import { postprocessPptx } from "../src/render/pptx/postprocess/index.js";
import { readPackage } from "../src/render/pptx/postprocess/package.js";
import { createPresentation, type Presentation } from "../src/render/pptx/pptxgen.js";
import { pptxRenderer } from "../src/render/pptx/render-pptx.js";
import { buildFixtureDeck, fixtureLogo } from "./fixtures/pptx-deck.js";

/**
 * capture-package.ts records pptxgenjs's parts instead of letting JSZip zip them. These tests pin
 * that the recorded package is exactly the one pptxgenjs would have zipped, and that JSZip works
 * normally outside a capture.
 */

const PNG_DATA_URL = `data:image/png;base64,${fixtureLogo().base64}`;

/** A presentation with every kind of part pptxgenjs writes: text, notes, an image and two charts. */
function samplePresentation(): Presentation {
  const pres = createPresentation();
  pres.layout = "LAYOUT_WIDE";
  const slide = pres.addSlide();
  slide.addText("Value realized — Ünïcødé ✓", { x: 0.5, y: 0.3, w: 8, h: 0.8, fontSize: 24 });
  slide.addImage({ data: PNG_DATA_URL, x: 9, y: 0.3, w: 1, h: 1 });
  slide.addChart(pres.ChartType.line, [{ name: "Plan", labels: ["Q1", "Q2", "Q3"], values: [0, 5, 10] }], {
    x: 0.5,
    y: 1.5,
    w: 6,
    h: 4,
  });
  slide.addNotes("Speaker notes");
  pres.addSlide().addChart(pres.ChartType.bar, [{ name: "Value", labels: ["A", "B"], values: [3, 0] }], {
    x: 0.5,
    y: 1.5,
    w: 6,
    h: 4,
  });
  return pres;
}

const META = buildFixtureDeck().meta;

describe("capturing pptxgenjs's package", () => {
  it("records the parts, and the deck written from them is byte-identical to one from pptxgenjs's own zip", async () => {
    const captured = await writeParts(samplePresentation());
    expect(lastWriteCaptured()).toBe(true);
    const zipped = (await samplePresentation().write({ outputType: "uint8array" })) as Uint8Array;

    const workbooks = [...captured].filter(([name]) => name.endsWith(".xlsx"));
    expect(workbooks).toHaveLength(2);
    for (const [, workbook] of workbooks) expect(workbook).toBeInstanceOf(Map);
    const image = [...captured].find(([name]) => name.startsWith("ppt/media/"))?.[1];
    expect(Buffer.from(image as Uint8Array).toString("base64")).toBe(fixtureLogo().base64);

    const fromCapture = await postprocessPptx(captured, META);
    const fromZip = await postprocessPptx(await readPackage(zipped), META);
    expect(Buffer.from(fromCapture).equals(Buffer.from(fromZip))).toBe(true);
  });

  it("leaves JSZip working normally outside a capture, and while one runs", async () => {
    const zip = new JSZip();
    zip.folder("a")?.file("b.txt", "hello");
    const [bytes] = await Promise.all([
      zip.generateAsync({ type: "uint8array" }),
      writeParts(samplePresentation()),
    ]);
    const read = await JSZip.loadAsync(bytes);
    expect(await read.file("a/b.txt")?.async("string")).toBe("hello");
  });

  it("renders a whole deck through the capture, and the result opens as a zip", async () => {
    const { bytes } = await pptxRenderer.render(buildFixtureDeck(), {});
    expect(lastWriteCaptured()).toBe(true);
    const zip = await JSZip.loadAsync(bytes);
    expect(Object.keys(zip.files).some((name) => name.startsWith("ppt/embeddings/"))).toBe(true);
    const workbook = Object.keys(zip.files).find((name) => name.endsWith(".xlsx"));
    const inner = await JSZip.loadAsync(await zip.file(workbook!)!.async("uint8array"));
    expect(inner.file("xl/worksheets/sheet1.xml")).not.toBeNull();
  });
});
