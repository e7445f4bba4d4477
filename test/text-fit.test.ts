import { describe, expect, it } from "vitest";
import fc from "fast-check";
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

/** The plain algorithm wrapText must match: re-measure every candidate line from scratch. */
function referenceWrap(text: string, widthPt: number, sizePt: number, weight: "regular" | "bold"): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (textWidthPt(candidate, sizePt, weight) <= widthPt) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = "";
      let rest = word;
      while (textWidthPt(rest, sizePt, weight) > widthPt && rest.length > 1) {
        let cut = rest.length - 1;
        while (cut > 1 && textWidthPt(rest.slice(0, cut), sizePt, weight) > widthPt) cut--;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}

describe("incremental wrapping", () => {
  it("gives exactly the lines of re-measuring each candidate line", () => {
    const word = fc.stringMatching(/^[A-Za-zÀ-ÿΑ-ωА-я0-9%€–—…✓.,'"()]{1,18}$/);
    const text = fc
      .array(fc.tuple(word, fc.constantFrom(" ", "  ", "\n", " \n ")), { maxLength: 40 })
      .map((parts) => parts.map(([w, gap]) => w + gap).join(""));
    fc.assert(
      fc.property(
        text,
        fc.double({ min: 20, max: 600, noNaN: true }),
        fc.double({ min: 6, max: 40, noNaN: true }),
        fc.constantFrom("regular" as const, "bold" as const),
        (sample, width, size, weight) => {
          expect(wrapText(sample, width, size, weight)).toEqual(referenceWrap(sample, width, size, weight));
        },
      ),
      { numRuns: 400 },
    );
  });
});
