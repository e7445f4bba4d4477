/// <reference lib="dom" />
// page.evaluate() callbacks run in the browser: their DOM types come from lib.dom.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Audience, Deck, DeckKind } from "../src/deck/deck-model.js";
import type { Account } from "../src/input/account-schema.js";
import { renderDeck } from "../src/index.js";
import { SAMPLE_FILES } from "./helpers/batch.js";
import { analyse, loadSample } from "./helpers/accounts.js";
import { deckFor, sampleDeck } from "./helpers/decks.js";
import { missingTools, skipReason } from "./helpers/tools.js";

/**
 * The HTML decks in a real browser: Debian's Chromium, driven by playwright-core (no browser is
 * downloaded). Each page must load without a console error, a failed request or any request at
 * all besides itself; every slide must be visible at 16:9 with no block's content spilling out of
 * its box; printing gives one page per slide. A screenshot of every slide of Northwind's decks
 * (and of the 15-goal one-pager) is written for review to a temporary folder, printed; with
 * QBR_HTML_SCREENSHOTS=<folder>, of every sample's decks to that folder.
 */
const CHROMIUM = process.env.QBR_CHROMIUM ?? "chromium";
const missing = missingTools(CHROMIUM);
const executablePath = () => execFileSync("which", [CHROMIUM], { encoding: "utf8" }).trim();
const KINDS: DeckKind[] = ["qbr", "renewal", "kickoff", "onepager"];
const AUDIENCES: Audience[] = ["customer", "internal"];
const work = mkdtempSync(path.join(os.tmpdir(), "qbr-html-browser-"));
const shots = process.env.QBR_HTML_SCREENSHOTS ?? path.join(work, "screenshots");
const ALL_SCREENSHOTS = process.env.QBR_HTML_SCREENSHOTS !== undefined;
const SCREENSHOT_SAMPLE = "northwind-logistics.yaml";

/** Northwind with its goals repeated to 15 and a long name (as test/deck-kinds.test.ts stresses the one-pager). */
function fifteenGoals(): Account {
  const account = loadSample(SCREENSHOT_SAMPLE);
  const goals = Array.from({ length: 15 }, (_, index) => {
    const goal = account.goals[index % account.goals.length]!;
    return { ...goal, id: `${goal.id}-${index + 1}`, title: `${index + 1}. ${goal.title}` };
  });
  const name = "Northwind Logistics International Freight and Warehousing Holdings";
  return { ...account, account: { ...account.account, name }, goals };
}

interface Spill {
  slide: number;
  what: string;
  by: string;
}

/** Blocks whose content is larger than their box, or that reach outside their slide. */
async function spills(page: Page): Promise<Spill[]> {
  return page.evaluate(() => {
    const found: { slide: number; what: string; by: string }[] = [];
    document.querySelectorAll<HTMLElement>("section.slide").forEach((slide, index) => {
      const frame = slide.getBoundingClientRect();
      for (const element of Array.from(slide.children) as HTMLElement[]) {
        const what = `${element.tagName.toLowerCase()} "${(element.textContent ?? "").trim().slice(0, 50)}"`;
        const box = element.getBoundingClientRect();
        if (element.style.height && element.scrollHeight > element.clientHeight + 1)
          found.push({ slide: index + 1, what, by: `${element.scrollHeight - element.clientHeight}px down` });
        if (element.scrollWidth > element.clientWidth + 1)
          found.push({ slide: index + 1, what, by: `${element.scrollWidth - element.clientWidth}px across` });
        if (box.bottom > frame.bottom + 1 || box.right > frame.right + 1)
          found.push({ slide: index + 1, what, by: "outside the slide" });
      }
    });
    return found;
  });
}

describe.skipIf(missing.length > 0)(`HTML decks in Chromium${skipReason(missing)}`, () => {
  let browser: Browser;
  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    console.log(`HTML deck screenshots: ${shots}`);
    browser = await chromium.launch({
      executablePath: executablePath(),
      // As root (CI) Chromium's sandbox cannot start; the pages are our own.
      args: ["--no-sandbox"],
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  /** Loads a deck's page and checks it; screenshots and a print only when asked (they are the slow part). */
  async function check(deck: Deck, name: string, { screenshots = false, print = false } = {}): Promise<void> {
    const file = path.join(work, `${name}.html`);
    writeFileSync(file, await renderDeck(deck, "html"));
    const url = pathToFileURL(file).href;
    const page = await browser.newPage({ viewport: { width: 1328, height: 800 } });
    const problems: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error" || message.type() === "warning") problems.push(message.text());
    });
    page.on("pageerror", (error) => problems.push(error.message));
    page.on("requestfailed", (request) => problems.push(`failed: ${request.url()}`));
    page.on("request", (request) => {
      if (request.url() !== url && !request.url().startsWith("data:"))
        problems.push(`request: ${request.url()}`);
    });
    await page.goto(url, { waitUntil: "load" });
    await page.evaluate(() => document.fonts.ready);
    const fonts = await page.evaluate(() => {
      const loaded: string[] = [];
      document.fonts.forEach((font) => loaded.push(`${font.family} ${font.weight} ${font.status}`));
      return loaded;
    });
    expect(fonts).toEqual(["QBR DejaVu Sans 400 loaded", "QBR DejaVu Sans 700 loaded"]);

    const slides = page.locator("section.slide");
    expect(await slides.count()).toBe(deck.slides.length);
    for (let index = 0; index < deck.slides.length; index++) {
      const slide = slides.nth(index);
      expect(await slide.isVisible()).toBe(true);
      const box = await slide.boundingBox();
      expect(box!.width).toBeGreaterThan(0);
      expect(box!.width / box!.height).toBeCloseTo(16 / 9, 1);
      if (screenshots) {
        await slide.screenshot({
          path: path.join(shots, `${name}-${String(index + 1).padStart(2, "0")}.png`),
        });
      }
    }
    expect(await spills(page)).toEqual([]);
    expect(problems).toEqual([]);

    if (print) {
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      const printed = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
      expect(printed.numPages).toBe(deck.slides.length);
      await printed.destroy();
    }
    await page.close();
  }

  const cases = SAMPLE_FILES.flatMap((sample) =>
    KINDS.flatMap((kind) => AUDIENCES.map((audience) => [sample, kind, audience] as const)),
  );
  it.each(cases)(
    "%s %s %s: loads cleanly, every slide visible at 16:9 with nothing spilling out",
    async (sample, kind, audience) => {
      const deck = sampleDeck(sample, audience, kind);
      const name = `${path.basename(sample, ".yaml")}-${kind}-${audience}`;
      // Every slide of Northwind's decks is photographed; every sample's with QBR_HTML_SCREENSHOTS.
      const screenshots = ALL_SCREENSHOTS || sample === SCREENSHOT_SAMPLE;
      await check(deck, name, { screenshots, print: kind === "qbr" });
    },
    120_000,
  );

  it.each(AUDIENCES)(
    "15 goals and a long account name: the one-pager and the QBR still fit their boxes (%s)",
    async (audience) => {
      const analysis = analyse(fifteenGoals());
      await check(deckFor(analysis, audience, "onepager"), `fifteen-goals-onepager-${audience}`, {
        screenshots: true,
        print: true,
      });
      await check(deckFor(analysis, audience, "qbr"), `fifteen-goals-qbr-${audience}`);
    },
    120_000,
  );
});
