import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { pptxRenderer } from "../src/render/pptx/render-pptx.js";
import { buildFixtureDeck } from "./fixtures/pptx-deck.js";
import { missingTools, skipReason } from "./helpers/tools.js";

/** Interop: a real office suite (LibreOffice) opens the PPTX and lays out every slide. */
const missing = missingTools("soffice", "pdfinfo");
const reason = skipReason(missing);

describe.skipIf(missing.length > 0)(`LibreOffice interop${reason}`, () => {
  const directory = mkdtempSync(path.join(tmpdir(), "qbr-pptx-interop-"));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it("converts the PPTX to a PDF with one page per slide", async () => {
    const deck = buildFixtureDeck();
    const { bytes } = await pptxRenderer.render(deck, {});
    const input = path.join(directory, "fixture.pptx");
    writeFileSync(input, bytes);
    // A private profile so a conversion running elsewhere on the machine cannot block this one.
    const profile = pathToFileURL(path.join(directory, "profile")).href;
    execFileSync(
      "soffice",
      [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", "pdf", "--outdir", directory, input],
      { stdio: "ignore", timeout: 120_000 },
    );
    expect(readdirSync(directory)).toContain("fixture.pdf");
    const info = execFileSync("pdfinfo", [path.join(directory, "fixture.pdf")], { encoding: "utf8" });
    expect(Number(/^Pages:\s+(\d+)/m.exec(info)?.[1])).toBe(deck.slides.length);
  }, 150_000);
});
