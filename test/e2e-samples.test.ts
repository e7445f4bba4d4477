import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import { RULES } from "../src/analysis/rules/index.js";
import { SAMPLES_DIR } from "./helpers/accounts.js";
import { qbr } from "./helpers/cli.js";
import { validateOoxml } from "./helpers/ooxml.js";
import { missingTools, skipReason } from "./helpers/tools.js";

/**
 * The real job end to end: `qbr generate` over samples/, every kind, audience and format,
 * then open every file — as XML, as text, against the Office Open XML schemas, and in
 * LibreOffice / qpdf / poppler.
 */
const out = mkdtempSync(path.join(os.tmpdir(), "qbr-e2e-"));
const args = [
  "generate",
  SAMPLES_DIR,
  "-f",
  "pptx,pdf",
  "--audience",
  "internal,customer",
  "--kind",
  "qbr,renewal,kickoff,onepager",
];
const files = () =>
  readdirSync(out)
    .filter((name) => /\.(pptx|pdf)$/.test(name) && !name.startsWith("portfolio"))
    .sort();
const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");
const isCustomer = (name: string) => !name.includes("-internal.");
const INTERNAL_MARKERS = ["QBR-INTERNAL-MARKER", "watermelon", "Watermelon", "proxy", "Health score", "NPS"];

async function pptxText(file: string): Promise<{ slides: number; text: string }> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const names = Object.keys(zip.files).filter((name) =>
    /^(ppt\/(slides|slideLayouts|slideMasters|notesSlides|charts)\/.*\.xml|docProps\/.*\.xml)$/.test(name),
  );
  const texts = await Promise.all(names.map((name) => zip.file(name)!.async("string")));
  return {
    slides: Object.keys(zip.files).filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name)).length,
    text: texts.join("\n"),
  };
}

beforeAll(() => {
  const result = qbr([...args, "-o", out]);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(result.code).toBe(0);
}, 300_000);

describe("qbr generate over the samples", () => {
  it("writes every kind, audience and format for every sample with SPEC names", () => {
    const samples = readdirSync(SAMPLES_DIR).filter((name) => name.endsWith(".yaml"));
    expect(files()).toHaveLength(samples.length * 16);
    expect(files()).toEqual(
      expect.arrayContaining([
        "nw-1042-qbr-internal.pptx",
        "nw-1042-qbr.pdf",
        "mf-7731-renewal-internal.pdf",
        "kes-0318-kickoff.pptx",
        "ahc-2207-onepager-internal.pdf",
      ]),
    );
    const manifest = JSON.parse(readFileSync(path.join(out, "manifest.json"), "utf8")) as {
      accounts: { files: { kind: string }[] }[];
    };
    const kinds = new Set(manifest.accounts.flatMap((entry) => entry.files.map((file) => file.kind)));
    expect([...kinds].sort()).toEqual(["kickoff", "onepager", "qbr", "renewal"]);
  });

  it("puts the internal notes in internal decks only — slides, layouts, charts, notes and properties of both formats", async () => {
    for (const name of files().filter((file) => file.endsWith(".pptx"))) {
      const { text } = await pptxText(path.join(out, name));
      if (!isCustomer(name)) continue;
      for (const marker of INTERNAL_MARKERS) expect(text, `${name}: ${marker}`).not.toContain(marker);
      for (const rule of RULES) expect(text, `${name}: ${rule.name}`).not.toContain(rule.name);
    }
    const northwind = await pptxText(path.join(out, "nw-1042-qbr-internal.pptx"));
    expect(northwind.text).toContain("QBR-INTERNAL-MARKER-7f3a");
  });

  it("gives byte-identical files when run again in another process", () => {
    const again = mkdtempSync(path.join(os.tmpdir(), "qbr-e2e-again-"));
    expect(qbr([...args, "-o", again]).code).toBe(0);
    for (const name of files()) expect(sha(path.join(again, name)), name).toBe(sha(path.join(out, name)));
  }, 300_000);
});

const pdfTools = missingTools("qpdf", "pdftotext", "pdfinfo");
describe.skipIf(pdfTools.length > 0)(`PDF interop${skipReason(pdfTools)}`, () => {
  it("qpdf --check passes on every PDF, and the text holds the account, goals and figures", () => {
    for (const name of files().filter((file) => file.endsWith(".pdf"))) {
      const file = path.join(out, name);
      expect(() => execFileSync("qpdf", ["--check", file], { stdio: "pipe" }), name).not.toThrow();
      const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
      if (isCustomer(name))
        for (const marker of INTERNAL_MARKERS) expect(text, `${name}: ${marker}`).not.toContain(marker);
      if (name.includes("-onepager")) {
        const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
        expect(info, `${name} is one page`).toMatch(/^Pages:\s+1$/m);
      }
    }
    const text = execFileSync("pdftotext", [path.join(out, "nw-1042-qbr-internal.pdf"), "-"], {
      encoding: "utf8",
    });
    for (const expected of [
      "Northwind Logistics",
      "Cut the support ticket backlog",
      "42%",
      "$57,000",
      "0.24× ARR",
      "QBR-INTERNAL-MARKER-7f3a",
    ]) {
      expect(text).toContain(expected);
    }
    const kestrel = execFileSync("pdftotext", [path.join(out, "kes-0318-qbr-internal.pdf"), "-"], {
      encoding: "utf8",
    });
    expect(kestrel).toContain("Ольга Смирнова");
    expect(kestrel).toContain("Νίκος Παπαδόπουλος");
    const info = execFileSync("pdfinfo", [path.join(out, "nw-1042-qbr.pdf")], { encoding: "utf8" });
    expect(info).toMatch(/Author:\s+Dana Reyes/);
    expect(info).toMatch(/Title:\s+Northwind Logistics — Quarterly Business Review Q3 2025/);
  });
});

const officeTools = missingTools("soffice", "pdfinfo");
describe.skipIf(officeTools.length > 0)(`LibreOffice opens every PPTX${skipReason(officeTools)}`, () => {
  it("converts each deck to PDF with one page per slide", async () => {
    const pptx = files().filter((file) => file.endsWith(".pptx"));
    const converted = mkdtempSync(path.join(os.tmpdir(), "qbr-e2e-soffice-"));
    const profile = pathToFileURL(path.join(converted, "profile")).href;
    execFileSync(
      "soffice",
      [
        `-env:UserInstallation=${profile}`,
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        converted,
        ...pptx.map((name) => path.join(out, name)),
      ],
      { stdio: "ignore", timeout: 280_000 },
    );
    for (const name of pptx) {
      const pdf = path.join(converted, name.replace(/\.pptx$/, ".pdf"));
      const pages = Number(
        /^Pages:\s+(\d+)/m.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))?.[1],
      );
      expect(pages, name).toBe((await pptxText(path.join(out, name))).slides);
    }
  }, 300_000);
});

const schemaTools = missingTools("xmllint");
describe.skipIf(schemaTools.length > 0)(`PowerPoint has nothing to repair${skipReason(schemaTools)}`, () => {
  it("every XML part of every PPTX — the portfolio deck's too — and of their chart workbooks is schema-valid", () => {
    // Several accounts in one run: the portfolio deck is written too.
    const pptx = readdirSync(out).filter((name) => name.endsWith(".pptx"));
    expect(pptx).toContain("portfolio-internal.pptx");
    expect(pptx).toHaveLength(files().filter((name) => name.endsWith(".pptx")).length + 1);
    const report = validateOoxml(pptx.map((name) => ({ name, bytes: readFileSync(path.join(out, name)) })));
    expect(report.errors).toEqual([]);
    expect(report.invalidParts).toBe(0);
    // Slides, layouts, masters, notes, charts, relationships, properties… and the workbooks' parts.
    expect(report.parts).toBeGreaterThan(pptx.length * 60);
  });
});
