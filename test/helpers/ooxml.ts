import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { unzipSync } from "fflate";

/**
 * Schema check of Office Open XML packages: every XML part of each PPTX (and of the chart
 * workbooks embedded in it) against the ISO/IEC 29500 transitional and OPC schemas in
 * test/ooxml-schemas/, with xmllint. PowerPoint is stricter than LibreOffice about element order
 * and required elements; a part that fails here is one it may offer to "repair".
 *
 * The same check as ../shared/ooxml-schemas/validate-ooxml.sh, but with one xmllint process per
 * schema for all parts of all packages (the script starts one per part: ~25 s per deck, against
 * well under a second here).
 */

export interface OoxmlPackage {
  /** Shown in error lines: "name!part:line: message". */
  name: string;
  bytes: Uint8Array;
}

export interface OoxmlReport {
  files: number;
  parts: number;
  invalidParts: number;
  /** One line per schema error, "file.pptx!part:line: message" (at most three per part). */
  errors: string[];
}

export const SCHEMA_DIR = path.resolve(import.meta.dirname, "../ooxml-schemas");
const TRANSITIONAL = path.join(SCHEMA_DIR, "transitional");
const OPC = path.join(SCHEMA_DIR, "opc");

/** The schema for a part, by its root element (as the parts are written, with their prefixes). */
function schemaFor(root: string): string | undefined {
  switch (root) {
    case "p:sld":
    case "p:sldLayout":
    case "p:sldMaster":
    case "p:presentation":
    case "p:notes":
    case "p:notesMaster":
    case "p:presentationPr":
    case "p:viewPr":
    case "p:handoutMaster":
      return path.join(TRANSITIONAL, "pml.xsd");
    case "a:theme":
    case "a:tblStyleLst":
      return path.join(TRANSITIONAL, "dml-main.xsd");
    case "c:chartSpace":
      return path.join(TRANSITIONAL, "dml-chart.xsd");
    case "worksheet":
    case "workbook":
    case "styleSheet":
    case "sst":
    case "table":
    case "x:worksheet":
    case "x:workbook":
    case "x:styleSheet":
    case "x:sst":
    case "x:table":
      return path.join(TRANSITIONAL, "sml.xsd");
    case "Properties":
      return path.join(TRANSITIONAL, "shared-documentPropertiesExtended.xsd");
    case "Types":
      return path.join(OPC, "opc-contentTypes.xsd");
    case "Relationships":
      return path.join(OPC, "opc-relationships.xsd");
    case "cp:coreProperties":
      return path.join(OPC, "opc-coreProperties.xsd");
    default:
      return undefined;
  }
}

const decoder = new TextDecoder();

function rootElement(xml: string): string {
  const head = xml
    .slice(0, 4000)
    .replace(/<\?[\s\S]*?\?>/g, "")
    .replace(/<!--[\s\S]*?-->/g, "");
  return /<([A-Za-z][A-Za-z0-9]*(?::[A-Za-z][A-Za-z0-9]*)?)/.exec(head)?.[1] ?? "";
}

/**
 * Markup compatibility (mc:Ignorable) and xml:space are processed before schema validation, as
 * Office does when it reads; they are not part of the schemas themselves.
 */
function asValidated(xml: string): string {
  return xml.replace(/ mc:Ignorable="[^"]*"/g, "").replace(/ xml:space="preserve"/g, "");
}

/** PowerPoint's own <a:buSzPct val="100000"/> (ECMA-376 1st edition) where ISO wants "100%". */
const ACCEPTED_ERROR = /buSzPct', attribute 'val': \[facet 'pattern'\] The value '\d+' /;

/** One distinct part text, written once and validated once for every part that has it. */
interface Part {
  labels: string[];
  file: string;
}

interface Collection {
  dir: string;
  /** Schema → distinct parts; many parts (layouts, themes, relationships) repeat across decks. */
  bySchema: Map<string, Part[]>;
  byText: Map<string, Part>;
  errors: string[];
  parts: number;
  invalid: number;
}

/** Writes every XML part of a package (and of its embedded workbooks) to `dir`, grouped by schema. */
function collectParts(pkg: { label: string; bytes: Uint8Array }, into: Collection): void {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(pkg.bytes);
  } catch {
    into.errors.push(`${pkg.label}: not a readable zip`);
    into.parts++;
    into.invalid++;
    return;
  }
  for (const name of Object.keys(entries).sort()) {
    const content = entries[name]!;
    if (/^ppt\/embeddings\/[^/]+\.xlsx$/.test(name)) {
      collectParts({ label: `${pkg.label}!${path.basename(name)}`, bytes: content }, into);
      continue;
    }
    if (!/\.(xml|rels)$/.test(name)) continue;
    into.parts++;
    const label = `${pkg.label}!${name}`;
    const xml = asValidated(decoder.decode(content));
    const seen = into.byText.get(xml);
    if (seen) {
      seen.labels.push(label);
      continue;
    }
    const root = rootElement(xml);
    const schema = schemaFor(root);
    if (!schema) {
      into.errors.push(`${label}: no schema for root element <${root}>`);
      into.invalid++;
      continue;
    }
    const part = { labels: [label], file: path.join(into.dir, `${into.byText.size}.xml`) };
    writeFileSync(part.file, xml);
    into.byText.set(xml, part);
    const parts = into.bySchema.get(schema) ?? [];
    parts.push(part);
    into.bySchema.set(schema, parts);
  }
}

/** Runs xmllint once per schema (in chunks, to keep command lines short) and reads its verdicts. */
function validateGroup(schema: string, parts: Part[], errors: string[]): number {
  let invalid = 0;
  const CHUNK = 500;
  for (let start = 0; start < parts.length; start += CHUNK) {
    const chunk = parts.slice(start, start + CHUNK);
    const run = spawnSync(
      "xmllint",
      ["--noout", "--nonet", "--schema", schema, ...chunk.map((p) => p.file)],
      {
        encoding: "utf8",
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    if (run.error) throw new Error(`xmllint could not run: ${run.error.message}`);
    const lines = run.stderr.split("\n");
    for (const part of chunk) {
      const prefix = `${part.file}:`;
      const problems = lines.filter(
        (line) =>
          line.startsWith(prefix) && /validity error|parser error/.test(line) && !ACCEPTED_ERROR.test(line),
      );
      const verdict = lines.find(
        (line) => line === `${part.file} validates` || line === `${part.file} fails to validate`,
      );
      const accepted = lines.some((line) => line.startsWith(prefix) && ACCEPTED_ERROR.test(line));
      const failedSilently = verdict !== `${part.file} validates` && problems.length === 0 && !accepted;
      if (problems.length === 0 && !failedSilently) continue;
      invalid += part.labels.length;
      const label =
        part.labels.length > 1
          ? `${part.labels[0]} (and ${part.labels.length - 1} more parts like it)`
          : part.labels[0]!;
      if (failedSilently) errors.push(`${label}: xmllint gave no verdict (exit ${run.status})`);
      for (const line of problems.slice(0, 3)) errors.push(line.replace(part.file, label));
    }
  }
  return invalid;
}

export function validateOoxml(packages: OoxmlPackage[]): OoxmlReport {
  const dir = mkdtempSync(path.join(tmpdir(), "qbr-ooxml-"));
  try {
    const into: Collection = {
      dir,
      bySchema: new Map(),
      byText: new Map(),
      errors: [],
      parts: 0,
      invalid: 0,
    };
    for (const pkg of packages) collectParts({ label: pkg.name, bytes: pkg.bytes }, into);
    for (const [schema, parts] of into.bySchema) into.invalid += validateGroup(schema, parts, into.errors);
    return { files: packages.length, parts: into.parts, invalidParts: into.invalid, errors: into.errors };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** "ooxml: V/N parts valid in F files", as validate-ooxml.sh ends. */
export function ooxmlSummary(report: OoxmlReport): string {
  return `ooxml: ${report.parts - report.invalidParts}/${report.parts} parts valid in ${report.files} files`;
}
