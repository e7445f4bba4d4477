import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import * as fontkit from "fontkit";
import PDFDocument from "pdfkit";
import { afterAll, describe, expect, it } from "vitest";
import { loadFont, type FontWeight } from "../src/render/fonts.js";
import type { RenderResult } from "../src/render/renderer.js";
import { libraryInternals, probeInternals } from "../src/render/pdf/pdfkit-internals.js";
import { pdfRenderer } from "../src/render/pdf/render-pdf.js";
import { shapeLine, showLine } from "../src/render/pdf/text-run.js";
import { pdfFixtureDeck } from "./fixtures/pdf-deck.js";
import { missingTools, skipReason } from "./helpers/tools.js";

const FIXED_DATE = new Date("2025-06-30T00:00:00Z");

/** DejaVu parsed anew: no glyphs cached by fontkit from other tests' documents. */
function freshFonts(): Record<FontWeight, fontkit.Font> {
  return { regular: fontkit.create(loadFont("regular").bytes), bold: fontkit.create(loadFont("bold").bytes) };
}

/**
 * A bare pdfkit document (not from createDocument) with DejaVu registered and a page added, by
 * default with the fonts every document of the process shares.
 */
function bareDocument(
  options: PDFKit.PDFDocumentOptions = {},
  fonts: Record<FontWeight, fontkit.Font> = {
    regular: loadFont("regular").font,
    bold: loadFont("bold").font,
  },
): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    autoFirstPage: false,
    font: null as unknown as string,
    info: { CreationDate: FIXED_DATE, ModDate: FIXED_DATE },
    ...options,
  });
  for (const weight of ["regular", "bold"] as FontWeight[]) {
    doc.registerFont(weight, fonts[weight] as unknown as PDFKit.Mixins.PDFFontSource);
  }
  doc.font("regular").addPage({ size: [960, 540], margin: 0 });
  return doc;
}

function finish(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc.end();
  });
}

/** Every stream of an uncompressed PDF that draws text (BT … ET), in file order. */
function textStreams(pdf: Buffer): string[] {
  const text = pdf.toString("latin1");
  const out: string[] = [];
  for (const match of text.matchAll(/stream\n([\s\S]*?)\nendstream/g)) {
    if (/\bBT\b[\s\S]*\bET\b/.test(match[1]!)) out.push(match[1]!);
  }
  return out;
}

async function withInternalsOff<T>(run: () => Promise<T>): Promise<T> {
  const before = process.env.QBR_PDF_INTERNALS;
  process.env.QBR_PDF_INTERNALS = "off";
  try {
    return await run();
  } finally {
    if (before === undefined) delete process.env.QBR_PDF_INTERNALS;
    else process.env.QBR_PDF_INTERNALS = before;
  }
}

const scratch = mkdtempSync(path.join(tmpdir(), "qbr-pdf-internals-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function pdftotext(bytes: Uint8Array, name: string): string {
  const file = path.join(scratch, `${name}.pdf`);
  writeFileSync(file, bytes);
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
}

describe("the pdfkit/fontkit internals probe", () => {
  it("finds every internal as expected in the pinned pdfkit and fontkit", () => {
    expect(libraryInternals()).toEqual([]);
    expect(probeInternals(bareDocument())).toEqual([]);
  });

  it("names each member that is missing or has another shape, with its area", () => {
    const doc = bareDocument();
    // A pdfkit that renamed addContent and changed includeGlyph's signature.
    Object.defineProperty(doc, "addContent", { value: undefined });
    const subset = (doc as unknown as { _font: { subset: Record<string, unknown> } })._font.subset;
    subset.includeGlyph = (glyphId: number, extra: unknown) => [glyphId, extra];
    expect(probeInternals(doc)).toEqual([
      { area: "text", member: "doc.addContent", expected: "function(1)" },
      { area: "text", member: "doc._font.subset.includeGlyph", expected: "function(1)" },
    ]);
    expect(probeInternals({}).map((missing) => missing.member)).toContain("doc._root.data");
  });
});

describe("text drawn through the adapter", () => {
  const lines: { text: string; weight: FontWeight; size: number; x: number; top: number }[] = [
    { text: "Value realized: 57% of target — on track", weight: "regular", size: 14, x: 36.5, top: 40 },
    { text: "AVATAR To Wa Yo fi ffl “quoted” 1,240,000 €", weight: "bold", size: 28.333, x: 72, top: 120.25 },
    { text: "Ωμέγα Logistics · Время адаптации ≤ 3.4×", weight: "regular", size: 9.5, x: 0, top: 500 },
    { text: "  leading and trailing spaces  ", weight: "regular", size: 11, x: 100, top: 300 },
  ];

  it("writes the same content stream operators (and the same file) as pdfkit's own text()", async () => {
    // Fresh fonts for each, as pdfkit parses them per document by default.
    const ours = bareDocument({ compress: false }, freshFonts());
    const theirs = bareDocument({ compress: false }, freshFonts());
    for (const line of lines) {
      ours.font(line.weight).fontSize(line.size).fillColor("#1E2329");
      showLine(ours, shapeLine(ours, line.text), line.x, line.top);
      theirs.font(line.weight).fontSize(line.size).fillColor("#1E2329");
      theirs.text(line.text, line.x, line.top, { lineBreak: false });
    }
    const [oursPdf, theirsPdf] = await Promise.all([finish(ours), finish(theirs)]);
    const oursStreams = textStreams(oursPdf);
    expect(oursStreams).toHaveLength(1);
    expect(oursStreams[0]).toContain("] TJ");
    expect(oursStreams).toEqual(textStreams(theirsPdf));
    // Same subset glyph ids, widths and ToUnicode map: the whole files agree.
    expect(oursPdf.equals(theirsPdf)).toBe(true);
  });

  it("maps every glyph to its characters although fontkit's shared glyph cache forgot them", () => {
    const fonts = freshFonts();
    // Encoding this subset caches "ε" and "ι" (components of "έ" and "ί") with no code points.
    const first = bareDocument({}, fonts);
    showLine(first, shapeLine(first, "έ ί"), 10, 10);
    first.end();
    const second = bareDocument({}, fonts);
    showLine(second, shapeLine(second, "ε ι"), 10, 10);
    const { unicode } = (second as unknown as { _font: { unicode: number[][] } })._font;
    expect(unicode).toEqual([[0], [0x3b5], [0x20], [0x3b9]]);
  });

  it("measures lines as pdfkit's widthOfString does", () => {
    const doc = bareDocument();
    for (const line of lines) {
      doc.font(line.weight).fontSize(line.size);
      expect(shapeLine(doc, line.text).width).toBeCloseTo(doc.widthOfString(line.text), 9);
    }
  });
});

describe("undocumented pdfkit options", () => {
  it("writes the structure attributes tagging.ts passes beyond pdfkit's type declarations", async () => {
    const { bytes } = await pdfRenderer.render(pdfFixtureDeck(), {});
    const raw = Buffer.from(bytes).toString("latin1");
    expect(raw).toMatch(/\/Scope \/Column/);
    expect(raw).toMatch(/\/BBox \[/);
  });
});

describe("the public-API fallback (QBR_PDF_INTERNALS=off)", () => {
  const missing = missingTools("pdftotext");
  let adapter: RenderResult;
  let fallback: RenderResult;

  it("renders a valid PDF with one warning, the text of the adapter path" + skipReason(missing), async () => {
    if (missing.length > 0) return;
    adapter = await pdfRenderer.render(pdfFixtureDeck(), {});
    fallback = await withInternalsOff(() => pdfRenderer.render(pdfFixtureDeck(), {}));
    expect(adapter.warnings.filter((warning) => warning.includes("public API"))).toEqual([]);
    const notes = fallback.warnings.filter((warning) => warning.includes("public API"));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toContain("QBR_PDF_INTERNALS=off");
    expect(Buffer.from(fallback.bytes).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const fallbackText = pdftotext(fallback.bytes, "fallback");
    expect(fallbackText).toContain("Executive summary");
    expect(fallbackText).toBe(pdftotext(adapter.bytes, "adapter"));
    expect(Buffer.from(fallback.bytes).equals(Buffer.from(adapter.bytes))).toBe(false);
  });

  it("embeds each image once, as the adapter path does" + skipReason(missing), () => {
    if (missing.length > 0) return;
    const images = (bytes: Uint8Array) =>
      Buffer.from(bytes)
        .toString("latin1")
        .match(/\/Subtype \/Image/g)?.length ?? 0;
    expect(images(adapter.bytes)).toBeGreaterThan(0);
    expect(images(fallback.bytes)).toBe(images(adapter.bytes));
  });

  it("leaves out an unreadable image with a warning instead of failing", async () => {
    const deck = pdfFixtureDeck();
    deck.logo = { ...deck.logo!, base64: Buffer.from("not an image").toString("base64") };
    const result = await withInternalsOff(() => pdfRenderer.render(deck, {}));
    expect(
      result.warnings.filter((warning) => warning.startsWith("The logo (image/png) could not be read")),
    ).toHaveLength(1);
  });
});
