import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { SAMPLES_DIR } from "./helpers/accounts.js";
import { qbr, qbrIn } from "./helpers/cli.js";
import { missingTools, skipReason } from "./helpers/tools.js";

const tmp = () => mkdtempSync(path.join(os.tmpdir(), "qbr-gen-"));
const northwind = path.join(SAMPLES_DIR, "northwind-logistics.yaml");
const alpine = path.join(SAMPLES_DIR, "alpine-health-clinics.yaml");

async function zipText(file: string, pattern: RegExp): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const names = Object.keys(zip.files).filter((name) => pattern.test(name));
  return (await Promise.all(names.map((name) => zip.file(name)!.async("string")))).join("\n");
}

describe("qbr generate, one account", () => {
  it("writes the SPEC names, prints them and exits 0", () => {
    const out = tmp();
    const result = qbr(["generate", northwind, "-o", out, "-f", "pptx,pdf"]);
    expect(result.code).toBe(0);
    expect(readdirSync(out)).toEqual(
      expect.arrayContaining(["nw-1042-qbr-internal.pptx", "nw-1042-qbr-internal.pdf"]),
    );
    expect(result.stdout).toContain(path.join(out, "nw-1042-qbr-internal.pptx"));
  });

  it("exits 2 and writes nothing for an invalid single file", async () => {
    const dir = tmp();
    const file = path.join(dir, "bad.yaml");
    writeFileSync(file, readFileSync(alpine, "utf8").replace("arr: 90000", "arr: zero"));
    const out = path.join(dir, "out");
    const result = await qbrIn(["generate", file, "-o", out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/bad\.yaml:\d+:\d+ contract\.arr — expected a number, got "zero"/);
    const written = (() => {
      try {
        return readdirSync(out).filter((name) => /\.(pptx|pdf)$/.test(name));
      } catch {
        return [];
      }
    })();
    expect(written).toEqual([]);
  });

  it("rejects bad option values as usage errors", async () => {
    for (const args of [
      ["-f", "docx"],
      ["--audience", "everyone"],
      ["--kind", "monthly"],
      ["--as-of", "yesterday"],
      ["--renewal-within", "-3"],
      ["--pdf-standard", "pdfa-1"],
    ]) {
      const result = await qbrIn(["generate", alpine, "-o", tmp(), ...args]);
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it("applies a --theme file to the PowerPoint, and reports a bad one with its location", async () => {
    const dir = tmp();
    const theme = path.join(dir, "brand.yaml");
    writeFileSync(theme, "colors:\n  primary: '#7A1FA2'\nfonts:\n  heading: Georgia\n");
    const out = path.join(dir, "out");
    expect((await qbrIn(["generate", alpine, "-o", out, "-f", "pptx", "--theme", theme])).code).toBe(0);
    const slides = await zipText(path.join(out, "ahc-2207-qbr-internal.pptx"), /^ppt\/slides\/slide2\.xml$/);
    expect(slides).toContain("7A1FA2");
    expect(slides).toContain('typeface="Georgia"');
    writeFileSync(theme, "colors:\n  primary: purple\n");
    const bad = await qbrIn(["generate", alpine, "-o", out, "--theme", theme]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`${theme}:2:12 colors.primary — expected a hex colour`);
  });

  it("uses --templates to change the wording", async () => {
    const dir = tmp();
    mkdirSync(path.join(dir, "tpl"));
    writeFileSync(path.join(dir, "tpl", "deck.yaml"), 'summary.title: "Where we stand together"\n');
    const out = path.join(dir, "out");
    expect(
      (await qbrIn(["generate", alpine, "-o", out, "-f", "pptx", "--templates", path.join(dir, "tpl")])).code,
    ).toBe(0);
    expect(
      await zipText(path.join(out, "ahc-2207-qbr-internal.pptx"), /^ppt\/slides\/slide2\.xml$/),
    ).toContain("Where we stand together");
  });

  it("warns, naming the characters, when the PDF font lacks glyphs", async () => {
    const dir = tmp();
    const file = path.join(dir, "cjk.yaml");
    writeFileSync(
      file,
      readFileSync(alpine, "utf8").replace("name: Alpine Health Clinics", "name: Alpine 日本 Clinics"),
    );
    const result = await qbrIn(["generate", file, "-o", path.join(dir, "out"), "-f", "pdf"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/warning: .*"日", "本"/);
  });

  it("filters by --renewal-within", async () => {
    const out = tmp();
    // Alpine renews 2026-01-31, 77 days after its asOf 2025-11-15.
    expect(
      (await qbrIn(["generate", alpine, "-o", out, "--renewal-within", "60", "-f", "pdf"])).stdout,
    ).toContain("skipped");
    expect(readdirSync(out).filter((name) => name.endsWith(".pdf"))).toEqual([]);
    await qbrIn(["generate", alpine, "-o", out, "--renewal-within", "80", "-f", "pdf"]);
    expect(readdirSync(out)).toContain("ahc-2207-qbr-internal.pdf");
  });

  it("keeps only renewals still ahead with --renewal-within: a passed renewal is not within 0 days", async () => {
    const out = tmp();
    const run = (asOf: string) =>
      qbrIn(["generate", alpine, "-o", out, "--as-of", asOf, "--renewal-within", "0", "-f", "pdf"]);
    // Alpine renews 2026-01-31.
    const passed = await run("2026-03-01");
    expect(passed.code).toBe(0);
    expect(passed.stdout).toContain("skipped (renewal date passed 29 days ago)");
    expect(readdirSync(out).filter((name) => name.endsWith(".pdf"))).toEqual([]);
    expect((await run("2026-01-31")).code).toBe(0);
    expect(readdirSync(out)).toContain("ahc-2207-qbr-internal.pdf");
  });

  it("warns when --compare-to is not before the as-of date instead of leaving 'what changed' out silently", async () => {
    const withAsOf = await qbrIn([
      "generate",
      alpine,
      "-o",
      tmp(),
      "-f",
      "pdf",
      "--as-of",
      "2025-11-15",
      "--compare-to",
      "2025-11-15",
    ]);
    expect(withAsOf.code).toBe(0);
    expect(withAsOf.stderr).toContain(
      'warning: --compare-to 2025-11-15 is not before --as-of 2025-11-15; the decks have no "what changed" slide',
    );
    // Without --as-of each account's own review date counts: Alpine's is 2025-11-15.
    const perAccount = await qbrIn([
      "generate",
      alpine,
      "-o",
      tmp(),
      "-f",
      "pdf",
      "--compare-to",
      "2025-12-01",
    ]);
    expect(perAccount.code).toBe(0);
    expect(perAccount.stderr).toMatch(
      /warning: .*alpine-health-clinics\.yaml: --compare-to 2025-12-01 is not before the account's as-of date 2025-11-15/,
    );
  });
});

const qpdf = missingTools("qpdf", "pdfinfo");
describe.skipIf(qpdf.length > 0)(`sharing-grade PDFs${skipReason(qpdf)}`, () => {
  it("encrypts with AES-256 from a password file, and forbids modifying", async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, "pw.txt"), "s3cret-sponsor\n");
    const out = path.join(dir, "out");
    const result = await qbrIn([
      "generate",
      alpine,
      "-o",
      out,
      "-f",
      "pdf",
      "--audience",
      "customer",
      "--pdf-password-file",
      path.join(dir, "pw.txt"),
    ]);
    expect(result.code).toBe(0);
    const pdf = path.join(out, "ahc-2207-qbr.pdf");
    const encryption = execFileSync("qpdf", ["--show-encryption", "--password=s3cret-sponsor", pdf], {
      encoding: "utf8",
    });
    expect(encryption).toMatch(/AESv3|256/);
    expect(encryption).toMatch(/modify anything: not allowed/);
    expect(encryption).toMatch(/print high resolution: allowed/);
    expect(() =>
      execFileSync("qpdf", ["--check", "--password=s3cret-sponsor", pdf], { stdio: "pipe" }),
    ).not.toThrow();
    expect(() => execFileSync("qpdf", ["--check", pdf], { stdio: "pipe" })).toThrow();
  });

  it("takes the password from QBR_PDF_PASSWORD", async () => {
    const out = tmp();
    expect(
      (await qbrIn(["generate", alpine, "-o", out, "-f", "pdf"], { env: { QBR_PDF_PASSWORD: "from-env" } }))
        .code,
    ).toBe(0);
    const encryption = execFileSync(
      "qpdf",
      ["--show-encryption", "--password=from-env", path.join(out, "ahc-2207-qbr-internal.pdf")],
      {
        encoding: "utf8",
      },
    );
    expect(encryption).toMatch(/AESv3|256/);
  });

  it("writes PDF/A-2b on request, tagged with language and title, and refuses PDF/A with a password", async () => {
    const out = tmp();
    expect(
      (await qbrIn(["generate", alpine, "-o", out, "-f", "pdf", "--pdf-standard", "pdfa-2b"])).code,
    ).toBe(0);
    const pdf = path.join(out, "ahc-2207-qbr-internal.pdf");
    expect(() => execFileSync("qpdf", ["--check", pdf], { stdio: "pipe" })).not.toThrow();
    const meta = execFileSync("pdfinfo", ["-meta", pdf], { encoding: "utf8" });
    expect(meta).toMatch(/pdfaid:part>2<|pdfaid:part="2"/);
    expect(execFileSync("pdfinfo", [pdf], { encoding: "utf8" })).toMatch(/Tagged:\s+yes/);
    const both = await qbrIn([
      "generate",
      alpine,
      "-o",
      out,
      "--pdf-standard",
      "pdfa-2b",
      "--pdf-password",
      "x",
    ]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("PDF/A forbids encryption");
  });
});
