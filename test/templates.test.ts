import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Handlebars from "handlebars";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { DEFAULT_TEMPLATES_DIR, loadTemplates } from "../src/io/resources.js";
import { InvalidInputError } from "../src/errors.js";

/** Every string of a parsed template file, with its path (e.g. "variants.customer.title"). */
function strings(value: unknown, at: string): { at: string; text: string }[] {
  if (typeof value === "string") return [{ at, text: value }];
  if (Array.isArray(value)) return value.flatMap((item, index) => strings(item, `${at}[${index}]`));
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([key, item]) => strings(item, at ? `${at}.${key}` : key));
  }
  return [];
}

describe("the package's own templates", () => {
  // They are compiled at first use, without the load-time syntax check a --templates file gets
  // (src/text/handlebars.ts): this test is that check.
  const files = [
    "deck.yaml",
    ...readdirSync(path.join(DEFAULT_TEMPLATES_DIR, "prompts")).map((name) => `prompts/${name}`),
  ];
  it.each(files)("%s: every template parses", (name) => {
    const texts = strings(parse(readFileSync(path.join(DEFAULT_TEMPLATES_DIR, name), "utf8")), "");
    expect(texts.length).toBeGreaterThan(0);
    for (const { at, text } of texts) {
      expect(() => Handlebars.parse(text), `${name} ${at}`).not.toThrow();
    }
  });
});

describe("a --templates folder", () => {
  it("is still checked for syntax when loaded, before any deck is built", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "qbr-templates-"));
    writeFileSync(path.join(dir, "deck.yaml"), 'summaryTitle: "Summary {{#if x}}"\n');
    expect(() => loadTemplates(dir)).toThrow(InvalidInputError);
    expect(() => loadTemplates(dir)).toThrow(/template syntax/);
  });
});
