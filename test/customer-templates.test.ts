import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { analyseAccount } from "../src/analysis/analyse-account.js";
import { loadTemplates } from "../src/io/resources.js";
import { loadTheme } from "../src/io/theme-file.js";
import { buildDeck } from "../src/deck/build-deck.js";
import { loadAccount } from "../src/input/load-account.js";
import { SAMPLES_DIR } from "./helpers/accounts.js";
import { qbrIn } from "./helpers/cli.js";
import { deckText } from "./helpers/decks.js";
import { missingTools, skipReason } from "./helpers/tools.js";

/**
 * A `--templates` folder that tries to print internal data into customer decks: every prompt's
 * customer voice and the customer deck texts ask for the evidence, the signals, the severity, the
 * rule, the risk level, stated reasons and internal notes. Customer text is rendered with the
 * customer's allow-list only (analysis/customer-context.ts), so each probe prints with every
 * field empty — "PROBE[||||…]" — and no internal value reaches any byte of the decks.
 */
const HOSTILE_FIELDS = [
  "evidence.healthScore.value",
  "evidence.greenSignals.[0].value",
  "evidence.nps",
  "evidence.reason",
  "evidence.risk",
  "evidence",
  "signals.nps",
  "signals.healthScore.value",
  "account.signals.csat.value",
  "internalNotes",
  "account.internalNotes",
  "statedReasons",
  "externalRisks",
  "severity",
  "rule",
  "variant",
  "riskLevel",
  "findingsCount",
  "highCount",
  "watermelon",
  "arrAtRisk",
  "goal.status",
  "task.notes",
];
const probe = (name: string) => `${name}[${HOSTILE_FIELDS.map((field) => `{{${field}}}`).join("|")}]`;
const emptyProbe = (name: string) => `${name}[${"|".repeat(HOSTILE_FIELDS.length - 1)}]`;

/** Distinctive internal values: none may appear in a customer deck. */
const SECRETS = {
  healthScore: "77.7531",
  nps: "9.8765",
  csat: "4.3219",
  internalNotes: "NOTE-SECRET-5c1e",
  statedReason: "REASON-SECRET-too expensive",
  externalRisk: "RISK-SECRET-merger",
};

function hostileAccount(dir: string): string {
  const text = readFileSync(path.join(SAMPLES_DIR, "northwind-logistics.yaml"), "utf8")
    .replace(
      "healthScore: { value: 86, max: 100 }",
      `healthScore: { value: ${SECRETS.healthScore}, max: 100 }`,
    )
    .replace("nps: 9", `nps: ${SECRETS.nps}`)
    .replace("csat: { value: 4.6, max: 5 }", `csat: { value: ${SECRETS.csat}, max: 5 }`)
    .replace("- Price is too high for what we use", `- ${SECRETS.statedReason}`)
    .replace("- Parent company merger announced", `- ${SECRETS.externalRisk}`)
    .replace(/internalNotes: .*/, `internalNotes: "${SECRETS.internalNotes}"`)
    .replace("logo: ./logos/northwind.png", "")
    // The CSM's own summary replaces the customer headline this test probes.
    .replace(/ {2}summary: >-\n( {4}.*\n)+/, "");
  const file = path.join(dir, "northwind.yaml");
  writeFileSync(file, text);
  return file;
}

/** Every prompt file with a probing customer voice, and the customer deck texts probing too. */
function hostileTemplates(dir: string): string {
  const templates = path.join(dir, "templates");
  mkdirSync(path.join(templates, "prompts"), { recursive: true });
  for (const name of readdirSync(path.join(SAMPLES_DIR, "../templates/prompts"))) {
    writeFileSync(
      path.join(templates, "prompts", name),
      [
        'title: "Internal title"',
        'summary: "Internal summary"',
        "internal:",
        '  - "Internal question"',
        "customer:",
        `  - "${probe("PROBE")}"`,
      ].join("\n"),
    );
  }
  writeFileSync(
    path.join(templates, "deck.yaml"),
    [
      `cover.notes.customer: "${probe("NOTES")}"`,
      `summary.headline.customer: "${probe("HEADLINE")}"`,
      `goal.task.open: "${probe("TASK")}"`,
      `goal.notes.customer: "${probe("GOAL")}"`,
    ].join("\n"),
  );
  return templates;
}

function expectNoSecrets(text: string, where: string): void {
  for (const [name, value] of Object.entries(SECRETS)) expect(text, `${where}: ${name}`).not.toContain(value);
  expect(text, where).not.toContain("[object Object]");
}

describe("customer-voice templates see the customer's allow-list only", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "qbr-hostile-tpl-"));
  const accountFile = hostileAccount(dir);
  const templatesDir = hostileTemplates(dir);

  it("prints every probe with its internal fields empty, in both kinds of customer deck", () => {
    const account = loadAccount(accountFile, readFileSync(accountFile));
    const templates = loadTemplates(templatesDir);
    const analysis = analyseAccount(account, { asOf: account.review.asOf!, templates });
    for (const kind of ["qbr", "renewal"] as const) {
      const deck = buildDeck(analysis, {
        audience: "customer",
        kind,
        theme: loadTheme(),
        templates,
        logo: null,
        producer: "test",
      });
      const text = deckText(deck);
      expect(text).toContain(emptyProbe("PROBE"));
      expect(text).toContain(emptyProbe("NOTES"));
      expect(text).toContain(emptyProbe("HEADLINE"));
      expect(text).toContain(emptyProbe("GOAL"));
      if (kind === "qbr") expect(text).toContain(emptyProbe("TASK"));
      expect(text).not.toMatch(/(PROBE|NOTES|HEADLINE|GOAL|TASK)\[\|*[^|\]]/);
      expectNoSecrets(text, kind);
    }
    // The internal voice still sees the evidence: the guarantee is about the customer's text.
    const internal = deckText(
      buildDeck(analysis, {
        audience: "internal",
        kind: "qbr",
        theme: loadTheme(),
        templates,
        logo: null,
        producer: "test",
      }),
    );
    expect(internal).toContain(SECRETS.internalNotes);
  });

  const tools = missingTools("qpdf", "pdftotext");
  it.skipIf(tools.length > 0)(
    `keeps the internal values out of every byte of the customer PPTX and PDF${skipReason(tools)}`,
    async () => {
      const out = path.join(dir, "out");
      const result = await qbrIn([
        "generate",
        accountFile,
        "-o",
        out,
        "-f",
        "pptx,pdf",
        "--audience",
        "customer",
        "--kind",
        "qbr,renewal",
        "--templates",
        templatesDir,
      ]);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(result.code).toBe(0);
      const decks = readdirSync(out).filter(
        (name) => /\.(pptx|pdf)$/.test(name) && !name.startsWith("portfolio"),
      );
      expect(decks).toHaveLength(4);
      for (const name of decks) {
        const file = path.join(out, name);
        if (name.endsWith(".pptx")) {
          const text = await zipText(readFileSync(file));
          expect(text, name).toContain(emptyProbe("PROBE"));
          expectNoSecrets(text, name);
        } else {
          const text = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" });
          expect(text.replace(/\s+/g, ""), name).toContain(emptyProbe("PROBE"));
          expectNoSecrets(text, name);
          const expanded = path.join(dir, `${name}.qdf`);
          execFileSync("qpdf", ["--qdf", "--object-streams=disable", file, expanded]);
          expectNoSecrets(readFileSync(expanded, "latin1"), `${name} (expanded)`);
        }
      }
    },
    120_000,
  );
});

/** Every part of a zip as text, embedded workbooks (zips themselves) opened too. */
async function zipText(bytes: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = await Promise.all(
    Object.values(zip.files)
      .filter((entry) => !entry.dir)
      .map(async (entry) =>
        /\.(xlsx|zip)$/.test(entry.name) ? zipText(await entry.async("uint8array")) : entry.async("string"),
      ),
  );
  return parts.join("\n");
}
