import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { DECK_KIND_NAMES } from "../src/deck/kinds/index.js";
import type { Audience, Deck, DeckKind } from "../src/deck/deck-model.js";
import { deckSettingsSchema, loadDeckSettings, type DeckSettings } from "../src/input/deck-settings.js";
import { InvalidInputError, type ValidationIssue } from "../src/errors.js";
import { loadTemplates } from "../src/io/resources.js";
import { loadTheme } from "../src/io/theme-file.js";
import type { Account } from "../src/input/account-schema.js";
import { accountToDecks } from "../src/pipeline.js";
import { slidePart } from "../src/deck/slide-ids.js";
import { loadSample, SAMPLES_DIR } from "./helpers/accounts.js";
import { qbr } from "./helpers/cli.js";

/** Issue 12 §1: `review.hide` and `--deck` remove exactly the named slides, and nothing else. */

function deckOf(account: Account, kind: DeckKind, audience: Audience, deckSettings?: DeckSettings): Deck {
  const { decks } = accountToDecks(account, {
    today: "2025-09-30",
    templates: loadTemplates(),
    kinds: [kind],
    audiences: [audience],
    theme: loadTheme(),
    logo: null,
    producer: "test",
    provenance: { sourceName: "x.yaml", sha256: "0".repeat(64), toolVersion: "test" },
    ...(deckSettings ? { deckSettings } : {}),
  });
  return decks[0]!;
}

const ids = (deck: Deck) => deck.slides.map((slide) => slide.id);
const withHide = (account: Account, hide: string[]): Account => ({
  ...account,
  review: { ...account.review, hide },
});

describe("review.hide", () => {
  const northwind = loadSample("northwind-logistics.yaml");

  it.each([
    [["value"]],
    [["scorecard", "goal-backlog"]],
    [["agenda", "wins", "roadmap", "actions"]],
    [["discussion", "appendix", "hidden-risks"]],
  ])("%j leaves out exactly those slides, every page of them", (hide) => {
    for (const kind of DECK_KIND_NAMES) {
      for (const audience of ["customer", "internal"] as const) {
        const all = ids(deckOf(northwind, kind, audience));
        const shown = ids(deckOf(withHide(northwind, hide), kind, audience));
        expect(shown).toEqual(all.filter((id) => !hide.includes(id) && !hide.includes(slidePart(id))));
      }
    }
  });

  it("hides the thresholds slide with the appendix, and on its own by its own id", () => {
    const all = ids(deckOf(northwind, "qbr", "internal"));
    expect(all).toContain("appendix-thresholds");
    expect(ids(deckOf(withHide(northwind, ["appendix"]), "qbr", "internal"))).not.toContain(
      "appendix-thresholds",
    );
    const own = ids(deckOf(withHide(northwind, ["appendix-thresholds"]), "qbr", "internal"));
    expect(own).toEqual(all.filter((id) => id !== "appendix-thresholds"));
  });

  it("lists the appendix once on the agenda, thresholds slide and all", () => {
    const deck = deckOf(northwind, "qbr", "internal");
    const agenda = JSON.stringify(deck.slides.find((slide) => slide.id === "agenda"));
    expect(agenda).not.toContain("thresholds in force");
  });

  it("takes the hidden slides off the generated agenda", () => {
    const deck = deckOf(withHide(northwind, ["value", "roadmap"]), "qbr", "customer");
    const agenda = JSON.stringify(deck.slides.find((slide) => slide.id === "agenda"));
    expect(agenda).not.toContain("Value realized");
    expect(agenda).not.toContain("Roadmap");
    expect(agenda).toContain("Mutual action plan");
  });
});

describe("--deck settings", () => {
  const northwind = loadSample("northwind-logistics.yaml");
  const settings: DeckSettings = deckSettingsSchema.parse({
    qbr: { customer: { hide: ["value", "changes"] } },
    renewal: { internal: { hide: ["outlook"] } },
  });

  it("leave out exactly the slides named for that kind and audience", () => {
    const cases: [DeckKind, Audience, string[]][] = [
      ["qbr", "customer", ["value", "changes"]],
      ["qbr", "internal", []],
      ["renewal", "customer", []],
      ["renewal", "internal", ["outlook"]],
    ];
    for (const [kind, audience, hidden] of cases) {
      const all = ids(deckOf(northwind, kind, audience));
      const shown = ids(deckOf(northwind, kind, audience, settings));
      expect(shown, `${kind} ${audience}`).toEqual(all.filter((id) => !hidden.includes(id)));
    }
  });

  it("add to the account's own review.hide", () => {
    const all = ids(deckOf(northwind, "qbr", "customer"));
    const shown = ids(deckOf(withHide(northwind, ["wins"]), "qbr", "customer", settings));
    expect(shown).toEqual(all.filter((id) => !["wins", "value", "changes"].includes(id)));
  });

  function issuesOf(text: string): ValidationIssue[] {
    try {
      loadDeckSettings("deck.yaml", Buffer.from(text));
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).exitCode).toBe(2);
      return (error as InvalidInputError).issues;
    }
    throw new Error("expected the file to be invalid");
  }

  it.each([
    [
      "an unknown slide id",
      "qbr:\n  customer:\n    hide: [value, vaule]\n",
      { line: 3, column: 19, path: "qbr.customer.hide[1]" },
      'expected a slide id; "vaule" is none — valid ids: cover, agenda',
    ],
    [
      "an unknown kind",
      "qbrr:\n  customer: { hide: [value] }\n",
      { line: 1, path: "qbrr" },
      'did you mean "qbr"',
    ],
    [
      "an unknown audience",
      "renewal:\n  customers: { hide: [value] }\n",
      { line: 2, path: "renewal.customers" },
      "customer",
    ],
    [
      "hide that is not a list",
      "qbr:\n  internal: { hide: value }\n",
      { line: 2, path: "qbr.internal.hide" },
      "list",
    ],
  ])("refuse %s with a located error", (_label, text, where, message) => {
    const [issue, ...rest] = issuesOf(text);
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ file: "deck.yaml", ...where });
    expect(issue!.message).toContain(message);
  });

  it("accept any goal's slide (the file serves every account) and an empty file section", () => {
    expect(
      loadDeckSettings("deck.yaml", Buffer.from("qbr:\n  customer: { hide: [goal-anything] }\n")),
    ).toEqual({
      qbr: { customer: { hide: ["goal-anything"] } },
    });
  });
});

describe("qbr generate --deck", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "qbr-deck-file-"));
  const northwind = path.join(SAMPLES_DIR, "northwind-logistics.yaml");

  it("exits 2 with the located problem for a bad file, before any deck is written", () => {
    const file = path.join(dir, "bad.yaml");
    writeFileSync(file, "qbr:\n  customer:\n    hide: [valeu]\n");
    const out = path.join(dir, "bad-out");
    const result = qbr(["generate", northwind, "-o", out, "-f", "pptx", "--deck", file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `${file}:3:12 qbr.customer.hide[0] — expected a slide id; "valeu" is none`,
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("leaves the named slides out of the decks it writes", () => {
    const file = path.join(dir, "deck.yaml");
    writeFileSync(file, "qbr:\n  customer:\n    hide: [value, roadmap, wins]\n");
    const slideCount = (out: string) => {
      const pptx = readdirSync(out).find((name) => name.endsWith(".pptx"))!;
      const zip = unzipSync(readFileSync(path.join(out, pptx)));
      return Object.keys(zip).filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name)).length;
    };
    const args = ["generate", northwind, "-f", "pptx", "--audience", "customer"];
    expect(qbr([...args, "-o", path.join(dir, "all")]).code).toBe(0);
    expect(qbr([...args, "-o", path.join(dir, "hidden"), "--deck", file]).code).toBe(0);
    expect(slideCount(path.join(dir, "all")) - slideCount(path.join(dir, "hidden"))).toBe(3);
  });
});
