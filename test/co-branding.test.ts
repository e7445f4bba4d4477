import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import type { Box, Deck, ImageData } from "../src/deck/deck-model.js";
import { COVER, SLIDE_HEIGHT, SLIDE_WIDTH } from "../src/deck/geometry.js";
import { pdfRenderer } from "../src/render/pdf/render-pdf.js";
import { pptxRenderer } from "../src/render/pptx/render-pptx.js";
import { makePng } from "./fixtures/png.js";
import { buildFixtureDeck, fixtureLogo } from "./fixtures/pptx-deck.js";
import { missingTools, skipReason } from "./helpers/tools.js";

/**
 * Co-branding (issue 15): the vendor's logo (theme `logo.file`) and the customer's
 * (`account.logo`) on the cover — either alone, both, or none — without overlapping each other
 * or the cover's text, in the PPTX and the PDF alike.
 */

const EMU_PER_INCH = 914_400;

/** A wide purple "vendor" mark, unlike the account fixture logo in size and colour. */
function vendorLogo(): ImageData {
  const png = makePng(200, 60, (x, y) => (x < 60 || (y > 20 && y < 40) ? [123, 45, 142, 255] : [0, 0, 0, 0]));
  return { mime: "image/png", base64: png.toString("base64"), widthPx: 200, heightPx: 60 };
}

const COMBINATIONS = [
  { name: "no logo", account: false, vendor: false },
  { name: "the customer's logo only", account: true, vendor: false },
  { name: "the vendor's logo only", account: false, vendor: true },
  { name: "both logos", account: true, vendor: true },
] as const;

function coverDeck(account: boolean, vendor: boolean): Deck {
  const deck = buildFixtureDeck();
  deck.slides = deck.slides.slice(0, 2);
  deck.logo = account ? fixtureLogo() : null;
  deck.theme = { ...deck.theme, logo: { placement: "title", ...(vendor ? { vendor: vendorLogo() } : {}) } };
  return deck;
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

function inside(inner: Box, outer: Box): boolean {
  const slack = 1e-6;
  return (
    inner.x >= outer.x - slack &&
    inner.y >= outer.y - slack &&
    inner.x + inner.w <= outer.x + outer.w + slack &&
    inner.y + inner.h <= outer.y + outer.h + slack
  );
}

describe("the cover's logo boxes (deck geometry)", () => {
  it("keep the vendor's logo clear of the customer's, the text and the accent bar", () => {
    const page = { x: 0, y: 0, w: SLIDE_WIDTH, h: SLIDE_HEIGHT };
    expect(inside(COVER.vendorLogo, page)).toBe(true);
    for (const other of [
      COVER.logo,
      COVER.bar,
      COVER.title,
      COVER.subtitle,
      COVER.details,
      COVER.classification,
    ]) {
      expect(overlaps(COVER.vendorLogo, other)).toBe(false);
    }
    for (const other of [COVER.bar, COVER.title, COVER.subtitle, COVER.details]) {
      expect(overlaps(COVER.logo, other)).toBe(false);
    }
    // Same height and top: two logos side by side sit on one line.
    expect([COVER.vendorLogo.y, COVER.vendorLogo.h]).toEqual([COVER.logo.y, COVER.logo.h]);
  });
});

/** The named pictures of a slide with their boxes in inches. */
function pictures(xml: string): Map<string, Box> {
  const found = new Map<string, Box>();
  for (const pic of xml.match(/<p:pic>[\s\S]*?<\/p:pic>/g) ?? []) {
    const name = /<p:cNvPr [^>]*?name="([^"]*)"/.exec(pic)?.[1] ?? "";
    const off = /<a:off x="(\d+)" y="(\d+)"\/>/.exec(pic);
    const ext = /<a:ext cx="(\d+)" cy="(\d+)"\/>/.exec(pic);
    if (!off || !ext) continue;
    const inches = (value: string | undefined) => Number(value) / EMU_PER_INCH;
    found.set(name, { x: inches(off[1]), y: inches(off[2]), w: inches(ext[1]), h: inches(ext[2]) });
  }
  return found;
}

describe("the PPTX cover", () => {
  for (const { name, account, vendor } of COMBINATIONS) {
    it(`with ${name}: each logo in its own box, nothing overlapping`, async () => {
      const parts = unzipSync((await pptxRenderer.render(coverDeck(account, vendor), {})).bytes);
      const cover = strFromU8(parts["ppt/slides/slide1.xml"]!);
      const pics = pictures(cover);
      expect([...pics.keys()].sort()).toEqual(
        [...(account ? ["Logo: account"] : []), ...(vendor ? ["Logo: vendor"] : [])].sort(),
      );
      const accountBox = pics.get("Logo: account");
      const vendorBox = pics.get("Logo: vendor");
      if (accountBox) expect(inside(accountBox, COVER.logo)).toBe(true);
      if (vendorBox) {
        expect(inside(vendorBox, COVER.vendorLogo)).toBe(true);
        // Right-aligned: the vendor's logo ends where its box does.
        expect(vendorBox.x + vendorBox.w).toBeCloseTo(COVER.vendorLogo.x + COVER.vendorLogo.w, 2);
      }
      if (accountBox && vendorBox) expect(overlaps(accountBox, vendorBox)).toBe(false);
      // Content slides keep only the customer's logo (the master's corner logo): placement "title" here.
      expect(pictures(strFromU8(parts["ppt/slides/slide2.xml"]!)).size).toBe(0);
    });
  }
});

const poppler = missingTools("pdfimages");

describe("the PDF cover", () => {
  const directory = mkdtempSync(path.join(tmpdir(), "qbr-co-branding-"));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  for (const { name, account, vendor } of COMBINATIONS) {
    it(`with ${name}: the logos drawn, each once${skipReason(poppler)}`, async () => {
      if (poppler.length > 0) return;
      const { bytes, warnings } = await pdfRenderer.render(coverDeck(account, vendor), {});
      expect(warnings).toEqual([]);
      const file = path.join(directory, `${name}.pdf`);
      writeFileSync(file, bytes);
      const list = execFileSync("pdfimages", ["-list", "-f", "1", "-l", "1", file], { encoding: "utf8" });
      // Each logo is one image plus its alpha mask (smask), listed by pixel size.
      const sizes = list
        .split("\n")
        .slice(2)
        .map((line) => line.trim().split(/\s+/))
        .filter((columns) => columns[2] === "image")
        .map((columns) => columns.slice(3, 5).join("x"));
      expect(sizes.sort()).toEqual([...(account ? ["160x64"] : []), ...(vendor ? ["200x60"] : [])].sort());
    });
  }
});
