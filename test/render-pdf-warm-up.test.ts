import { describe, expect, it } from "vitest";
import { WARM_UP_DECK } from "../src/render/pdf/warm-up.js";
import { pdfRenderer } from "../src/render/pdf/render-pdf.js";

/**
 * The warm-up deck a waiting thread renders (src/render/pdf/warm-up.ts): it must stay a valid
 * deck that exercises the drawing code a real deck uses, or the warm-up silently does nothing.
 */
describe("the PDF warm-up deck", () => {
  it("is one content page with every block kind but images, both chart types", () => {
    const blocks = WARM_UP_DECK.slides.flatMap((slide) => slide.blocks);
    expect(WARM_UP_DECK.slides.map((slide) => slide.layout)).toEqual(["content"]);
    expect(new Set(blocks.map((block) => block.kind))).toEqual(
      new Set(["text", "bullets", "kpis", "table", "chart"]),
    );
    const charts = blocks.flatMap((block) => (block.kind === "chart" ? [block.chart.type] : []));
    expect(charts.sort()).toEqual(["bar", "timeline"]);
  });

  it("renders without a warning, and warmUp() resolves", async () => {
    const result = await pdfRenderer.render(WARM_UP_DECK, {});
    expect(result.warnings).toEqual([]);
    expect(Buffer.from(result.bytes.subarray(0, 8)).toString("latin1")).toBe("%PDF-1.7");
    // One page: no cover, no notes pages (the warm-up must be short).
    expect(
      Buffer.from(result.bytes)
        .toString("latin1")
        .match(/\/Type \/Page\b/g),
    ).toHaveLength(1);
    await expect(pdfRenderer.warmUp!()).resolves.toBeUndefined();
  });
});
