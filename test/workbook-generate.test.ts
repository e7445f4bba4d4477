import { readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { workbookSource } from "../src/batch/account-sources.js";
import type { ManifestAccount } from "../src/batch/manifest.js";
import { SAMPLES_DIR } from "./helpers/accounts.js";
import { readJson, tempDir } from "./helpers/batch.js";
import { qbr } from "./helpers/cli.js";

/**
 * `qbr generate plans.xlsx`: every account of a workbook is a source of the batch
 * (`plans.xlsx#ID`), failing alone, skipped when its rows are unchanged. Runs the built CLI.
 */

const FAST = ["--format", "pptx", "--audience", "internal", "--kind", "qbr", "--allow-outside-assets"];

/** What the figures of a manifest entry are, whatever file the account came from. */
function figures(entry: ManifestAccount) {
  const { source: _source, files: _files, inputHash: _hash, warnings: _warnings, ...rest } = entry;
  return rest;
}

async function editWorkbook(file: string, edit: (workbook: ExcelJS.Workbook) => void): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  edit(workbook);
  await workbook.xlsx.writeFile(file);
}

describe("qbr generate plans.xlsx", () => {
  it("renders every account of a workbook with the same figures as from the YAML files", () => {
    const dir = tempDir("qbr-wb-generate-");
    const book = path.join(dir, "plans.xlsx");
    expect(qbr(["export", SAMPLES_DIR, "-o", book]).code).toBe(0);
    const fromBook = qbr(["generate", book, "-o", path.join(dir, "book"), ...FAST]);
    expect(fromBook.stderr).not.toContain("failed");
    expect(fromBook.code).toBe(0);
    const fromYaml = qbr(["generate", SAMPLES_DIR, "-o", path.join(dir, "yaml"), ...FAST]);
    expect(fromYaml.code).toBe(0);
    const bookManifest = readJson(path.join(dir, "book", "manifest.json"));
    const yamlManifest = readJson(path.join(dir, "yaml", "manifest.json"));
    const bookEntries = bookManifest.accounts as ManifestAccount[];
    expect(bookEntries.map((entry) => entry.source)).toEqual([
      `${book}#AHC-2207`,
      `${book}#KES-0318`,
      `${book}#MF-7731`,
      `${book}#NW-1042`,
    ]);
    expect(bookEntries.map(figures)).toEqual((yamlManifest.accounts as ManifestAccount[]).map(figures));
    expect(bookEntries.every((entry) => entry.status === "written" && entry.files.length === 1)).toBe(true);
    // The portfolio summary is made from the same figures.
    const csv = (folder: string) =>
      readFileSync(path.join(dir, folder, "portfolio-internal.csv"), "utf8")
        .split("\n")
        .map((line) => line.replace(/,[^,]*$/, "")); // the last column is the source
    expect(csv("book")).toEqual(csv("yaml"));
  });

  it("fails a bad account alone, located at its cell, and re-renders only accounts whose rows changed", async () => {
    const dir = tempDir("qbr-wb-generate-");
    const book = path.join(dir, "plans.xlsx");
    const out = path.join(dir, "out");
    expect(qbr(["export", SAMPLES_DIR, "-o", book]).code).toBe(0);
    await editWorkbook(book, (workbook) => {
      const goals = workbook.getWorksheet("Goals")!;
      // The row of northwind's second goal (accounts are written in id order).
      const row = goals.getRows(2, goals.rowCount - 1)!.filter((r) => r.getCell(1).value === "NW-1042")[1]!;
      row.getCell("J").value = "abc";
    });
    const first = qbr(["generate", book, "-o", out, ...FAST]);
    expect(first.code).toBe(1);
    expect(first.stderr).toMatch(
      /plans\.xlsx:Goals!J\d+ goals\[1\]\.baseline\.value — expected a number, got "abc"/,
    );
    const manifest = readJson(path.join(out, "manifest.json"));
    const statuses = Object.fromEntries(
      (manifest.accounts as ManifestAccount[]).map((entry) => [entry.source, entry.status]),
    );
    expect(statuses).toEqual({
      [`${book}#AHC-2207`]: "written",
      [`${book}#KES-0318`]: "written",
      [`${book}#MF-7731`]: "written",
      [`${book}#NW-1042`]: "failed",
    });

    // Unchanged rows: nothing rendered again.
    const second = qbr(["generate", book, "-o", out, ...FAST]);
    const again = readJson(path.join(out, "manifest.json")).accounts as ManifestAccount[];
    expect(second.code).toBe(1);
    expect(again.filter((entry) => entry.status === "skipped-unchanged")).toHaveLength(3);

    // One account's cell changed: that account alone is rendered again.
    await editWorkbook(book, (workbook) => {
      const accounts = workbook.getWorksheet("Accounts")!;
      const row = accounts.getRows(2, accounts.rowCount - 1)!.find((r) => r.getCell(1).value === "KES-0318")!;
      row.getCell("B").value = "Kestrel Analytics (renamed)";
      const goals = workbook.getWorksheet("Goals")!;
      for (const goal of goals.getRows(2, goals.rowCount - 1)!) {
        if (goal.getCell("J").value === "abc") goal.getCell("J").value = 10;
      }
    });
    const third = qbr(["generate", book, "-o", out, ...FAST]);
    expect(third.code).toBe(0);
    const after = readJson(path.join(out, "manifest.json")).accounts as ManifestAccount[];
    expect(Object.fromEntries(after.map((entry) => [entry.source, entry.status]))).toEqual({
      [`${book}#AHC-2207`]: "skipped-unchanged",
      [`${book}#KES-0318`]: "written",
      [`${book}#MF-7731`]: "skipped-unchanged",
      [`${book}#NW-1042`]: "written",
    });
  });

  it("names a workbook's account by the workbook and its id, escaping what would make it a path", () => {
    expect(workbookSource("plans.xlsx", "NW-1042")).toBe("plans.xlsx#NW-1042");
    expect(workbookSource("a/plans.xlsx", "EU/7%")).toBe("a/plans.xlsx#EU%2F7%25");
  });
});
