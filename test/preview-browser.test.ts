import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderHtml } from "../src/preview/html.js";
import { startPreview, type RunningPreview } from "./helpers/preview.js";
import { missingTools, skipReason } from "./helpers/tools.js";

/**
 * `qbr preview` in a real browser: Debian's Chromium driven by playwright-core (no browser is
 * downloaded), on a temporary copy of a sample and the real HTML renderer. The page must load
 * without a console error (a script or style the CSP blocks would be one); a saved edit must show
 * within ~2 s; a file made invalid must show its located error above the last good deck, and the
 * fix must take the error away. Screenshots for review go to QBR_PREVIEW_SCREENSHOTS (a
 * temporary folder otherwise, printed).
 */
const CHROMIUM = process.env.QBR_CHROMIUM ?? "chromium";
const missing = missingTools(CHROMIUM);
const shots =
  process.env.QBR_PREVIEW_SCREENSHOTS ?? path.join(mkdtempSync(path.join(os.tmpdir(), "qbr-preview-shots-")));
const GOAL = "Cut the support ticket backlog";
const EDITED = "Halve the support ticket backlog";

describe.skipIf(missing.length > 0)(`qbr preview in Chromium${skipReason(missing)}`, () => {
  let browser: Browser;
  let preview: RunningPreview;
  let page: Page;
  const consoleErrors: string[] = [];
  // An empty --templates folder: the preview.yaml test saves one into it.
  const templates = mkdtempSync(path.join(os.tmpdir(), "qbr-preview-templates-"));

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    console.log(`preview screenshots: ${shots}`);
    [browser, preview] = await Promise.all([
      chromium.launch({
        executablePath: process.env.QBR_CHROMIUM ?? "/usr/bin/chromium",
        // As root (CI) Chromium's sandbox cannot start; the pages are our own.
        args: ["--no-sandbox"],
      }),
      startPreview("northwind-logistics.yaml", { templatesDir: templates }, renderHtml),
    ]);
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on("console", (message) => {
      if (message.type() === "error") consoleErrors.push(message.text());
    });
    page.on("pageerror", (error) => consoleErrors.push(error.message));
    page.on("requestfailed", (request) => consoleErrors.push(`failed: ${request.url()}`));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await preview?.stop();
    rmSync(templates, { recursive: true, force: true });
  });

  const deck = () => page.frameLocator("#deck");
  const problems = () => page.locator("#problems");
  // The deck's frame; evaluated as strings, so these tests need no DOM types.
  const deckFrame = () => {
    const frame = page.frames().find((candidate) => candidate.url().includes("/deck"));
    if (!frame) throw new Error("the page has no deck frame");
    return frame;
  };
  const deckScroll = async () => Number(await deckFrame().evaluate("scrollY"));

  it("loads the page and the deck with no console error", async () => {
    await page.goto(preview.url);
    await expect.poll(() => deck().locator("section").count()).toBeGreaterThan(3);
    await expect.poll(() => deck().getByText(GOAL).count()).toBeGreaterThan(0);
    expect(await problems().isVisible()).toBe(false);
    expect(await page.title()).toContain("Northwind Logistics");
    await page.screenshot({ path: path.join(shots, "1-loaded.png") });
    expect(consoleErrors).toEqual([]);
  });

  it("shows a saved edit within 2 s, keeping the reader's place", async () => {
    const slide = deck().getByText(GOAL).first();
    await slide.scrollIntoViewIfNeeded();
    const scrolled = await deckScroll();
    expect(scrolled).toBeGreaterThan(0);
    preview.edit((text) => text.replace(`title: ${GOAL}`, `title: ${EDITED}`));
    const saved = Date.now();
    await expect
      .poll(() => deck().getByText(EDITED).count(), { timeout: 2000, interval: 50 })
      .toBeGreaterThan(0);
    console.log(`edit shown after ${Date.now() - saved} ms`);
    const after = await deckScroll();
    expect(Math.abs(after - scrolled)).toBeLessThan(50);
    expect(consoleErrors).toEqual([]);
  });

  it("shows a located error above the last good deck, and takes it away when fixed", async () => {
    await deckFrame().evaluate("scrollTo(0, 0)");
    preview.edit((text) => text.replace("  arr: 240000", "  arr: lots"));
    await expect.poll(() => problems().isVisible(), { timeout: 2000, interval: 50 }).toBe(true);
    const lines = await page.locator("#problem-lines li").allTextContents();
    expect(lines).toEqual([expect.stringMatching(/northwind-logistics\.yaml:\d+:\d+ contract\.arr — .+/)]);
    // The same line the CLI prints.
    expect(preview.err.join("\n")).toContain(lines[0]);
    expect(await deck().getByText(EDITED).count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(shots, "2-error-over-last-deck.png") });

    preview.edit((text) => text.replace("  arr: lots", "  arr: 240000"));
    await expect.poll(() => problems().isVisible(), { timeout: 2000, interval: 50 }).toBe(false);
    expect(await deck().getByText(EDITED).count()).toBeGreaterThan(0);
    expect(consoleErrors).toEqual([]);
  });

  it("changes the open page's own wording when preview.yaml is saved, without reloading it", async () => {
    await page.evaluate("window.notReloaded = true");
    writeFileSync(
      path.join(templates, "preview.yaml"),
      'pageTitle: "Vorschau"\nproblems: "Die Datei hat Fehler."\nstopped: "Die Vorschau ist beendet."\n',
    );
    await expect.poll(() => page.title(), { timeout: 2000, interval: 50 }).toMatch(/ — Vorschau$/);
    preview.edit((text) => text.replace("  arr: 240000", "  arr: lots"));
    await expect
      .poll(() => page.locator("#problems-heading").textContent(), { timeout: 2000, interval: 50 })
      .toBe("Die Datei hat Fehler.");
    preview.edit((text) => text.replace("  arr: lots", "  arr: 240000"));
    await expect.poll(() => problems().isVisible(), { timeout: 2000, interval: 50 }).toBe(false);
    expect(await page.evaluate("window.notReloaded")).toBe(true);
    expect(consoleErrors).toEqual([]);
  });

  it("says so on the page when the preview stops", async () => {
    await preview.stop();
    await expect.poll(() => page.locator("#stopped").isVisible(), { timeout: 5000 }).toBe(true);
    expect(await page.locator("#stopped").textContent()).toBe("Die Vorschau ist beendet.");
    await page.screenshot({ path: path.join(shots, "3-stopped.png") });
  });
});
