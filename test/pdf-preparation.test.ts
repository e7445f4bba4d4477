import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { preparationSlides } from "../src/render/pdf/preparation.js";
import { loadRenderer } from "../src/render/renderer.js";
import { sampleDeck } from "./helpers/decks.js";

const decode = (text: string) =>
  text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

/** Every line of every speaker-notes page of a PPTX, as text. */
async function pptxNotes(bytes: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files).filter((name) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(name));
  const paragraphs: string[] = [];
  for (const name of names) {
    const xml = await zip.file(name)!.async("string");
    for (const [paragraph] of xml.matchAll(/<a:p>.*?<\/a:p>/gs)) {
      const text = [...paragraph.matchAll(/<a:t>([^<]*)<\/a:t>|<a:br\/>/g)]
        .map(([tag, run]) => (tag === "<a:br/>" ? "\n" : decode(run!)))
        .join("");
      paragraphs.push(...text.split("\n").filter((line) => line.trim().length > 0));
    }
  }
  return paragraphs;
}

function pdfText(bytes: Uint8Array): string {
  const dir = mkdtempSync(path.join(tmpdir(), "qbr-prep-"));
  const file = path.join(dir, "deck.pdf");
  writeFileSync(file, bytes);
  return execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" });
}

/** Line breaks and wrapping differ between the two formats: compare without any whitespace. */
const squeeze = (text: string) => text.replace(/[\s•]+/g, "");

describe("internal PDF preparation notes", () => {
  it.each(["northwind-logistics.yaml", "maple-and-finch.yaml"])(
    "%s: the internal PDF holds every paragraph of the internal PPTX's speaker notes",
    async (name) => {
      const deck = sampleDeck(name, "internal", "qbr");
      const [pdf, pptx] = await Promise.all([loadRenderer("pdf"), loadRenderer("pptx")]);
      const notes = await pptxNotes((await pptx.render(deck, {})).bytes);
      const text = pdfText((await pdf.render(deck, {})).bytes);
      expect(notes.length).toBeGreaterThan(20);
      const flat = squeeze(text);
      const missing = notes.filter((note) => !flat.includes(squeeze(note)));
      expect(missing).toEqual([]);
      expect(text).toContain("Preparation notes");
      expect(text).not.toContain("speaker notes");
    },
  );

  it("customer PDFs get no preparation pages", async () => {
    const deck = sampleDeck("northwind-logistics.yaml", "customer", "qbr");
    const pdf = await loadRenderer("pdf");
    const text = pdfText((await pdf.render(deck, {})).bytes);
    expect(text).not.toContain("Preparation notes");
    expect(text.split("\f").filter((page) => page.trim()).length).toBe(deck.slides.length);
  });
});

describe("preparation pages' titles (issue 12)", () => {
  it("never says '(continued) (continued)' when a continuation slide's notes run onto the next page", () => {
    const deck = sampleDeck("kestrel-analytik.yaml", "internal", "qbr");
    const titles = preparationSlides(deck).flatMap((page) =>
      page.blocks.flatMap((block) => (block.kind === "bullets" ? block.items.map((item) => item.text) : [])),
    );
    expect(titles.some((text) => /^\d+\. .* \(continued\)$/.test(text))).toBe(true);
    expect(titles.filter((text) => text.includes("(continued) (continued)"))).toEqual([]);
  });
});
