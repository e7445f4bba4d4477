import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  advanceLookupCount,
  clusterEnds,
  fitText,
  textWidthPt,
  withEllipsisPt,
  wrapText,
} from "../src/render/text-fit.js";
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

/** The characters of `word` as a user sees them (grapheme clusters): where a word may be cut. */
function characters(word: string): string[] {
  let start = 0;
  return clusterEnds(word).map((end) => word.slice(start, (start = end)));
}

/**
 * The plain algorithm wrapText must match: re-measure every candidate line from scratch, and for
 * a word wider than the line try every cut from the longest down.
 */
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
      let rest = characters(word);
      while (textWidthPt(rest.join(""), sizePt, weight) > widthPt && rest.length > 1) {
        let cut = rest.length - 1;
        while (cut > 1 && textWidthPt(rest.slice(0, cut).join(""), sizePt, weight) > widthPt) cut--;
        lines.push(rest.slice(0, cut).join(""));
        rest = rest.slice(cut);
      }
      line = rest.join("");
    }
    lines.push(line);
  }
  return lines;
}

/** The plain ellipsis cut: drop characters from the end until the line and "…" fit. */
function referenceEllipsis(
  line: string,
  widthPt: number,
  sizePt: number,
  weight: "regular" | "bold",
): string {
  let kept = characters(line);
  while (kept.length > 0 && textWidthPt(`${kept.join("")}…`, sizePt, weight) > widthPt)
    kept = kept.slice(0, -1);
  return `${kept.join("").trimEnd()}…`;
}

/** Advance look-ups `work` makes (the measuring cost of wrapping, independent of the machine). */
function lookups(work: () => unknown): number {
  const before = advanceLookupCount();
  work();
  return advanceLookupCount() - before;
}

describe("incremental wrapping", () => {
  const word = fc.stringMatching(/^[A-Za-zÀ-ÿΑ-ωА-я0-9%€–—…✓.,'"()]{1,18}$/);
  /** Unbroken words of up to 400 characters, with accents, astral characters and emoji sequences. */
  const longWord = fc
    .array(fc.constantFrom("W", "i", "m", "é", "e\u0301", "Ω", "𝐀", "👍🏽", "🇩🇪", "1", "—"), {
      minLength: 1,
      maxLength: 400,
    })
    .map((parts) => parts.join(""));
  const gap = fc.constantFrom(" ", "  ", "\n", " \n ");
  const width = fc.double({ min: 20, max: 600, noNaN: true });
  const size = fc.double({ min: 6, max: 40, noNaN: true });
  const weight = fc.constantFrom("regular" as const, "bold" as const);

  it("gives exactly the lines of re-measuring each candidate line", () => {
    const text = fc
      .array(fc.tuple(fc.oneof({ weight: 4, arbitrary: word }, { weight: 1, arbitrary: longWord }), gap), {
        maxLength: 40,
      })
      .map((parts) => parts.map(([w, g]) => w + g).join(""));
    fc.assert(
      fc.property(text, width, size, weight, (sample, widthPt, sizePt, fontWeight) => {
        expect(wrapText(sample, widthPt, sizePt, fontWeight)).toEqual(
          referenceWrap(sample, widthPt, sizePt, fontWeight),
        );
      }),
      { numRuns: 400 },
    );
  });

  it("breaks unbroken words exactly where re-measuring every cut would", () => {
    fc.assert(
      fc.property(longWord, width, size, weight, (sample, widthPt, sizePt, fontWeight) => {
        const lines = wrapText(sample, widthPt, sizePt, fontWeight);
        expect(lines).toEqual(referenceWrap(sample, widthPt, sizePt, fontWeight));
        expect(lines.join("")).toBe(sample);
      }),
      { numRuns: 300 },
    );
  });

  it("cuts a line before the ellipsis exactly where dropping one character at a time would", () => {
    const line = fc
      .array(fc.oneof(word, longWord), { minLength: 1, maxLength: 6 })
      .map((words) => words.join(" "));
    fc.assert(
      fc.property(line, width, size, weight, (sample, widthPt, sizePt, fontWeight) => {
        expect(withEllipsisPt(sample, widthPt, sizePt, fontWeight)).toBe(
          referenceEllipsis(sample, widthPt, sizePt, fontWeight),
        );
      }),
      { numRuns: 300 },
    );
  });

  it("cuts between the characters Intl.Segmenter finds, for the characters a deck meets", () => {
    const piece = fc.constantFrom(
      "a",
      "é",
      "e\u0301\u0302",
      "Ω",
      "𝐀",
      "👍",
      "👍🏽",
      "🇩🇪",
      "🇫🇷",
      "👩\u200d💻",
      "❤\ufe0f",
      "1",
    );
    const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const sample = pieces.join("");
        const expected = [...segmenter.segment(sample)].map(({ index, segment }) => index + segment.length);
        expect(clusterEnds(sample)).toEqual(expected);
      }),
    );
  });

  it("never cuts inside a surrogate pair or between a letter and its accent", () => {
    const lines = wrapText("𝐀e\u0301".repeat(40), 30, 12);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) {
      expect(line).not.toMatch(/^\u0301/u);
      expect(line).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
    }
  });
});

describe("wrapping cost", () => {
  it("measures each character of an unbroken word a bounded number of times", () => {
    for (const length of [1_000, 20_000]) {
      const unbroken = "Wordy".repeat(length / 5);
      // One look-up per character for the candidate line, one more while cutting, and one per
      // line for the character that overflowed it: ~2n. The old cut search made ~n²/line.
      expect(lookups(() => wrapText(unbroken, 300, 12))).toBeLessThanOrEqual(3 * length);
    }
  });

  it("fits and truncates a 20,000-character word with work linear in its length", () => {
    const work = (length: number) =>
      lookups(() => fitText("Wordy".repeat(length / 5), { w: 6, h: 0.8 }, 28, "bold"));
    const small = work(2_000);
    const large = work(20_000);
    // A dozen or so wraps (bisection over the sizes) of ~2n look-ups each, plus the ellipsis.
    expect(large).toBeLessThanOrEqual(40 * 20_000);
    expect(large / small).toBeLessThan(11);
  });
});
