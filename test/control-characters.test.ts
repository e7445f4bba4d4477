import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadTemplates } from "../src/io/resources.js";
import { analyse, baseAccountData, loadSample } from "./helpers/accounts.js";
import { readJson, tempDir } from "./helpers/batch.js";
import { qbr, type CliResult } from "./helpers/cli.js";
import { deckFor, deckText } from "./helpers/decks.js";
import { missingTools, skipReason } from "./helpers/tools.js";

/**
 * Issue 10, item 1: a control character in any text of an account (or of a template) was written
 * unescaped into the PPTX's XML, which then failed to parse (PowerPoint refuses such a file,
 * LibreOffice reports an application error). Every text now goes through one rule
 * (src/text/sanitize.ts): at load time with a located warning per field, and over the built Deck.
 */

/** What XML 1.0 forbids in a document (its Char production). */
const NOT_XML_CHAR =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\0-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** An account with a different control (or invalid) character in every kind of text. */
function hostileAccount(): Record<string, unknown> {
  const data = structuredClone(baseAccountData()) as Record<string, any>;
  data.account = {
    name: "Bell\x07 Co",
    id: "BELL\x1b-1",
    segment: "Enter\x0bprise",
    csm: "Dana\x07Bell",
  };
  data.review = { asOf: "2025-09-30", period: "Q3\x0c2025", meetingDate: "2025-10-08" };
  data.stakeholders = [
    { name: "Sam\x00 Sponsor", role: "executive-sponsor", lastContact: "2025-09-01" },
    { name: "Chris\x7f Champion", role: "champion", status: "left" },
  ];
  const goal = data.goals[0];
  Object.assign(goal, {
    title: "Grow\x0bthe\x85thing",
    why: "Because\x9b we\ufffe can\ud800",
    owner: "Own\x01er",
    metric: { name: "Thi\x02ngs", unit: "thin\x03gs" },
    plan: [{ date: "2025-06-30", value: 50 }],
    tasks: [
      { title: "Do\x04 it\r", owner: "Pa\x05t", due: "2025-08-01" },
      { title: "Train\uffff the team", due: "2025-12-01" },
    ],
    value: { perUnit: 10 },
  });
  data.goals.push({
    ...structuredClone(goal),
    id: "g2",
    title: "Second\x06 goal",
    actuals: [{ date: "2025-05-01", value: 5 }],
  });
  data.signals = { healthScore: { value: 90, max: 100 }, nps: 9 };
  data.statedReasons = ["Price\x0e is too high"];
  data.externalRisks = ["Merger\x0f announced"];
  data.internalNotes = "Budget\x10 review\x1f coming";
  return data;
}

/** The fields whose text the loader must report, by path. */
const CHANGED_PATHS = [
  "account.name",
  "account.id",
  "account.segment",
  "account.csm",
  "review.period",
  "stakeholders[0].name",
  "stakeholders[1].name",
  "goals[0].title",
  "goals[0].why",
  "goals[0].owner",
  "goals[0].metric.name",
  "goals[0].metric.unit",
  "goals[0].tasks[0].title",
  "goals[0].tasks[0].owner",
  "goals[0].tasks[1].title",
  "goals[1].title",
  "statedReasons[0]",
  "externalRisks[0]",
  "internalNotes",
];

describe("control characters in every kind of text", () => {
  const dir = tempDir("qbr-control-");
  const out = path.join(dir, "out");
  const file = path.join(dir, "bell.json");
  const templates = path.join(dir, "templates");
  let run: CliResult;

  beforeAll(() => {
    // JSON.stringify writes each control character as a \u escape: the file itself is clean text.
    writeFileSync(file, JSON.stringify(hostileAccount(), null, 2));
    // Templates are trusted, but a control character in one must not corrupt a deck either.
    mkdirSync(templates);
    writeFileSync(
      path.join(templates, "deck.yaml"),
      'cover.qbr: "Quarterly\\a Business\\e Review · {{period}}"\nfooter: "{{account.name}}\\v· {{period}}"\n',
    );
    run = qbr([
      "generate",
      file,
      "-o",
      out,
      "--audience",
      "internal,customer",
      "--kind",
      "qbr,renewal",
      "-f",
      "pptx,pdf",
      "--templates",
      templates,
    ]);
  }, 180_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("writes every deck, and warns once per changed field with its location", () => {
    expect(run.code, run.stderr).toBe(0);
    const warnings = run.stderr.split("\n").filter((line) => line.startsWith("warning: "));
    for (const fieldPath of CHANGED_PATHS) {
      const line = warnings.find((warning) => warning.includes(` ${fieldPath} — `));
      expect(line, `${fieldPath} in\n${run.stderr}`).toMatch(
        new RegExp(`^warning: ${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:\\d+:\\d+ `),
      );
    }
    expect(warnings.find((warning) => warning.includes(" account.csm — "))).toContain(
      "account.csm — control character U+0007 removed",
    );
    expect(warnings.find((warning) => warning.includes(" goals[0].title — "))).toContain(
      "goals[0].title — control characters U+000B, U+0085 replaced by a line break",
    );
    const manifest = readJson(path.join(out, "manifest.json"));
    expect(manifest.accounts[0].warnings).toEqual(
      expect.arrayContaining([expect.stringContaining("account.csm — control character U+0007 removed")]),
    );
  });

  it("gives PPTX files whose every XML part holds only XML characters and parses", async () => {
    const pptxFiles = readdirSync(out).filter((name) => name.endsWith(".pptx"));
    expect(pptxFiles).toHaveLength(4);
    const xmlDir = path.join(dir, "xml");
    mkdirSync(xmlDir, { recursive: true });
    const lint = missingTools("xmllint").length === 0;
    for (const name of pptxFiles) {
      const zip = await JSZip.loadAsync(readFileSync(path.join(out, name)));
      const parts = Object.keys(zip.files).filter((part) => /\.(xml|rels)$/.test(part));
      expect(parts.length).toBeGreaterThan(10);
      const partFiles: string[] = [];
      for (const part of parts) {
        const xml = await zip.file(part)!.async("string");
        expect(NOT_XML_CHAR.test(xml), `${name} ${part}`).toBe(false);
        const partFile = path.join(xmlDir, `${name}-${part.replaceAll("/", "_")}`);
        writeFileSync(partFile, xml);
        partFiles.push(partFile);
      }
      // One xmllint for all parts: it exits non-zero (and names the part) if any is not well-formed.
      if (lint)
        expect(
          () => execFileSync("xmllint", ["--noout", ...partFiles], { stdio: "pipe" }),
          name,
        ).not.toThrow();
      const slides = await Promise.all(
        parts
          .filter((part) => /^ppt\/slides\/slide\d+\.xml$/.test(part))
          .map((part) => zip.file(part)!.async("string")),
      );
      const text = slides.join("");
      expect(text).toContain("DanaBell");
      if (name === "bell-1-qbr.pptx") expect(text).toContain("Quarterly Business Review");
    }
  });

  it("gives PDF files", () => {
    const pdfFiles = readdirSync(out).filter((name) => name.endsWith(".pdf"));
    expect(pdfFiles).toHaveLength(4);
    for (const name of pdfFiles)
      expect(readFileSync(path.join(out, name)).subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("leaves no forbidden character in a Deck built from templates that hold them", () => {
    const deck = deckFor(analyse(loadSample("northwind-logistics.yaml")), "internal", "qbr", {
      templates: loadTemplates(templates),
    });
    expect(deck.slides[0]!.title + deck.slides[0]!.subtitle).toContain("Quarterly Business Review");
    expect(deck.meta.footer).toBe("Northwind Logistics\n· Q3 2025");
    expect(NOT_XML_CHAR.test(deckText(deck))).toBe(false);
  });

  const missing = missingTools("soffice", "pdfinfo");
  it.skipIf(missing.length > 0)(
    `LibreOffice converts the internal QBR PPTX${skipReason(missing)}`,
    async () => {
      const input = path.join(out, "bell-1-qbr-internal.pptx");
      const converted = path.join(dir, "converted");
      const profile = pathToFileURL(path.join(dir, "profile")).href;
      execFileSync(
        "soffice",
        [
          `-env:UserInstallation=${profile}`,
          "--headless",
          "--convert-to",
          "pdf",
          "--outdir",
          converted,
          input,
        ],
        { stdio: "ignore", timeout: 150_000 },
      );
      const info = execFileSync("pdfinfo", [path.join(converted, "bell-1-qbr-internal.pdf")], {
        encoding: "utf8",
      });
      const zip = await JSZip.loadAsync(readFileSync(input));
      const slideCount = Object.keys(zip.files).filter((part) =>
        /^ppt\/slides\/slide\d+\.xml$/.test(part),
      ).length;
      expect(Number(/^Pages:\s+(\d+)/m.exec(info)?.[1])).toBe(slideCount);
    },
    180_000,
  );
});
