import PDFDocument from "pdfkit";
import { describe, expect, it } from "vitest";
import { loadFont } from "../src/render/fonts.js";
import { memoiseSubsetEncoding, seedSubsets } from "../src/render/pdf/font-subset.js";
import { shapeLine } from "../src/render/pdf/text-run.js";

interface SubsetView {
  glyphs: number[];
  encode(): Uint8Array;
}

function documentWith(text: string): { glyphs: number[]; encoded: Uint8Array } {
  const { font } = loadFont("regular");
  memoiseSubsetEncoding(font);
  const doc = new PDFDocument({ autoFirstPage: false, font: null as unknown as string });
  doc.registerFont("body", font as unknown as PDFKit.Mixins.PDFFontSource);
  seedSubsets(doc, ["body"]);
  shapeLine(doc, text);
  const subset = (doc as unknown as { _font: { subset: SubsetView } })._font.subset;
  return { glyphs: [...subset.glyphs], encoded: subset.encode() };
}

describe("font subsets shared across documents", () => {
  it("starts every subset with the same base glyphs, so ASCII-only decks share one encoded subset", () => {
    const first = documentWith("Value realized: 57% of target — on track");
    const second = documentWith("Adoption is behind plan (42%)…");
    expect(first.glyphs.length).toBeGreaterThan(100);
    expect(second.glyphs).toEqual(first.glyphs);
    expect(second.encoded).toBe(first.encoded);
  });

  it("encodes a subset of its own when a deck needs more glyphs", () => {
    const latin = documentWith("Northwind");
    const greek = documentWith("Ωμέγα Logistics");
    expect(greek.glyphs.slice(0, latin.glyphs.length)).toEqual(latin.glyphs);
    expect(greek.glyphs.length).toBeGreaterThan(latin.glyphs.length);
    expect(greek.encoded).not.toBe(latin.encoded);
    expect(greek.encoded.byteLength).toBeGreaterThan(latin.encoded.byteLength);
  });
});
