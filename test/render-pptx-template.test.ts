import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Deck } from "../src/deck/deck-model.js";
import { InvalidInputError } from "../src/errors.js";
import { pptxRenderer } from "../src/render/pptx/render-pptx.js";
import { MAX_TEMPLATE_BYTES, readTemplate } from "../src/render/pptx/template/read-template.js";
import { chooseLayouts } from "../src/render/pptx/template/template-layouts.js";
import type { AppliedTemplate } from "../src/render/pptx/template/template-model.js";
import { templateTheme } from "../src/render/pptx/template/template-theme.js";
import { BRAND, buildBrandTemplate } from "./fixtures/brand-template.js";
import { buildFixtureDeck } from "./fixtures/pptx-deck.js";
import { ROOT } from "./helpers/accounts.js";
import { qbr } from "./helpers/cli.js";
import { validateOoxml } from "./helpers/ooxml.js";
import { missingTools, skipReason } from "./helpers/tools.js";

/**
 * Decks built on a company template (issue 15): the template's theme, master and layouts replace
 * ours, every slide's title is the layout's title placeholder, the template's sample slides never
 * leak, and the package stays schema-valid and opens in LibreOffice with the brand's look.
 */

type Parts = Record<string, Uint8Array>;
const text = (parts: Parts, name: string) => strFromU8(parts[name] ?? new Uint8Array());

function applied(look: "light" | "dark", layouts = {}): AppliedTemplate {
  return chooseLayouts(readTemplate(`brand-${look}.potx`, buildBrandTemplate({ look })), layouts);
}

function slideNames(parts: Parts): string[] {
  return Object.keys(parts)
    .filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name))
    .sort((a, b) => Number(/\d+/.exec(a)) - Number(/\d+/.exec(b)));
}

function problem(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    if (error instanceof InvalidInputError) return error.message;
    throw error;
  }
  throw new Error("expected an InvalidInputError");
}

describe("a deck on a company template", () => {
  let deck: Deck;
  let light: Uint8Array;
  let parts: Parts;

  beforeAll(async () => {
    deck = buildFixtureDeck();
    light = (await pptxRenderer.render(deck, { pptxTemplate: applied("light") })).bytes;
    parts = unzipSync(light);
  });

  it("reads the template's colour and font schemes, layouts and content areas", () => {
    const { template, cover, content } = applied("light");
    expect(template.colors).toEqual(BRAND.light.colors);
    expect(template.fonts).toEqual(BRAND.light.fonts);
    expect(template.layouts.map((layout) => [layout.name, layout.type])).toEqual([
      ["Brand Title Slide", "title"],
      ["Brand Title Only", "titleOnly"],
      ["Brand Title and Content", "obj"],
      ["Brand Blank", "blank"],
    ]);
    expect(cover.name).toBe("Brand Title Slide");
    expect(content.name).toBe("Brand Title Only");
    // Title Only has no body placeholder: the master's body is the content area.
    expect(content.content).toEqual({ x: 0.6, y: 1.5, w: 12.1, h: 5.2 });
    expect(applied("light", { content: "Brand Title and Content" }).content.name).toBe(
      "Brand Title and Content",
    );
  });

  it("gives the deck theme the template's colours (through its colour map) and fonts", () => {
    const dark = templateTheme(applied("dark").template);
    expect(dark.colors.text).toBe(BRAND.dark.colors.lt1);
    expect(dark.colors.background).toBe(BRAND.dark.colors.dk1);
    expect(dark.fonts).toEqual({ heading: "DejaVu Serif", body: "DejaVu Sans" });
  });

  it("carries the template's theme, master (with its logo) and layouts, and nothing of ours", () => {
    const theme = text(parts, "ppt/theme/theme1.xml");
    expect(theme).toContain('name="Brandco Light"');
    for (const [name, value] of Object.entries(BRAND.light.colors)) {
      expect(theme).toContain(`<a:${name}><a:srgbClr val="${value}"/>`);
    }
    expect(theme).toContain('<a:latin typeface="Liberation Serif"/>');
    const master = text(parts, "ppt/slideMasters/slideMaster1.xml");
    expect(master).toContain('name="Brand logo"');
    expect(text(parts, "ppt/slideMasters/_rels/slideMaster1.xml.rels")).toContain(
      'Target="../media/template-brand-logo.png"',
    );
    expect(parts["ppt/media/template-brand-logo.png"]).toBeDefined();
    const layouts = Object.keys(parts).filter((name) =>
      /^ppt\/slideLayouts\/slideLayout\d+\.xml$/.test(name),
    );
    expect(layouts).toHaveLength(4);
    const all = Object.values(parts)
      .map((content) => strFromU8(content, true))
      .join("\n");
    expect(all).not.toContain("QBR_CONTENT");
    expect(all).not.toContain("SAMPLE SLIDE");
    expect(slideNames(parts)).toHaveLength(deck.slides.length);
  });

  it("puts each slide on its layout, its title in the layout's title placeholder, without our chrome", () => {
    slideNames(parts).forEach((name, index) => {
      const slide = text(parts, name);
      const source = deck.slides[index]!;
      const rels = text(parts, name.replace("slides/", "slides/_rels/") + ".rels");
      const cover = source.layout === "title";
      expect(rels).toContain(`Target="../slideLayouts/slideLayout${cover ? 1 : 2}.xml"`);
      const title = /<p:sp><p:nvSpPr><p:cNvPr id="\d+" name="Title"[\s\S]*?<\/p:sp>/.exec(slide)?.[0] ?? "";
      expect(title).toContain(cover ? '<p:ph type="ctrTitle"/>' : '<p:ph type="title"/>');
      // Inherited from the layout: no position, no colour, no font of ours.
      expect(title).toContain("<p:spPr/>");
      expect(title).not.toContain("<a:solidFill>");
      const shown = [...title.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map(([, run]) => run).join(" ");
      expect(shown.replace(/&amp;/g, "&").replace(/…$/, "")).toBe(
        source.title.slice(0, shown.replace(/…$/, "").length),
      );
      expect(slide).not.toContain("<p:bg>");
      // The page number where the layout has one: Title Only does, the title slide does not.
      expect(slide.includes('type="sldNum"')).toBe(!cover);
    });
    const cover = text(parts, "ppt/slides/slide1.xml");
    expect(cover).toContain('<p:ph type="subTitle" idx="1"/>');
  });

  it("lays our blocks inside the layout's content area", () => {
    const content = applied("light").content.content;
    const emu = 914400;
    for (const name of slideNames(parts).slice(1)) {
      const blocks = text(parts, name).replace(
        /<p:sp>(?:(?!<\/p:sp>)[\s\S])*type="sldNum"[\s\S]*?<\/p:sp>/,
        "",
      );
      for (const [, x, y, cx, cy] of blocks.matchAll(
        /<a:off x="(\d+)" y="(\d+)"\/><a:ext cx="(\d+)" cy="(\d+)"\/>/g,
      )) {
        if (Number(cx) === 0 && Number(cy) === 0) continue; // the shape tree's own group transform
        expect(Number(x) / emu).toBeGreaterThanOrEqual(content.x - 0.01);
        expect(Number(y) / emu).toBeGreaterThanOrEqual(content.y - 0.01);
        expect((Number(x) + Number(cx)) / emu).toBeLessThanOrEqual(content.x + content.w + 0.01);
        expect((Number(y) + Number(cy)) / emu).toBeLessThanOrEqual(content.y + content.h + 0.01);
      }
    }
  });

  it("gives the same bytes for the same deck and template", async () => {
    const again = await pptxRenderer.render(deck, { pptxTemplate: applied("light") });
    expect(Buffer.from(again.bytes).equals(Buffer.from(light))).toBe(true);
  });

  it("validates against the Office Open XML schemas, with both templates", async () => {
    const dark = await pptxRenderer.render(deck, { pptxTemplate: applied("dark") });
    const report = validateOoxml([
      { name: "light.pptx", bytes: light },
      { name: "dark.pptx", bytes: dark.bytes },
    ]);
    expect(report.errors).toEqual([]);
  });
});

const tools = missingTools("soffice", "pdftotext", "pdftoppm");

describe.skipIf(tools.length > 0)(`a templated deck in LibreOffice${skipReason(tools)}`, () => {
  const directory = mkdtempSync(path.join(tmpdir(), "qbr-template-"));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it("converts, shows every slide title, and paints the template's background and band", async () => {
    const deck = buildFixtureDeck();
    const input = path.join(directory, "light.pptx");
    writeFileSync(input, (await pptxRenderer.render(deck, { pptxTemplate: applied("light") })).bytes);
    const profile = pathToFileURL(path.join(directory, "profile")).href;
    execFileSync(
      "soffice",
      [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", "pdf", "--outdir", directory, input],
      { stdio: "ignore", timeout: 120_000 },
    );
    const pdf = path.join(directory, "light.pdf");
    const words = execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
    for (const slide of deck.slides) {
      expect(words).toContain(slide.title.split(" ").slice(0, 3).join(" "));
    }
    expect(words).not.toContain("SAMPLE");
    // Page 2 at 10 dpi as a PPM: the master's background (lt2) at the top, its band (accent1) at the bottom.
    execFileSync("pdftoppm", ["-r", "10", "-f", "2", "-l", "2", pdf, path.join(directory, "page")]);
    const page = readdirSync(directory).find((name) => name.startsWith("page") && name.endsWith(".ppm"));
    const ppm = readFileSync(path.join(directory, page ?? "page.ppm"));
    const pixel = readPpmPixel(ppm);
    expect(pixel(2, 2)).toBe(BRAND.light.background);
    expect(pixel(30, 72)).toBe(BRAND.light.colors.accent1);
  }, 150_000);
});

/** A P6 PPM's pixel as hex "RRGGBB". */
function readPpmPixel(ppm: Buffer): (x: number, y: number) => string {
  const header = ppm.toString("latin1", 0, 40).split(/\s+/);
  const width = Number(header[1]);
  const offset = ppm.indexOf("\n255\n", 0, "latin1") + 5;
  return (x, y) => {
    const at = offset + (y * width + x) * 3;
    return [ppm[at]!, ppm[at + 1]!, ppm[at + 2]!]
      .map((v) => v.toString(16).padStart(2, "0"))
      .join("")
      .toUpperCase();
  };
}

describe("bad templates are refused with the file and what is wrong", () => {
  const light = () => buildBrandTemplate({ look: "light" });

  it("refuses a file that is not a zip", () => {
    expect(problem(() => readTemplate("brand.potx", strToU8("not a zip at all, just text")))).toBe(
      "brand.potx — file is not a PowerPoint template (not a zip archive); expected .potx or .pptx",
    );
  });

  it("refuses macro-enabled templates, by extension and by content", () => {
    expect(problem(() => readTemplate("brand.potm", light()))).toBe(
      "brand.potm — macro-enabled templates (.potm) are not accepted; save it as .potx",
    );
    const withMacros = { ...unzipSync(light()), "ppt/vbaProject.bin": strToU8("macros") };
    expect(problem(() => readTemplate("brand.pptx", zipSync(withMacros)))).toBe(
      "brand.pptx — the template contains macros (VBA); save it as a macro-free .potx",
    );
  });

  it("refuses a template without a slide master", () => {
    const bytes = buildBrandTemplate({ look: "light", withoutMaster: true });
    expect(problem(() => readTemplate("brand.potx", bytes))).toBe(
      "brand.potx — the template has no slide master",
    );
  });

  it("refuses a template without a layout that has a title", () => {
    const bytes = buildBrandTemplate({ look: "light", onlyBlankLayout: true });
    expect(problem(() => readTemplate("brand.potx", bytes))).toBe(
      'brand.potx — no usable layout: none of the master\'s 1 layouts has a title placeholder (expected a "Title Only" or "Title and Content" layout)',
    );
  });

  it("refuses a layout name the template does not have, listing the names it has", () => {
    expect(problem(() => applied("light", { content: "Two Content" }))).toContain(
      'the theme file names the content layout "Two Content", which the template does not have (it has "Brand Title Slide", "Brand Title Only"',
    );
  });

  it("refuses a template larger than the limit, and a zip bomb", () => {
    expect(problem(() => readTemplate("huge.potx", new Uint8Array(MAX_TEMPLATE_BYTES + 1)))).toBe(
      "huge.potx — the template is 50 MB; expected at most 50 MB",
    );
    const bomb = zipSync({ ...unzipSync(light()), "ppt/media/zeros.bin": new Uint8Array(8 * 1024 * 1024) });
    expect(problem(() => readTemplate("bomb.potx", bomb))).toMatch(
      /^bomb\.potx — part ppt\/media\/zeros\.bin expands \d+-fold; expected at most 200-fold \(a zip bomb\?\)$/,
    );
  });
});

describe("without a template", () => {
  let parts: Parts;
  let deck: Deck;

  beforeAll(async () => {
    deck = buildFixtureDeck();
    parts = unzipSync((await pptxRenderer.render(deck, {})).bytes);
  });

  it("makes every slide's title a title placeholder that keeps our position and style", () => {
    slideNames(parts).forEach((name, index) => {
      const slide = text(parts, name);
      const title = /<p:sp><p:nvSpPr><p:cNvPr id="\d+" name="Title"[\s\S]*?<\/p:sp>/.exec(slide)?.[0] ?? "";
      expect(title).toContain(
        '<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="title"/></p:nvPr>',
      );
      expect(title).toContain("<a:xfrm>");
      expect(title).toContain(`<a:srgbClr val="${deck.theme.colors.primary}"/>`);
      expect(slide.match(/<p:ph type="title"\/>/g)).toHaveLength(1);
      expect(deck.slides[index]!.title.startsWith(/<a:t>([^<…]*)/.exec(title)?.[1] ?? "?")).toBe(true);
    });
  });

  it("names every shape for the selection pane and screen readers", () => {
    const names = slideNames(parts).flatMap((name) =>
      [...text(parts, name).matchAll(/<p:cNvPr id="\d+" name="([^"]*)"/g)].map(([, shape]) => shape!),
    );
    expect(names.filter((name) => /^(Text|Shape|Image|Chart|Table) \d+$/.test(name))).toEqual([]);
    expect(names).toContain("Title");
    expect(names).toContain("Subtitle");
    expect(names.some((name) => name.startsWith("Chart: "))).toBe(true);
    expect(names.some((name) => name.startsWith("KPI: "))).toBe(true);
    expect(names.some((name) => name.startsWith("Table: "))).toBe(true);
    expect(names).toContain("Logo: account");
  });
});

describe("qbr generate with a template", () => {
  const directory = mkdtempSync(path.join(tmpdir(), "qbr-template-cli-"));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));
  const sample = path.join(ROOT, "samples/alpine-health-clinics.yaml");

  it("builds the PPTX on the template named in the theme file, by layout name", () => {
    writeFileSync(
      path.join(directory, "brand.pptx"),
      buildBrandTemplate({ look: "dark", extension: "pptx" }),
    );
    writeFileSync(
      path.join(directory, "theme.yaml"),
      "template:\n  file: brand.pptx\n  layouts:\n    content: Brand Title and Content\n",
    );
    const out = path.join(directory, "out");
    const run = qbr([
      "generate",
      sample,
      "--theme",
      path.join(directory, "theme.yaml"),
      "-o",
      out,
      "--format",
      "pptx",
    ]);
    // The narrow content area may cost a long list a few items: warned, not failed.
    expect(run.stderr.split("\n").filter((line) => line && !line.startsWith("warning: "))).toEqual([]);
    expect(run.code).toBe(0);
    const pptx = readdirSync(out).find((name) => name.endsWith(".pptx"))!;
    const parts = unzipSync(readFileSync(path.join(out, pptx)));
    expect(text(parts, "ppt/theme/theme1.xml")).toContain('name="Brandco Night"');
    expect(text(parts, "ppt/slides/_rels/slide2.xml.rels")).toContain("../slideLayouts/slideLayout3.xml");
  });

  it("refuses a bad --template with exit 2, the file and the reason, and writes no deck", () => {
    const bad = path.join(directory, "brand.potm");
    writeFileSync(bad, buildBrandTemplate({ look: "light" }));
    const out = path.join(directory, "refused");
    const run = qbr(["generate", sample, "--template", bad, "-o", out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `${bad} — macro-enabled templates (.potm) are not accepted; save it as .potx`,
    );
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(out).filter((name) => /\.(pptx|pdf)$/.test(name))).toEqual([]);
  });
});

describe("contrast of the theme's text colours (WCAG AA)", () => {
  it("warns about what a template changed, naming the element and the colours, not about the defaults", async () => {
    const { mergeThemes } = await import("../src/deck/theme.js");
    const { contrastWarnings, contrastRatio } = await import("../src/deck/contrast.js");
    expect(contrastRatio("000000", "FFFFFF")).toBeCloseTo(21, 5);
    const defaults = buildFixtureDeck().theme;
    expect(contrastWarnings(defaults, defaults)).toEqual([]);
    const dark = mergeThemes([defaults, templateTheme(applied("dark").template)]);
    expect(contrastWarnings(dark, defaults)).toContain(
      '"on track" status text (good 2E8540 on background 0D1B2A) has a contrast of 3.8:1; WCAG AA asks 4.5:1',
    );
    expect(contrastWarnings(dark, defaults).join("\n")).not.toContain("body text");
  });
});
