import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { RULES } from "../../src/analysis/rules/index.js";
import { analyse, loadSample } from "./accounts.js";
import { SAMPLE_FILES } from "./batch.js";

/**
 * Reading an output folder the way a recipient could: every file, hidden ones included, with
 * every byte made readable — a zip's (PPTX's, an embedded workbook's) entries inflated, a PDF's
 * streams expanded and decrypted by qpdf plus its text from pdftotext, a web page's data: URIs
 * decoded, anything else as it is.
 */

const isZip = (bytes: Buffer) => bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
const isPdf = (bytes: Buffer) => bytes.subarray(0, 5).toString("latin1") === "%PDF-";

async function zipContent(bytes: Buffer, pdfPassword: string | undefined): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const parts: string[] = [];
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    parts.push(await readable(Buffer.from(await entry.async("uint8array")), pdfPassword));
  }
  return parts.join("\n");
}

function pdfContent(bytes: Buffer, pdfPassword: string | undefined): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "qbr-scan-")), "file.pdf");
  writeFileSync(file, bytes);
  const expanded = execFileSync(
    "qpdf",
    [
      ...(pdfPassword ? [`--password=${pdfPassword}`] : []),
      "--qdf",
      "--object-streams=disable",
      "--decrypt",
      file,
      "-",
    ],
    { maxBuffer: 64 * 1024 * 1024 },
  ).toString("latin1");
  const text = execFileSync("pdftotext", [...(pdfPassword ? ["-upw", pdfPassword] : []), file, "-"], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  rmSync(path.dirname(file), { recursive: true, force: true });
  return `${expanded}\n${text}`;
}

const isHtml = (bytes: Buffer) => /^<!doctype html/i.test(bytes.subarray(0, 15).toString("latin1"));
const DATA_URI = /data:[a-z/+.-]+;base64,([A-Za-z0-9+/=]+)/g;

/** A web page with each data: URI (font, logo) decoded in place, as a browser would read it. */
async function htmlContent(bytes: Buffer, pdfPassword: string | undefined): Promise<string> {
  const page = bytes.toString("utf8");
  const parts: string[] = [page.replace(DATA_URI, "data:")];
  for (const match of page.matchAll(DATA_URI)) {
    parts.push(await readable(Buffer.from(match[1] ?? "", "base64"), pdfPassword));
  }
  return parts.join("\n");
}

async function readable(bytes: Buffer, pdfPassword: string | undefined): Promise<string> {
  if (isZip(bytes)) return zipContent(bytes, pdfPassword);
  if (isPdf(bytes)) return pdfContent(bytes, pdfPassword);
  if (isHtml(bytes)) return htmlContent(bytes, pdfPassword);
  return bytes.toString("utf8");
}

/** Every file under `dir` (hidden ones too), relative, with its readable content. */
export async function folderContents(
  dir: string,
  pdfPassword?: string,
): Promise<{ name: string; content: string }[]> {
  const names = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
  const contents = [];
  for (const name of names) {
    contents.push({ name, content: await readable(readFileSync(path.join(dir, name)), pdfPassword) });
  }
  return contents;
}

/**
 * What must not be in a file of a customer-only run unless its name says `internal`: the
 * manifest's and the CSV's risk field names, every rule name, the words the internal decks use
 * for findings and signals, and, for each sample, its internal notes and its findings' titles.
 */
export function internalMarkers(): string[] {
  const perSample = SAMPLE_FILES.flatMap((name) => {
    const account = loadSample(name);
    return [
      ...(account.internalNotes ? [account.internalNotes] : []),
      ...analyse(account).findings.map((finding) => finding.title),
    ];
  });
  return [
    "riskLevel",
    "risk_level",
    "topFinding",
    "top_finding",
    "watermelon",
    "Watermelon",
    "QBR-INTERNAL-MARKER",
    "Health score",
    "NPS",
    ...RULES.map((rule) => rule.name),
    ...perSample,
  ];
}
