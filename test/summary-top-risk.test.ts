import { describe, expect, it } from "vitest";
import type { BulletsBlock, Slide } from "../src/deck/deck-model.js";
import { analyse, loadSample } from "./helpers/accounts.js";
import { sampleDeck } from "./helpers/decks.js";

const SAMPLES = ["northwind-logistics.yaml", "maple-and-finch.yaml", "kestrel-analytik.yaml"];

function summaryOf(name: string, audience: "internal" | "customer"): Slide {
  return sampleDeck(name, audience, "qbr").slides.find((slide) => slide.id === "summary")!;
}

const textOf = (slide: Slide) =>
  slide.blocks
    .flatMap((block) =>
      block.kind === "text"
        ? [block.text]
        : block.kind === "bullets"
          ? block.items.map((item) => item.text)
          : [],
    )
    .join("\n");

describe("internal executive summary", () => {
  it.each(SAMPLES)("%s leads with the top-ranked finding and its play", (name) => {
    const analysis = analyse(loadSample(name));
    const [top] = analysis.findings;
    const slide = summaryOf(name, "internal");
    const risks = slide.blocks.filter((block): block is BulletsBlock => block.kind === "bullets")[1]!;
    expect(risks.items[0]!.text).toBe(`Top risk: ${top!.title}`);
    expect(top!.play).not.toBe("");
    expect(risks.items[1]!.text).toBe(`Play: ${top!.play}`);
    expect(slide.notes).toContain(top!.play);
  });

  // Issue 12 §3: "5 high, 5 medium … and 6 more" for 11 findings did not add up.
  it.each(SAMPLES)("%s prints counts that add up to its findings", (name) => {
    const { findings, riskScore } = analyse(loadSample(name));
    const count = (severity: string) => findings.filter((finding) => finding.severity === severity).length;
    const text = textOf(summaryOf(name, "internal"));
    expect(text).toContain(
      `Risk score ${riskScore} of 100 (level ${findings[0]!.severity}): ${findings.length} findings — ` +
        `${count("high")} high, ${count("medium")} medium, ${count("low")} low.`,
    );
    expect(text).toContain(`…and ${findings.length - 1} more findings`);
  });

  it("customer summaries carry no top risk, play or score", () => {
    for (const name of SAMPLES) {
      const slide = summaryOf(name, "customer");
      const text = textOf(slide) + slide.notes;
      expect(text).not.toMatch(/Top risk|Play:|Risk score/);
    }
  });
});
