import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SAMPLES_DIR } from "./helpers/accounts.js";
import { rawGet, startPreview, subscribe, type RunningPreview } from "./helpers/preview.js";

/**
 * `qbr preview`'s server with real HTTP requests on 127.0.0.1 (the HTML renderer replaced by a
 * plain stand-in, so these tests are about the server, the watcher and the event stream).
 */

const GOAL = "Cut the support ticket backlog";
/** The issue asks for one second from save to page; the margin is for a loaded machine. */
const SAVE_SHOWN_MS = 2000;

describe("qbr preview: the server", () => {
  let preview: RunningPreview;
  beforeAll(async () => {
    preview = await startPreview();
  });
  afterAll(async () => {
    await preview?.stop();
  });

  it("listens on 127.0.0.1 only and serves the page and the deck", async () => {
    expect(preview.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await fetch(preview.url);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(page.headers.get("content-security-policy")).toMatch(/script-src 'sha256-/);
    expect(page.headers.get("access-control-allow-origin")).toBeNull();
    const html = await page.text();
    expect(html).toContain('<iframe id="deck"');
    expect(html).toContain('new EventSource("/events")');
    const deck = await fetch(new URL("/deck?v=1", preview.url));
    expect(deck.status).toBe(200);
    expect(deck.headers.get("content-security-policy")).toMatch(/default-src 'none'/);
    expect(deck.headers.get("content-security-policy")).not.toMatch(/script-src/);
    expect(await deck.text()).toContain(GOAL);
    expect(preview.out.join("\n")).toContain(`at ${preview.url}`);
  });

  it("answers every other path with 404, other methods with 405, and lists nothing", async () => {
    for (const pathName of [
      "/favicon.ico",
      "/deck/",
      "/events/x",
      "/../package.json",
      "/%2e%2e/%2e%2e/etc/passwd",
      "/northwind-logistics.yaml",
      "/logos/",
      "//etc/passwd",
    ]) {
      const response = await rawGet(preview.port, pathName, { Host: `127.0.0.1:${preview.port}` });
      expect(response.status, pathName).toBe(404);
      expect(response.body).toBe("Not found\n");
    }
    const post = await rawGet(preview.port, "/deck", { Host: `127.0.0.1:${preview.port}` }, "POST");
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe("GET, HEAD");
  });

  it("refuses a Host other than 127.0.0.1 or localhost (DNS rebinding) and other origins", async () => {
    const port = preview.port;
    expect((await rawGet(port, "/", { Host: `localhost:${port}` })).status).toBe(200);
    for (const host of [
      `evil.example:${port}`,
      "127.0.0.1",
      `127.0.0.1:${port + 1}`,
      `localhost.evil.example:${port}`,
    ]) {
      const response = await rawGet(port, "/deck", { Host: host });
      expect(response.status, host).toBe(403);
      expect(response.body).not.toContain(GOAL);
    }
    const foreign = await rawGet(port, "/deck", { Host: `127.0.0.1:${port}`, Origin: "http://evil.example" });
    expect(foreign.status).toBe(403);
    const own = await rawGet(port, "/deck", {
      Host: `127.0.0.1:${port}`,
      Origin: `http://localhost:${port}`,
    });
    expect(own.status).toBe(200);
  });

  it("sends an event on each save: the new deck, a located error over the last good deck, then the fix", async () => {
    const events = subscribe(preview.port);
    try {
      const first = await events.next(() => true);
      expect(first.problems).toEqual([]);

      let saved = Date.now();
      preview.edit((text) => text.replace(`title: ${GOAL}`, "title: Halve the ticket backlog"));
      const updated = await events.next((state) => state.version > first.version);
      expect(Date.now() - saved).toBeLessThan(SAVE_SHOWN_MS);
      expect(updated.problems).toEqual([]);
      const deck = await (await fetch(new URL("/deck", preview.url))).text();
      expect(deck).toContain("Halve the ticket backlog");

      saved = Date.now();
      preview.edit((text) => text.replace("  arr: 240000", '  arr: "<i>lots</i>"'));
      const broken = await events.next((state) => state.problems.length > 0);
      expect(Date.now() - saved).toBeLessThan(SAVE_SHOWN_MS);
      expect(broken.version).toBe(updated.version);
      expect(broken.problems).toEqual([
        expect.stringMatching(/northwind-logistics\.yaml:\d+:\d+ contract\.arr — .+/),
      ]);
      // The last good deck is still served, and the page as first served shows the problem too.
      expect(await (await fetch(new URL("/deck", preview.url))).text()).toContain("Halve the ticket backlog");
      const page = await (await fetch(preview.url)).text();
      expect(page).toContain("contract.arr —");
      // The file's text in a message is shown as text, never as markup.
      expect(page).toContain("&lt;i&gt;lots&lt;/i&gt;");
      expect(page).not.toContain("<i>lots");
      expect(preview.err.join("\n")).toMatch(/contract\.arr — /);

      preview.edit((text) => text.replace('  arr: "<i>lots</i>"', "  arr: 250000"));
      const fixed = await events.next((state) => state.problems.length === 0);
      expect(fixed.version).toBe(updated.version + 1);
    } finally {
      events.close();
    }
  });
});

describe("qbr preview: the files an account uses", () => {
  it("rebuilds when the theme, a template, the rules or the deck settings are saved", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "qbr-preview-inputs-"));
    const theme = path.join(dir, "theme.yaml");
    const templates = path.join(dir, "wording");
    const rules = path.join(dir, "rules.yaml");
    const deckFile = path.join(dir, "deck.yaml");
    mkdirSync(templates);
    writeFileSync(theme, 'colors:\n  primary: "112233"\n');
    writeFileSync(path.join(templates, "deck.yaml"), 'summary.title: "Where we stand"\n');
    writeFileSync(rules, "rules:\n  watermelon: { enabled: true }\n");
    writeFileSync(deckFile, "qbr: { internal: { hide: [] } }\n");
    const preview = await startPreview("northwind-logistics.yaml", {
      themeFile: theme,
      templatesDir: templates,
      rulesFile: rules,
      deckFile,
    });
    const events = subscribe(preview.port);
    const deck = async () =>
      (await (await fetch(new URL("/deck", preview.url))).text()).replaceAll("&quot;", '"');
    try {
      let state = await events.next(() => true);
      expect(state.problems).toEqual([]);
      expect(await deck()).toContain("Where we stand");
      expect(await deck()).toContain("112233");
      expect(await deck()).toContain("Watermelon: signals say green");
      expect(await deck()).toContain('"id": "value"');

      const saves: [string, string, (html: string) => boolean][] = [
        [theme, 'colors:\n  primary: "445566"\n', (html) => html.includes("445566")],
        [
          path.join(templates, "deck.yaml"),
          'summary.title: "Where we stand together"\n',
          (html) => html.includes("Where we stand together"),
        ],
        [
          rules,
          "rules:\n  watermelon: { enabled: false }\n",
          (html) => !html.includes("Watermelon: signals say green"),
        ],
        [deckFile, "qbr: { internal: { hide: [value] } }\n", (html) => !html.includes('"id": "value"')],
      ];
      for (const [file, text, shows] of saves) {
        const before = state.version;
        writeFileSync(file, text);
        state = await events.next((next) => next.version > before);
        expect(shows(await deck()), file).toBe(true);
      }

      // A broken theme is located like an account problem; the deck stays.
      writeFileSync(theme, 'colors:\n  primary: "blue"\n');
      const broken = await events.next((next) => next.problems.length > 0);
      expect(broken.problems).toEqual([expect.stringContaining(`${theme}:2:12 colors.primary — `)]);
      expect(await deck()).toContain("445566");
    } finally {
      events.close();
      await preview.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("qbr preview: the page's own wording", () => {
  /** A preview with an empty --templates folder (`before` may fill it), stopped and removed after `run`. */
  async function withTemplates(
    before: (templates: string) => void,
    run: (
      preview: RunningPreview,
      events: ReturnType<typeof subscribe>,
      wordingFile: string,
    ) => Promise<void>,
  ): Promise<void> {
    const templates = mkdtempSync(path.join(os.tmpdir(), "qbr-preview-wording-"));
    before(templates);
    const preview = await startPreview("northwind-logistics.yaml", { templatesDir: templates });
    const events = subscribe(preview.port);
    try {
      await run(preview, events, path.join(templates, "preview.yaml"));
    } finally {
      events.close();
      await preview.stop();
      rmSync(templates, { recursive: true, force: true });
    }
  }

  it("rebuilds when preview.yaml in --templates is saved: new wording, or a located error over the last good page", () =>
    withTemplates(
      () => {},
      async (preview, events, wordingFile) => {
        const page = async () => (await fetch(preview.url)).text();
        // No preview.yaml yet: the built-in wording.
        let state = await events.next(() => true);
        expect(state.title).toMatch(/ — qbr preview$/);
        expect(await page()).toContain('<p id="warnings-heading">Warnings</p>');

        // A new preview.yaml in the folder: the page's texts change with the next build.
        let before = state.version;
        writeFileSync(wordingFile, 'pageTitle: "Vorschau"\nwarnings: "Hinweise"\n');
        state = await events.next((next) => next.version > before);
        expect(state.problems).toEqual([]);
        expect(state.title).toMatch(/ — Vorschau$/);
        expect(state.wording.warnings).toBe("Hinweise");
        expect(state.wording.frameTitle).toBe("The deck");
        const saved = await page();
        expect(saved).toMatch(/<title>.+ — Vorschau<\/title>/);
        expect(saved).toContain('<p id="warnings-heading">Hinweise</p>');

        // An invalid one is located like any other input; the last good page and its wording stay.
        writeFileSync(wordingFile, 'pageTitle: "Vorschau"\nwarnings: [Hinweise]\n');
        const broken = await events.next((next) => next.problems.length > 0);
        expect(broken.problems).toEqual([expect.stringMatching(/preview\.yaml:2:11 warnings — .+/)]);
        expect(broken.version).toBe(state.version);
        expect(broken.title).toMatch(/ — Vorschau$/);
        expect(broken.wording.warnings).toBe("Hinweise");
        expect(await page()).toContain("preview.yaml:2:11 warnings — ");
        expect(await (await fetch(new URL("/deck", preview.url))).text()).toContain(GOAL);
        expect(preview.err.join("\n")).toMatch(/preview\.yaml:2:11 warnings — /);

        // The fix clears the problem and brings the new wording.
        before = state.version;
        writeFileSync(wordingFile, 'pageTitle: "Vorschau"\nwarnings: "Achtung"\n');
        state = await events.next((next) => next.problems.length === 0 && next.version > before);
        expect(state.wording.warnings).toBe("Achtung");
      },
    ));

  it("starts on an invalid preview.yaml: the built-in wording, the located problem, no deck yet", () =>
    withTemplates(
      (templates) => writeFileSync(path.join(templates, "preview.yaml"), "pageTitle: [Vorschau]\n"),
      async (preview, events) => {
        const state = await events.next(() => true);
        expect(state.version).toBe(0);
        expect(state.title).toBe("qbr preview");
        expect(state.problems).toEqual([expect.stringMatching(/preview\.yaml:1:12 pageTitle — .+/)]);
        expect(await (await fetch(new URL("/deck", preview.url))).text()).toContain("No deck yet.");
      },
    ));
});

describe("qbr preview: the account's logo", () => {
  it("rebuilds when the logo file is replaced", async () => {
    const preview = await startPreview();
    const events = subscribe(preview.port);
    try {
      const first = await events.next(() => true);
      const logo = path.join(preview.dir, "logos", "northwind.png");
      const bytes = readFileSync(path.join(SAMPLES_DIR, "logos", "northwind.png"));
      // The logo is watched once the first build has named it (chokidar adds it asynchronously):
      // a save in the first moments after start can come before that, so save again, as a user would.
      let next: Awaited<ReturnType<typeof events.next>> | undefined;
      for (let attempt = 0; attempt < 5 && !next; attempt++) {
        writeFileSync(logo, bytes);
        next = await events.next((state) => state.version > first.version, 1000).catch(() => undefined);
      }
      expect(next?.problems).toEqual([]);
    } finally {
      events.close();
      await preview.stop();
    }
  });
});
