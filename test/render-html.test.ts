import { describe, expect, it } from "vitest";
import type { Audience, Deck, DeckKind } from "../src/deck/deck-model.js";
import { renderDeck } from "../src/index.js";
import { SAMPLE_FILES } from "./helpers/batch.js";
import { sampleDeck } from "./helpers/decks.js";
import { attr, comments, elements, hasClass, parseHtml, textOf, type Element } from "./helpers/html.js";
import { internalMarkers } from "./helpers/scan.js";

/**
 * The HTML renderer, read back with a real HTML parser: a <section> per slide with the slide's
 * title as its heading, real tables, charts as images whose text carries their data, notes only on
 * internal decks, nothing loaded from anywhere, nothing internal in a customer page, and the same
 * bytes for the same deck.
 */
const KINDS: DeckKind[] = ["qbr", "renewal", "kickoff", "onepager"];
const AUDIENCES: Audience[] = ["internal", "customer"];
const decoder = new TextDecoder();

async function page(deck: Deck): Promise<{ html: string; warnings: string[] }> {
  const warnings: string[] = [];
  const bytes = await renderDeck(deck, "html", { onWarning: (warning) => warnings.push(warning) });
  return { html: decoder.decode(bytes), warnings };
}

const sections = (root: ReturnType<typeof parseHtml>) =>
  elements(root, "section", (el) => hasClass(el, "slide"));
const heading = (section: Element) => [...elements(section, "h1"), ...elements(section, "h2")][0];
/** The page with every data: URI's payload left out (fonts and images are binary, checked apart). */
const withoutData = (html: string) => html.replace(/data:[a-z/+-]+;base64,[A-Za-z0-9+/=]+/g, "data:");

describe.each(SAMPLE_FILES)("the HTML decks of %s", (sample) => {
  describe.each(KINDS)("%s", (kind) => {
    it.each(AUDIENCES)(
      "%s: a section per slide with its title, tables, charts and notes as the deck has them",
      async (audience) => {
        const deck = sampleDeck(sample, audience, kind);
        const { html } = await page(deck);
        const document = parseHtml(html);
        const slides = sections(document);
        expect(slides).toHaveLength(deck.slides.length);
        deck.slides.forEach((slide, index) => {
          const section = slides[index]!;
          const title = heading(section);
          expect(title?.tagName, slide.id).toBe(slide.layout === "title" ? "h1" : "h2");
          expect(textOf(title!)).toBe(slide.title.replace(/\s+/g, " ").trim());
          expect(attr(section, "aria-labelledby")).toBe(attr(title!, "id"));

          const tables = elements(section, "table");
          const tableBlocks = slide.blocks.filter((block) => block.kind === "table");
          expect(tables).toHaveLength(tableBlocks.length);
          tableBlocks.forEach((block, tableIndex) => {
            const table = tables[tableIndex]!;
            const headers = elements(table, "th", (th) => attr(th, "scope") === "col");
            expect(headers.map(textOf)).toEqual(
              block.columns.map((column) => column.header.replace(/\s+/g, " ").trim()),
            );
            const rows = elements(elements(table, "tbody")[0]!, "tr");
            expect(rows.length).toBeLessThanOrEqual(block.rows.length);
            rows.forEach((row, rowIndex) => {
              const cells = [...elements(row, "th"), ...elements(row, "td")];
              expect(attr(cells[0]!, "scope")).toBe("row");
              expect(textOf(cells[0]!)).toBe(
                (block.rows[rowIndex]?.[0]?.text ?? "").replace(/\s+/g, " ").trim(),
              );
            });
          });

          const charts = elements(section, "svg");
          const chartBlocks = slide.blocks.filter((block) => block.kind === "chart");
          expect(charts).toHaveLength(chartBlocks.length);
          chartBlocks.forEach((block, chartIndex) => {
            const svg = charts[chartIndex]!;
            expect(attr(svg, "role")).toBe("img");
            expect(attr(svg, "aria-label")).toBe(block.alt);
            expect(textOf(elements(svg, "desc")[0]!)).toBe(block.alt.replace(/\s+/g, " ").trim());
            expect(elements(svg, "title")).toHaveLength(1);
          });
        });
        // Exactly one h1: the cover's title, or the deck's title for a page without a cover.
        expect(elements(document, "h1")).toHaveLength(1);

        const notes = elements(document, "details");
        if (deck.meta.printNotes) {
          expect(notes.length).toBe(deck.slides.filter((slide) => slide.notes.trim() !== "").length);
        } else {
          expect(notes).toHaveLength(0);
        }
      },
    );
  });
});

describe("an HTML deck", () => {
  const deck = sampleDeck("northwind-logistics.yaml", "customer", "qbr");

  it("loads nothing: no script, no external URL, every src a data: URI, a policy that forbids the rest", async () => {
    const { html } = await page(deck);
    const document = parseHtml(html);
    expect(elements(document, "script")).toHaveLength(0);
    expect(elements(document, "link")).toHaveLength(0);
    expect(withoutData(html)).not.toMatch(/https?:|\/\/[a-z]|url\((?!data:)/i);
    for (const img of elements(document, "img"))
      expect(attr(img, "src")).toMatch(/^data:image\/(png|jpeg);base64,/);
    const policy = elements(
      document,
      "meta",
      (meta) => attr(meta, "http-equiv") === "Content-Security-Policy",
    )[0];
    expect(attr(policy!, "content")).toContain("default-src 'none'");
    expect(html.match(/src:url\(data:font\/woff;base64,/g)).toHaveLength(2);
    expect(comments(document)).toEqual([]);
  });

  it("embeds the font cut down to the page's characters: small pages", async () => {
    const { html } = await page(deck);
    expect(html.length).toBeLessThan(400_000);
  });

  it("gives the same bytes for the same deck", async () => {
    const first = await renderDeck(deck, "html");
    const second = await renderDeck(structuredClone(deck), "html");
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
  });

  it("gives the same bytes after a PDF of the deck was drawn in the same process (the font is shared)", async () => {
    const before = await renderDeck(deck, "html");
    await renderDeck(deck, "pdf");
    const after = await renderDeck(deck, "html");
    expect(Buffer.from(after).equals(Buffer.from(before))).toBe(true);
  });

  it("escapes account text: markup in a title stays text", async () => {
    const hostile = structuredClone(deck);
    hostile.slides[1]!.title = `<script>alert("x")</script> & <!-- c -->`;
    const { html } = await page(hostile);
    const document = parseHtml(html);
    expect(elements(document, "script")).toHaveLength(0);
    expect(comments(document)).toEqual([]);
    expect(textOf(heading(sections(document)[1]!)!)).toBe(`<script>alert("x")</script> & <!-- c -->`);
  });

  it("has the deck's language, title and metadata in its head", async () => {
    const { html } = await page(deck);
    const document = parseHtml(html);
    expect(attr(elements(document, "html")[0]!, "lang")).toBe("en");
    expect(textOf(elements(document, "title")[0]!)).toBe(deck.meta.title);
    const description = elements(document, "meta", (meta) => attr(meta, "name") === "description")[0];
    expect(attr(description!, "content")).toBe(deck.meta.subject);
  });
});

describe("a customer HTML deck", () => {
  const markers = internalMarkers();
  it.each(SAMPLE_FILES.flatMap((sample) => KINDS.map((kind) => [sample, kind] as const)))(
    "%s %s holds no finding, signal, rule name or internal note, in text, attributes or head",
    async (sample, kind) => {
      const { html } = await page(sampleDeck(sample, "customer", kind));
      const readable = withoutData(html);
      expect(markers.filter((marker) => readable.includes(marker))).toEqual([]);
    },
  );

  it("while its internal twin does hold them (the check can fail)", async () => {
    const { html } = await page(sampleDeck("northwind-logistics.yaml", "internal", "qbr"));
    expect(markers.filter((marker) => withoutData(html).includes(marker)).length).toBeGreaterThan(0);
  });
});
