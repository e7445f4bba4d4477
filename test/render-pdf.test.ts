import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDocument, OPS, type PDFDocumentProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { Deck } from "../src/deck/deck-model.js";
import { CONTENT_BOX, FOOTER_BOX, SLIDE_WIDTH } from "../src/deck/geometry.js";
import { UsageError } from "../src/errors.js";
import type { RenderOptions, RenderResult } from "../src/render/renderer.js";
import { pdfRenderer } from "../src/render/pdf/render-pdf.js";
import { EXPECTED_TEXT, pdfFixtureDeck } from "./fixtures/pdf-deck.js";
import { makePng } from "./fixtures/png.js";
import { pdfStressDeck } from "./fixtures/pdf-stress-deck.js";

const pt = (inches: number) => inches * 72;

const PASSWORD = "s3cret-Ωμέγα";

function hasTool(tool: string): boolean {
  return spawnSync(tool, ["--version"], { stdio: "ignore" }).status === 0;
}
const QPDF = hasTool("qpdf");

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("latin1");
}

/**
 * pdfjs detaches the buffer it is given, so it always gets a copy. It compares AES-256 passwords
 * as UTF-8 bytes in a "binary" string, so a non-ASCII password is handed over in that form.
 */
async function openPdf(bytes: Uint8Array, password?: string): Promise<PDFDocumentProxy> {
  const binaryPassword =
    password === undefined ? undefined : Buffer.from(password, "utf8").toString("latin1");
  return getDocument({
    data: new Uint8Array(bytes),
    password: binaryPassword,
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
}

/** The Info dictionary and a reader of the XMP packet. */
async function readMetadata(bytes: Uint8Array): Promise<{ info: object; xmp: (name: string) => unknown }> {
  const { info, metadata } = await (await openPdf(bytes)).getMetadata();
  return { info, xmp: (name) => metadata?.get(name) as unknown };
}

interface PlacedText {
  str: string;
  /** Left, top and right edges and the baseline, in points from the page's top-left corner. */
  left: number;
  top: number;
  right: number;
  baseline: number;
}

/** Text items of one page with their positions, top-left origin like the deck model. */
async function placedTexts(pdf: PDFDocumentProxy, pageNumber: number): Promise<PlacedText[]> {
  const page = await pdf.getPage(pageNumber);
  const height = page.view[3] ?? 0;
  const content = await page.getTextContent();
  return content.items.flatMap((item) => {
    if (!("str" in item) || item.str.trim() === "") return [];
    const [, , , size = 0, x = 0, baseline = 0] = item.transform as number[];
    const fromTop = height - baseline;
    return [{ str: item.str, left: x, top: fromTop - size, right: x + item.width, baseline: fromTop }];
  });
}

async function pageTexts(pdf: PDFDocumentProxy): Promise<string[]> {
  const texts: string[] = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    const content = await (await pdf.getPage(number)).getTextContent();
    texts.push(content.items.map((item) => ("str" in item ? item.str : "")).join(" "));
  }
  return texts;
}

interface StructNode {
  role?: string;
  alt?: string;
  children?: StructNode[];
}

function roles(node: StructNode | null): string[] {
  if (!node) return [];
  return [node.role ?? "", ...(node.children ?? []).flatMap(roles)];
}

function findRole(node: StructNode | null, role: string): StructNode | undefined {
  if (!node) return undefined;
  if (node.role === role) return node;
  for (const child of node.children ?? []) {
    const found = findRole(child, role);
    if (found) return found;
  }
  return undefined;
}

let workDir = "";
const rendered = new Map<string, RenderResult>();

/** Renders the fixture once per option set and writes the file for the command-line tools. */
async function render(
  name: string,
  options: RenderOptions = {},
): Promise<{ result: RenderResult; file: string }> {
  let result = rendered.get(name);
  if (!result) {
    result = await pdfRenderer.render(pdfFixtureDeck(), options);
    rendered.set(name, result);
    writeFileSync(path.join(workDir, `${name}.pdf`), result.bytes);
  }
  return { result, file: path.join(workDir, `${name}.pdf`) };
}

beforeAll(() => {
  workDir = mkdtempSync(path.join(tmpdir(), "qbr-pdf-"));
});

afterAll(() => {
  rmSync(workDir, { recursive: true, force: true });
});

describe("PDF renderer: content", () => {
  it("draws one page per slide with titles, table cells, KPI values, Greek and Cyrillic text", async () => {
    const { result } = await render("plain");
    const pdf = await openPdf(result.bytes);
    expect(pdf.numPages).toBe(pdfFixtureDeck().slides.length);
    const all = (await pageTexts(pdf)).join("\n");
    for (const expected of [
      ...EXPECTED_TEXT.titles,
      ...EXPECTED_TEXT.tableCells,
      ...EXPECTED_TEXT.kpiValues,
      EXPECTED_TEXT.greek,
      EXPECTED_TEXT.cyrillic,
    ]) {
      expect(all).toContain(expected);
    }
  });

  it("puts chart labels, legend and footer on the right pages, and never prints speaker notes", async () => {
    const { result } = await render("plain");
    const pages = await pageTexts(await openPdf(result.bytes));
    const chartPage = pages[3] ?? "";
    for (const label of ["Plan", "Actual", "Forecast", "Target: 600", "Jan 2025", "1,200"]) {
      expect(chartPage).toContain(label);
    }
    expect(pages[4]).toContain("Self-service portal");
    expect(pages[4]).toContain("108%");
    expect(pages[1]).toContain("Confidential — prepared for Northwind Traders");
    expect(pages.join("\n")).not.toContain(EXPECTED_TEXT.notes);
  });

  it("numbers content pages in the footer's right corner", async () => {
    const { result } = await render("plain");
    const pdf = await openPdf(result.bytes);
    const footerTop = pt(FOOTER_BOX.y);
    for (const pageNumber of [2, 3, 6]) {
      const numbers = (await placedTexts(pdf, pageNumber)).filter((item) => item.top >= footerTop - 2);
      const rightmost = numbers.reduce((a, b) => (a.right > b.right ? a : b));
      expect(rightmost.str).toBe(String(pageNumber));
      expect(rightmost.right).toBeCloseTo(pt(FOOTER_BOX.x + FOOTER_BOX.w), 0);
    }
  });

  it("keeps every piece of text on the page and clear of the footer, even for overfull content", async () => {
    for (const deck of [pdfFixtureDeck(), pdfStressDeck()]) {
      const pdf = await openPdf((await pdfRenderer.render(deck, {})).bytes);
      const footerRule = pt(FOOTER_BOX.y - 0.06);
      const footerTexts = [deck.meta.footer, deck.meta.classification];
      for (let pageNumber = 1; pageNumber <= pdf.numPages; pageNumber++) {
        const items = await placedTexts(pdf, pageNumber);
        expect(items.length).toBeGreaterThan(0);
        for (const item of items) {
          const where = `page ${pageNumber}: "${item.str}"`;
          expect(item.left, where).toBeGreaterThanOrEqual(0);
          expect(item.right, where).toBeLessThanOrEqual(pt(SLIDE_WIDTH));
          expect(item.top, where).toBeGreaterThanOrEqual(0);
          const isFooter = footerTexts.includes(item.str) || item.str === String(pageNumber);
          if (!isFooter) expect(item.baseline, where).toBeLessThan(footerRule);
        }
      }
    }
  });

  it("leaves out an image it cannot decode, with a warning, and renders the rest", async () => {
    const deck = pdfFixtureDeck();
    deck.logo = {
      mime: "image/png",
      base64: Buffer.from("not a png").toString("base64"),
      widthPx: 10,
      heightPx: 10,
    };
    const result = await pdfRenderer.render(deck, {});
    expect(
      result.warnings.filter((warning) => warning.startsWith("The logo (image/png) could not be read")),
    ).toHaveLength(1);
    expect((await openPdf(result.bytes)).numPages).toBe(deck.slides.length);
  });

  it("leaves out a PNG whose pixel data is corrupt, instead of crashing while decoding it", async () => {
    const png = makePng(20, 20, () => [10, 20, 30, 128]);
    const data = png.indexOf("IDAT") + 4;
    png.fill(0xff, data, data + 2);
    const deck = pdfFixtureDeck();
    deck.logo = { mime: "image/png", base64: png.toString("base64"), widthPx: 20, heightPx: 20 };
    const result = await pdfRenderer.render(deck, {});
    expect(
      result.warnings.some((warning) => warning.startsWith("The logo (image/png) could not be read")),
    ).toBe(true);
    expect((await openPdf(result.bytes)).numPages).toBe(deck.slides.length);
  });

  it("warns once, naming the characters the font lacks, and leaves them out of the page", async () => {
    const { result } = await render("plain");
    const glyphWarnings = result.warnings.filter((warning) => warning.includes("glyphs"));
    expect(glyphWarnings).toEqual(['PDF font lacks glyphs for "東", "京", "日", "本" — they will not show']);
    const pages = await pageTexts(await openPdf(result.bytes));
    expect(pages[5]).toContain("Tokyo office");
    expect(pages[5]).not.toMatch(/[東京日本]/u);
  });

  it("has no warnings for a deck the font fully covers", async () => {
    const deck = pdfFixtureDeck();
    deck.slides = deck.slides.slice(0, 5);
    const result = await pdfRenderer.render(deck, {});
    expect(result.warnings).toEqual([]);
  });

  it("warns when table rows cannot fit their box even at the minimum font size", async () => {
    const deck = pdfFixtureDeck();
    const rows = Array.from({ length: 80 }, (_, index) => [
      { text: `Row ${index + 1}` },
      { text: `${index}` },
    ]);
    deck.slides = [
      {
        id: "long",
        layout: "content",
        title: "A very long table",
        notes: "",
        blocks: [
          {
            kind: "table",
            box: CONTENT_BOX,
            columns: [
              { header: "Name", align: "left", width: 3 },
              { header: "Value", align: "right", width: 1 },
            ],
            rows,
          },
        ],
      },
    ];
    const result = await pdfRenderer.render(deck, {});
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatch(
      /^pdf slide 1 \("long"\): table shows (\d+) of 80 rows; \d+ did not fit its box$/,
    );
    const shown = Number(/shows (\d+)/.exec(result.warnings[0] ?? "")?.[1]);
    const text = (await pageTexts(await openPdf(result.bytes))).join("\n");
    expect(text).toContain(`Row ${shown} `);
    expect(text).not.toContain(`Row ${shown + 1} `);
    expect(text).toContain(`+ ${80 - shown} more rows`);
  });
});

describe("PDF renderer: document properties", () => {
  it("takes metadata from deck.meta, dated at the as-of date", async () => {
    const { result } = await render("plain");
    const { info, xmp } = await readMetadata(result.bytes);
    const meta = pdfFixtureDeck().meta;
    expect(info).toMatchObject({
      Title: meta.title,
      Author: meta.author,
      Subject: meta.subject,
      Keywords: "QBR, Northwind Traders, Q2 2025",
      Creator: "qbr-deck",
      Producer: meta.company,
      CreationDate: "D:20250630000000Z",
      ModDate: "D:20250630000000Z",
      Language: "en-GB",
    });
    expect(xmp("dc:title")).toBe(meta.title);
    expect(xmp("xmp:modifydate")).toBe("2025-06-30T00:00:00Z");
  });

  it("escapes XML in the XMP packet", async () => {
    const deck = pdfFixtureDeck();
    deck.meta.title = "R&D <Q2> review";
    const result = await pdfRenderer.render(deck, {});
    const { xmp } = await readMetadata(result.bytes);
    expect(xmp("dc:title")).toBe("R&D <Q2> review");
    expect(latin1(result.bytes)).toContain("R&amp;D &lt;Q2&gt; review");
  });

  it("is tagged: a structure tree with H1 titles, lists, tables and figures with alt text, and /Lang", async () => {
    const { result } = await render("plain");
    const raw = latin1(result.bytes);
    expect(raw).toContain("/StructTreeRoot");
    expect(raw).toMatch(/\/MarkInfo \d+ 0 R/);
    expect(raw).toContain("/Lang (en-GB)");
    expect(raw).toContain("/DisplayDocTitle true");
    const pdf = await openPdf(result.bytes);
    const scorecard = (await (await pdf.getPage(3)).getStructTree()) as StructNode | null;
    expect(roles(scorecard)).toEqual(
      expect.arrayContaining(["Document", "Sect", "H1", "Table", "TR", "TH", "TD"]),
    );
    const goal = (await (await pdf.getPage(4)).getStructTree()) as StructNode | null;
    expect(roles(goal)).toEqual(expect.arrayContaining(["H1", "Figure", "L", "LI", "LBody"]));
    expect(findRole(goal, "Figure")?.alt).toMatch(/^Open tickets: plan falls/);
    const images = (await (await pdf.getPage(6)).getStructTree()) as StructNode | null;
    expect(findRole(images, "Figure")?.alt).toMatch(/^Portal usage heat map/);
  });

  it.skipIf(!QPDF)(
    "marks everything it draws: structure content or artifact, nothing in between (qpdf)",
    async () => {
      const { file } = await render("plain");
      const qdf = path.join(workDir, "plain-qdf.pdf");
      execFileSync("qpdf", ["--qdf", "--object-streams=disable", file, qdf]);
      const pages = latin1(readFileSync(qdf))
        .split(/%% Contents for page \d+/)
        .slice(1);
      expect(pages).toHaveLength(pdfFixtureDeck().slides.length);
      for (const page of pages) {
        const stream = /stream\n([\s\S]*?)\nendstream/.exec(page)?.[1] ?? "";
        let depth = 0;
        const unmarked: string[] = [];
        for (const line of stream.split("\n").map((text) => text.trim())) {
          if (/\b(BDC|BMC)$/.test(line)) depth++;
          else if (line === "EMC") depth--;
          else if (depth === 0 && /(^|\s)(BT|Do|f|S|B)$/.test(line)) unmarked.push(line);
        }
        expect(depth).toBe(0);
        expect(unmarked).toEqual([]);
      }
    },
  );

  it("gives byte-identical output for the same deck, and a different /ID for a different deck", async () => {
    const first = await pdfRenderer.render(pdfFixtureDeck(), {});
    const second = await pdfRenderer.render(pdfFixtureDeck(), {});
    expect(sha256(first.bytes)).toBe(sha256(second.bytes));
    const pdfa = [await pdfRenderer.render(pdfFixtureDeck(), { pdfStandard: "pdfa-2b" })];
    pdfa.push(await pdfRenderer.render(pdfFixtureDeck(), { pdfStandard: "pdfa-2b" }));
    expect(sha256(pdfa[0]?.bytes ?? new Uint8Array())).toBe(sha256(pdfa[1]?.bytes ?? new Uint8Array()));
    const other = pdfFixtureDeck();
    other.slides[1]!.title = "Executive summary, revised";
    const idOf = (bytes: Uint8Array) => /\/ID \[<([0-9a-f]+)>/.exec(latin1(bytes))?.[1];
    expect(idOf(first.bytes)).toMatch(/^[0-9a-f]{32}$/);
    expect(idOf((await pdfRenderer.render(other, {})).bytes)).not.toBe(idOf(first.bytes));
  });

  it("gives byte-identical output with several images that pdfkit decodes asynchronously", async () => {
    // Two large translucent PNGs on one page: pdfkit inflates each in the thread pool, and the
    // order they finish in used to decide the object order of the file.
    const noise = (seed: number) => {
      let state = seed;
      const png = makePng(400, 400, () => {
        state = (state * 1103515245 + 12345) & 0x7fffffff;
        return [state & 255, (state >> 8) & 255, (state >> 16) & 255, 200];
      });
      return { mime: "image/png" as const, base64: png.toString("base64"), widthPx: 400, heightPx: 400 };
    };
    const deck = pdfFixtureDeck();
    deck.logo = noise(1);
    deck.slides[0]?.blocks.push({
      kind: "image",
      box: { x: 9, y: 4.5, w: 3, h: 2 },
      image: noise(2),
      alt: "Noise",
    });
    const hashes = new Set<string>();
    for (let run = 0; run < 15; run++) hashes.add(sha256((await pdfRenderer.render(deck, {})).bytes));
    expect(hashes.size).toBe(1);
  });

  it("gives byte-identical output in a separate process", async () => {
    // A fresh Node process loading the TypeScript sources through Vite (as vitest does).
    const script = `
      import { createHash } from "node:crypto";
      import { createServer } from "vite";
      const server = await createServer({
        configFile: false, logLevel: "silent", appType: "custom",
        server: { middlewareMode: true, hmr: false, watch: null },
      });
      try {
        const { pdfRenderer } = await server.ssrLoadModule("/src/render/pdf/render-pdf.ts");
        const { pdfFixtureDeck } = await server.ssrLoadModule("/test/fixtures/pdf-deck.ts");
        const { bytes } = await pdfRenderer.render(pdfFixtureDeck(), {});
        console.log(createHash("sha256").update(bytes).digest("hex"));
      } finally {
        await server.close();
      }`;
    const output = execFileSync(process.execPath, ["--input-type=module", "-e", script], {
      cwd: path.resolve(import.meta.dirname, ".."),
      encoding: "utf8",
    });
    const { result } = await render("plain");
    expect(output.trim()).toBe(sha256(result.bytes));
  });
});

describe("PDF renderer: PDF/A-2b", () => {
  it("declares PDF/A-2b in XMP, embeds its fonts and carries an sRGB output intent", async () => {
    const { result } = await render("pdfa", { pdfStandard: "pdfa-2b" });
    const raw = latin1(result.bytes);
    expect(raw).toContain("<pdfaid:part>2</pdfaid:part>");
    expect(raw).toContain("<pdfaid:conformance>B</pdfaid:conformance>");
    expect(raw).toContain("/OutputIntents");
    expect(raw).toContain("/FontFile2");
    expect(raw).not.toContain("/Encrypt");
    expect(raw).not.toMatch(/\/BaseFont \/Helvetica/);
  });

  it("refuses to combine PDF/A with encryption, with a message naming both", async () => {
    const both = pdfRenderer.render(pdfFixtureDeck(), { pdfStandard: "pdfa-2b", pdfUserPassword: "x" });
    await expect(both).rejects.toThrow(/PDF\/A-2b forbids encryption/);
    await expect(both).rejects.toBeInstanceOf(UsageError);
  });

  it("refuses an owner password without a user password", async () => {
    await expect(pdfRenderer.render(pdfFixtureDeck(), { pdfOwnerPassword: "owner" })).rejects.toThrow(
      /owner password needs a user password/,
    );
  });
});

describe("PDF renderer: encryption", () => {
  it("needs the password to open, and then shows the content", async () => {
    const { result } = await render("encrypted", { pdfUserPassword: PASSWORD });
    await expect(openPdf(result.bytes)).rejects.toMatchObject({ name: "PasswordException" });
    const pdf = await openPdf(result.bytes, PASSWORD);
    expect(pdf.numPages).toBe(pdfFixtureDeck().slides.length);
    expect((await pageTexts(pdf)).join("\n")).toContain(EXPECTED_TEXT.greek);
  });

  it.skipIf(!QPDF)("uses AES-256 and allows printing and copying but not modifying (qpdf)", async () => {
    const { file } = await render("encrypted", { pdfUserPassword: PASSWORD });
    const report = execFileSync("qpdf", ["--show-encryption", `--password=${PASSWORD}`, file], {
      encoding: "utf8",
    });
    expect(report).toMatch(/R = 6|R = 5/);
    expect(report).toMatch(/stream encryption method: AESv3/);
    expect(report).toMatch(/extract for any purpose: allowed/);
    expect(report).toMatch(/print high resolution: allowed/);
    expect(report).toMatch(/modify other: not allowed/);
    expect(report).toMatch(/modify annotations: not allowed/);
  });

  it.skipIf(!QPDF)("uses a given owner password", async () => {
    const { file } = await render("owner", { pdfUserPassword: PASSWORD, pdfOwnerPassword: "owner-pass" });
    const report = execFileSync("qpdf", ["--show-encryption", "--password=owner-pass", file], {
      encoding: "utf8",
    });
    expect(report).toMatch(/Supplied password is owner password/);
  });
});

describe.skipIf(!QPDF)("PDF renderer: qpdf --check", () => {
  for (const [name, options] of [
    ["plain", {}],
    ["pdfa", { pdfStandard: "pdfa-2b" }],
    ["encrypted", { pdfUserPassword: PASSWORD }],
  ] as [string, RenderOptions][]) {
    it(`finds no errors in the ${name} output`, async () => {
      const { file } = await render(name, options);
      const args = [
        "--check",
        ...(options.pdfUserPassword ? [`--password=${options.pdfUserPassword}`] : []),
        file,
      ];
      const check = spawnSync("qpdf", args, { encoding: "utf8" });
      expect(check.stderr).toBe("");
      expect(check.stdout).toContain("No syntax or stream encoding errors found");
      expect(check.status).toBe(0);
    });
  }
});

describe("PDF renderer: logo placement", () => {
  /** Images painted on each page, from pdfjs's operator list. */
  async function imagesPerPage(deck: Deck): Promise<number[]> {
    const pdf = await openPdf((await pdfRenderer.render(deck, {})).bytes);
    const counts: number[] = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      const { fnArray } = await (await pdf.getPage(number)).getOperatorList();
      counts.push(fnArray.filter((fn) => fn === OPS.paintImageXObject).length);
    }
    return counts;
  }

  it("draws the logo on every page, on the cover only, or not at all, as the theme says", async () => {
    const base = pdfFixtureDeck();
    const withPlacement = (placement: Deck["theme"]["logo"]["placement"]): Deck => ({
      ...base,
      theme: { ...base.theme, logo: { placement } },
    });
    // Page 6 also holds the image block.
    expect(await imagesPerPage(withPlacement("every-slide"))).toEqual([1, 1, 1, 1, 1, 2]);
    expect(await imagesPerPage(withPlacement("title"))).toEqual([1, 0, 0, 0, 0, 1]);
    expect(await imagesPerPage(withPlacement("none"))).toEqual([0, 0, 0, 0, 0, 1]);
    expect(await imagesPerPage({ ...base, logo: null })).toEqual([0, 0, 0, 0, 0, 1]);
  });

  it("embeds the logo once however many pages show it", async () => {
    const imagesIn = (bytes: Uint8Array) => latin1(bytes).match(/\/Subtype \/Image/g)?.length ?? 0;
    const everySlide = (await render("plain")).result.bytes;
    const noLogo = (await pdfRenderer.render({ ...pdfFixtureDeck(), logo: null }, {})).bytes;
    // One image and its alpha mask.
    expect(imagesIn(everySlide) - imagesIn(noLogo)).toBe(2);
  });
});
