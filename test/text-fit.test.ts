import { describe, expect, it } from "vitest";
import { fitText, textWidthPt, wrapText } from "../src/render/text-fit.js";
import { missingGlyphs } from "../src/render/fonts.js";

describe("text fitting", () => {
  it("measures wider text as wider and scales with size", () => {
    expect(textWidthPt("MMMM", 10)).toBeGreaterThan(textWidthPt("iiii", 10));
    expect(textWidthPt("Northwind", 20)).toBeCloseTo(2 * textWidthPt("Northwind", 10), 5);
  });

  it("wraps words to the width and keeps explicit newlines", () => {
    const lines = wrapText("one two three four five six seven eight", 60, 12);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(textWidthPt(line, 12)).toBeLessThanOrEqual(60);
    expect(wrapText("a\nb", 500, 12)).toEqual(["a", "b"]);
  });

  it("shrinks text until it fits, and truncates with an ellipsis below the minimum size", () => {
    const fitted = fitText("A long sentence ".repeat(12), { w: 4, h: 1 }, 14);
    expect(fitted.sizePt).toBeLessThan(14);
    expect(fitted.truncated).toBe(false);
    const cut = fitText("A long sentence ".repeat(200), { w: 2, h: 0.5 }, 14);
    expect(cut.truncated).toBe(true);
    expect(cut.lines.at(-1)).toMatch(/…$/);
  });

  it("reports characters the embedded font lacks, and none for Latin, Greek and Cyrillic", () => {
    expect(missingGlyphs("Northwind Ωμέγα Привет €")).toEqual([]);
    expect(missingGlyphs("日本")).toEqual(["日", "本"]);
  });
});
