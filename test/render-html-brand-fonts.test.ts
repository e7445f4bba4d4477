/// <reference lib="dom" />
// page.evaluate() callbacks run in the browser: their DOM types come from lib.dom.
import { execFileSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import * as fontkit from "fontkit";
import { parse, type DefaultTreeAdapterMap } from "parse5";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Deck, DeckKind } from "../src/deck/deck-model.js";
import { readBrandFont, type BrandFont, type BrandFonts } from "../src/render/brand-fonts.js";
import { renderHtml } from "../src/render/html/render-html.js";
import type { RenderOptions } from "../src/render/renderer.js";
import { buildPreview } from "../src/preview/build.js";
import { ROOT, SAMPLES_DIR } from "./helpers/accounts.js";
import { qbr } from "./helpers/cli.js";
import { SAMPLE_FILES } from "./helpers/batch.js";
import { sampleDeck } from "./helpers/decks.js";
import { missingTools, skipReason } from "./helpers/tools.js";

/**
 * A theme's brand fonts in the HTML deck (issue 15): the page embeds the brand faces as the
 * "QBR Brand" family (body face regular, heading face bold) in front of DejaVu Sans, whose subset
 * then holds only the characters the brand faces lack; text is measured with the brand faces, so
 * nothing spills out of its box in a browser.
 */
const FONTS = path.join(ROOT, "test/fixtures/fonts");
/** CFF-flavoured OpenType from Debian's fonts-urw-base35, when installed (no fixture of our own). */
const OTF = "/usr/share/fonts/opentype/urw-base35/NimbusSans-Regular.otf";
const CHECK = "✓"; // Carlito has no glyph for it; DejaVu Sans has.

function brandFont(file: string): BrandFont {
  const checked = readBrandFont(new Uint8Array(readFileSync(file)));
  if ("problem" in checked) throw new Error(`${file}: ${checked.problem}`);
  return checked.font;
}

const CARLITO: BrandFonts = {
  heading: brandFont(path.join(FONTS, "Carlito-Bold.ttf")),
  body: brandFont(path.join(FONTS, "Carlito-Regular.ttf")),
};

/** Northwind's QBR with a check mark in a slide title (bold) and in a bullet (regular). */
function deckWithChecks(): Deck {
  const deck = sampleDeck("northwind-logistics.yaml", "customer", "qbr");
  let bulleted = false;
  const slides = deck.slides.map((slide, index) => ({
    ...slide,
    title: index === 1 ? `${slide.title} ${CHECK}` : slide.title,
    blocks: slide.blocks.map((block) => {
      if (block.kind !== "bullets" || bulleted) return block;
      bulleted = true;
      const [first, ...rest] = block.items;
      return { ...block, items: [{ ...first!, text: `${CHECK} ${first!.text}` }, ...rest] };
    }),
  }));
  expect(bulleted).toBe(true);
  return { ...deck, slides };
}

async function page(deck: Deck, brandFonts?: BrandFonts): Promise<string> {
  return new TextDecoder().decode((await renderHtml(deck, brandFonts ? { brandFonts } : {})).bytes);
}

interface FaceRule {
  family: string;
  weight: number;
  format: string;
  font: fontkit.Font;
}

/** The page's one <style> element, found with parse5. */
function styleSheet(html: string): string {
  const found: string[] = [];
  const visit = (node: DefaultTreeAdapterMap["parentNode"]) => {
    for (const child of node.childNodes) {
      if (child.nodeName === "style" && "childNodes" in child) {
        for (const text of child.childNodes) if ("value" in text) found.push(text.value);
      }
      if ("childNodes" in child) visit(child);
    }
  };
  visit(parse(html));
  expect(found).toHaveLength(1);
  return found[0]!;
}

/** The @font-face rules, each font decoded (fontkit reads WOFF and OTF). */
function faceRules(css: string): FaceRule[] {
  const pattern =
    /@font-face\{font-family:"([^"]+)";font-weight:(\d+);font-style:normal;src:url\(data:font\/(?:woff|otf);base64,([A-Za-z0-9+/=]+)\) format\("(\w+)"\)\}/g;
  return [...css.matchAll(pattern)].map(([, family, weight, data, format]) => ({
    family: family!,
    weight: Number(weight),
    format: format!,
    font: fontkit.create(Buffer.from(data!, "base64")),
  }));
}

describe("brand fonts in the HTML page", () => {
  it("embeds the brand faces as one family in front of DejaVu, which keeps only what they lack", async () => {
    const html = await page(deckWithChecks(), CARLITO);
    const css = styleSheet(html);
    const rules = faceRules(css);
    expect(rules.map((rule) => `${rule.family} ${rule.weight} ${rule.format}`)).toEqual([
      "QBR Brand 400 woff",
      "QBR Brand 700 woff",
      "QBR DejaVu Sans 400 woff",
      "QBR DejaVu Sans 700 woff",
    ]);
    const [body, heading, dejavuRegular, dejavuBold] = rules;
    // Headings and every bold text are drawn in the heading face, the rest in the body face.
    expect([heading!.font.familyName, heading!.font.subfamilyName]).toEqual(["Carlito", "Bold"]);
    expect([body!.font.familyName, body!.font.subfamilyName]).toEqual(["Carlito", "Regular"]);
    for (const brand of [body!, heading!]) {
      expect(brand.font.hasGlyphForCodePoint(0x41)).toBe(true);
      expect(brand.font.hasGlyphForCodePoint(CHECK.codePointAt(0)!)).toBe(false);
    }
    for (const dejavu of [dejavuRegular!, dejavuBold!]) {
      expect(dejavu.font.familyName).toBe("DejaVu Sans");
      expect(dejavu.font.hasGlyphForCodePoint(CHECK.codePointAt(0)!)).toBe(true);
      // Only what Carlito lacks: not the Latin letters.
      expect(dejavu.font.hasGlyphForCodePoint(0x41)).toBe(false);
    }
    const stack = `font-family:"QBR Brand","QBR DejaVu Sans",sans-serif`;
    expect(css).toContain(`html{background`);
    expect(css.match(/html\{[^}]*\}/)![0]).toContain(stack);
    expect(css.match(/figure\.chart svg\{[^}]*\}/)![0]).toContain(stack);
    expect(css).toMatch(/\.title\{[^}]*font-weight:700/);
    expect(css).toMatch(/\.heading\{[^}]*font-weight:700/);
    expect(html).toMatch(/<h2 id="s2-title" class="[^"]*title[^"]*"[^>]*>[^<]*✓<\/h2>/);
  });

  it("gives the same bytes twice, and measures with the brand faces", async () => {
    const deck = deckWithChecks();
    const first = await page(deck, CARLITO);
    expect(await page(deck, CARLITO)).toBe(first);
    // Carlito is narrower than DejaVu: some text fits at a larger size than with DejaVu.
    const sizes = (html: string) =>
      [...html.matchAll(/font-size:calc\(var\(--pt\)\*([\d.]+)\)/g)].map((m) => m[1]);
    expect(sizes(first)).not.toEqual(sizes(await page(deck)));
  });

  it("with only a heading font, the regular weight stays DejaVu and DejaVu's bold keeps only what it lacks", async () => {
    const rules = faceRules(styleSheet(await page(deckWithChecks(), { heading: CARLITO.heading })));
    expect(rules.map((rule) => `${rule.family} ${rule.weight} ${rule.font.familyName}`)).toEqual([
      "QBR Brand 400 DejaVu Sans",
      "QBR Brand 700 Carlito",
      "QBR DejaVu Sans 700 DejaVu Sans",
    ]);
  });

  it.skipIf(!existsSync(OTF))('embeds a CFF OpenType font whole, as format("opentype")', async () => {
    const otf = brandFont(OTF);
    const rules = faceRules(styleSheet(await page(deckWithChecks(), { body: otf })));
    const body = rules.find((rule) => rule.family === "QBR Brand" && rule.weight === 400)!;
    expect(body.format).toBe("opentype");
    expect(body.font.familyName).toBe("Nimbus Sans");
    expect(body.font.numGlyphs).toBe(fontkit.create(Buffer.from(otf.bytes)).numGlyphs);
  });
});

describe("the brand fonts reach the HTML from a theme file", () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), "qbr-html-brand-theme-"));
  const theme = path.join(folder, "theme.yaml");
  beforeAll(() => {
    mkdirSync(path.join(folder, "fonts"));
    for (const name of ["Carlito-Bold.ttf", "Carlito-Regular.ttf"]) {
      copyFileSync(path.join(FONTS, name), path.join(folder, "fonts", name));
    }
    writeFileSync(
      theme,
      "fonts:\n  heading: ./fonts/Carlito-Bold.ttf\n  body: ./fonts/Carlito-Regular.ttf\n",
    );
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it("qbr preview --theme: the page embeds them, and the font files are among the watched inputs", async () => {
    const given: RenderOptions[] = [];
    const build = await buildPreview(
      {
        source: path.join(SAMPLES_DIR, "northwind-logistics.yaml"),
        audience: "customer",
        kind: "qbr",
        themeFile: theme,
      },
      async (deck, options) => {
        given.push(options);
        return renderHtml(deck, options);
      },
    );
    expect(build.ok).toBe(true);
    expect(
      given.map((options) => [options.brandFonts?.heading?.family, options.brandFonts?.body?.family]),
    ).toEqual([["Carlito", "Carlito"]]);
    if (!build.ok) return;
    expect(new TextDecoder().decode(build.html)).toContain(
      `@font-face{font-family:"QBR Brand";font-weight:700`,
    );
    expect(build.inputs.map((file) => path.resolve(file))).toEqual(
      expect.arrayContaining([
        path.join(folder, "fonts/Carlito-Bold.ttf"),
        path.join(folder, "fonts/Carlito-Regular.ttf"),
      ]),
    );
  });

  it("qbr generate -f html --theme (the built CLI): the page embeds them", () => {
    const out = path.join(folder, "out");
    const run = qbr([
      "generate",
      path.join(SAMPLES_DIR, "maple-and-finch.yaml"),
      "-f",
      "html",
      "--kind",
      "onepager",
      "--theme",
      theme,
      "-o",
      out,
    ]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const [file] = readdirSync(out).filter((name) => name.endsWith(".html"));
    const rules = faceRules(styleSheet(readFileSync(path.join(out, file!), "utf8")));
    expect(rules.map((rule) => `${rule.family} ${rule.weight} ${rule.font.familyName}`)).toEqual([
      "QBR Brand 400 Carlito",
      "QBR Brand 700 Carlito",
    ]);
  });
});

const CHROMIUM = process.env.QBR_CHROMIUM ?? "chromium";
const missing = missingTools(CHROMIUM);

describe.skipIf(missing.length > 0)(`brand fonts in Chromium${skipReason(missing)}`, () => {
  const work = mkdtempSync(path.join(os.tmpdir(), "qbr-html-brand-"));
  const shots = process.env.QBR_HTML_SCREENSHOTS ?? path.join(work, "screenshots");
  let browser: Browser;
  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    console.log(`HTML brand-font screenshots: ${shots}`);
    browser = await chromium.launch({
      executablePath: execFileSync("which", [CHROMIUM], { encoding: "utf8" }).trim(),
      args: ["--no-sandbox"],
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  /** Opens a deck's page with `fonts`; the problems list fills with console errors and requests. */
  async function open(deck: Deck, fonts: BrandFonts, name: string) {
    const file = path.join(work, `${name}.html`);
    writeFileSync(file, await page(deck, fonts));
    const url = pathToFileURL(file).href;
    const tab = await browser.newPage({ viewport: { width: 1328, height: 800 } });
    const problems: string[] = [];
    tab.on("console", (message) => {
      if (message.type() === "error" || message.type() === "warning") problems.push(message.text());
    });
    tab.on("pageerror", (error) => problems.push(error.message));
    tab.on("request", (request) => {
      if (request.url() !== url && !request.url().startsWith("data:"))
        problems.push(`request: ${request.url()}`);
    });
    await tab.goto(url, { waitUntil: "load" });
    await tab.evaluate(() => document.fonts.ready);
    return { tab, problems };
  }

  /** Blocks whose content is larger than their box (as render-html-browser.test.ts checks). */
  async function spills(tab: Page): Promise<string[]> {
    return tab.evaluate(() => {
      const found: string[] = [];
      document.querySelectorAll<HTMLElement>("section.slide").forEach((slide, index) => {
        for (const element of Array.from(slide.children) as HTMLElement[]) {
          const what = `${index + 1}: ${(element.textContent ?? "").trim().slice(0, 40)}`;
          if (element.style.height && element.scrollHeight > element.clientHeight + 1)
            found.push(`${what} down`);
          if (element.scrollWidth > element.clientWidth + 1) found.push(`${what} across`);
        }
      });
      return found;
    });
  }

  const cases: [string, () => BrandFonts][] = [
    ["carlito", () => CARLITO],
    ...(existsSync(OTF)
      ? [["otf", () => ({ heading: CARLITO.heading, body: brandFont(OTF) })] as [string, () => BrandFonts]]
      : []),
  ];
  it.each(cases)(
    "%s: the brand faces load, ✓ falls back to DejaVu, nothing spills, no console error",
    async (name, fonts) => {
      const { tab, problems } = await open(deckWithChecks(), fonts(), `checks-${name}`);
      const loaded = await tab.evaluate(() => {
        const list: string[] = [];
        document.fonts.forEach((font) => list.push(`${font.family} ${font.weight} ${font.status}`));
        return list;
      });
      expect(loaded).toEqual(expect.arrayContaining(["QBR Brand 400 loaded", "QBR Brand 700 loaded"]));
      // The check mark in the (bold) title was drawn by DejaVu's bold subset.
      expect(loaded).toContain("QBR DejaVu Sans 700 loaded");
      const cdp = await tab.context().newCDPSession(tab);
      await cdp.send("DOM.enable");
      await cdp.send("CSS.enable");
      const { root } = await cdp.send("DOM.getDocument");
      const { nodeId } = await cdp.send("DOM.querySelector", { nodeId: root.nodeId, selector: "#s2-title" });
      const { fonts: used } = await cdp.send("CSS.getPlatformFontsForNode", { nodeId });
      const families = used.map((font) => font.familyName);
      expect(families).toEqual(expect.arrayContaining([fonts().heading!.family, "DejaVu Sans"]));
      expect(used.find((font) => font.familyName === "DejaVu Sans")!.glyphCount).toBe(1);
      expect(await spills(tab)).toEqual([]);
      const slides = tab.locator("section.slide");
      for (const index of [0, 1]) {
        await slides.nth(index).screenshot({ path: path.join(shots, `brand-${name}-${index + 1}.png`) });
      }
      expect(problems).toEqual([]);
      await tab.close();
    },
    120_000,
  );

  const KINDS: DeckKind[] = ["qbr", "renewal", "kickoff", "onepager"];
  it.each(SAMPLE_FILES.flatMap((sample) => KINDS.map((kind) => [sample, kind] as const)))(
    "%s %s with Carlito: measured with the brand faces, nothing spills out of its box",
    async (sample, kind) => {
      const name = `${path.basename(sample, ".yaml")}-${kind}`;
      const deck = sampleDeck(sample, "internal", kind);
      const { tab, problems } = await open(deck, CARLITO, name);
      expect(await spills(tab)).toEqual([]);
      if (sample === "northwind-logistics.yaml" && kind === "qbr") {
        const slides = tab.locator("section.slide");
        for (let index = 0; index < deck.slides.length; index++) {
          await slides.nth(index).screenshot({ path: path.join(shots, `brand-${name}-${index + 1}.png`) });
        }
      }
      expect(problems).toEqual([]);
      await tab.close();
    },
    120_000,
  );
});
