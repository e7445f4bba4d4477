import { createHash } from "node:crypto";
import {
  copyFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import type { GenerateSettings } from "../../src/batch/generate-account.js";
import { SAMPLES_DIR } from "./accounts.js";

/** Temp folders of account files for the batch tests, and readers for what a batch writes. */

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Settings of a plain batch run: internal QBR PDFs into `outDir`, on a fixed day. */
export function pdfBatchSettings(outDir: string): GenerateSettings {
  return {
    outDir,
    formats: ["pdf"],
    audiences: ["internal"],
    kinds: ["qbr"],
    today: "2025-10-31",
    render: {},
  };
}

export const SAMPLE_FILES = readdirSync(SAMPLES_DIR)
  .filter((name) => name.endsWith(".yaml"))
  .sort();

/** A sample's text with its account id replaced (so copies do not collide unless asked to). */
export function sampleWithId(name: string, id: string): string {
  return readFileSync(path.join(SAMPLES_DIR, name), "utf8").replace(
    /^( {2}id: ).*$/m,
    `$1${JSON.stringify(id)}`,
  );
}

/**
 * samples/*.yaml (with their logos), a logo-less copy of the sample that has a logo, and a broken
 * file. Returns the folder and the names of the valid and invalid files.
 */
export function makeAccountsDir(root: string): { dir: string; valid: string[]; broken: string } {
  const dir = path.join(root, "accounts");
  mkdirSync(dir, { recursive: true });
  for (const name of SAMPLE_FILES) copyFileSync(path.join(SAMPLES_DIR, name), path.join(dir, name));
  cpSync(path.join(SAMPLES_DIR, "logos"), path.join(dir, "logos"), { recursive: true });
  const withLogo = SAMPLE_FILES.find((name) =>
    /^\s+logo:/m.test(readFileSync(path.join(SAMPLES_DIR, name), "utf8")),
  )!;
  writeFileSync(
    path.join(dir, "no-logo.yaml"),
    sampleWithId(withLogo, "NOLOGO-1").replace(/^\s+logo:.*\n/m, ""),
  );
  writeFileSync(
    path.join(dir, "broken.yaml"),
    sampleWithId(SAMPLE_FILES[0]!, "BROKEN-1").replace(/^(\s+arr:).*$/m, "$1 lots"),
  );
  return { dir, valid: [...SAMPLE_FILES, "no-logo.yaml"].sort(), broken: "broken.yaml" };
}

export function sha256File(file: string): string {
  return createHash("sha256").update(readFileSync(file)).digest("hex");
}

export function readJson<T = any>(file: string): T {
  return JSON.parse(readFileSync(file, "utf8")) as T;
}

/** Files a batch left half-written (there must never be any). */
export function tempFilesIn(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((name) =>
    path.basename(name).startsWith(".qbr-tmp-"),
  );
}

/** RFC 4180 CSV (quoted fields, doubled quotes, newlines inside quotes) → rows of strings. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      row.push(field);
      field = "";
    } else if (char === "\n") {
      rows.push([...row, field]);
      row = [];
      field = "";
    } else if (char !== "\r") field += char;
  }
  if (field !== "" || row.length > 0) rows.push([...row, field]);
  return rows;
}

/** CSV rows as objects keyed by the header row. */
export function csvRecords(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  return rows.map((row) => Object.fromEntries(header!.map((name, index) => [name, row[index] ?? ""])));
}
