import { AsyncLocalStorage } from "node:async_hooks";
import { createRequire } from "node:module";
import path from "node:path";
import { readPackage, type PackageFiles, type PackagePart } from "./postprocess/package.js";
import type { Presentation } from "./pptxgen.js";

/**
 * pptxgenjs builds every part of a PPTX as a string and hands it to JSZip, which zips the package
 * (and, for each chart, zips an Excel workbook, base64-encodes it and decodes it again to embed
 * it). postprocess/ then has to unzip all of it to fix and re-zip the parts. In a batch run that
 * round trip was ~40 % of a PPTX's cost. Here, while `writeParts` runs, the three JSZip methods
 * pptxgenjs calls (`file`, `folder`, `generateAsync`) only record the parts: the package comes back
 * as a map of part name → content (an embedded workbook as a map of its own), and the one zip that
 * is ever written is postprocess/'s deterministic one.
 *
 * The recording is scoped with AsyncLocalStorage, so JSZip behaves normally everywhere else in the
 * process (tests read decks with it). If the hooks cannot be installed (another jszip copy, a
 * changed pptxgenjs), `writeParts` falls back to pptxgenjs's real zip and unzips it: slower, same
 * bytes. `lastWriteCaptured` tells tests which path ran.
 */

interface Recording {
  /** The parts recorded for each JSZip instance pptxgenjs created. */
  parts: WeakMap<object, PackageFiles>;
  /** Workbooks "generated" as base64: the token handed to pptxgenjs → the workbook's parts. */
  workbooks: Map<string, PackageFiles>;
}

interface JSZipPrototype {
  file(this: object, ...args: unknown[]): unknown;
  folder(this: object, ...args: unknown[]): unknown;
  generateAsync(this: object, ...args: unknown[]): Promise<unknown>;
}

const recording = new AsyncLocalStorage<Recording>();
const TOKEN_PREFIX = "\u0000qbr-deck-workbook:";
const CAPTURED = Symbol("qbr-deck captured package");

interface CapturedPackage {
  [CAPTURED]: PackageFiles;
}

let hooksInstalled: boolean | undefined;
let capturedLast = false;

function jszipOfPptxgenjs(): { prototype: JSZipPrototype } | undefined {
  try {
    const require = createRequire(import.meta.url);
    const pptxgenDir = path.dirname(require.resolve("pptxgenjs"));
    const JSZip = require(require.resolve("jszip", { paths: [pptxgenDir] })) as { prototype?: unknown };
    const proto = JSZip.prototype as Partial<JSZipPrototype> | undefined;
    const usable =
      typeof proto?.file === "function" &&
      typeof proto.folder === "function" &&
      typeof proto.generateAsync === "function";
    return usable ? (JSZip as { prototype: JSZipPrototype }) : undefined;
  } catch {
    return undefined;
  }
}

function partsOf(current: Recording, zip: object): PackageFiles {
  let parts = current.parts.get(zip);
  if (!parts) {
    parts = new Map();
    current.parts.set(zip, parts);
  }
  return parts;
}

function recordedContent(current: Recording, data: unknown, options: unknown): PackagePart {
  const base64 = typeof options === "object" && options !== null && (options as { base64?: unknown }).base64;
  if (typeof data === "string") {
    if (!base64) return data;
    return current.workbooks.get(data) ?? new Uint8Array(Buffer.from(data, "base64"));
  }
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  throw new TypeError("pptxgenjs handed JSZip a part of an unexpected type");
}

function installHooks(): boolean {
  if (hooksInstalled !== undefined) return hooksInstalled;
  const JSZip = jszipOfPptxgenjs();
  hooksInstalled = JSZip !== undefined;
  if (!JSZip) return false;
  const proto = JSZip.prototype;
  const original = { file: proto.file, folder: proto.folder, generateAsync: proto.generateAsync };

  proto.file = function file(this: object, ...args: unknown[]) {
    const current = recording.getStore();
    if (!current || args.length < 2 || typeof args[0] !== "string") return original.file.apply(this, args);
    partsOf(current, this).set(args[0], recordedContent(current, args[1], args[2]));
    return this;
  };
  // Folders are implied by part names; pptxgenjs only creates them, never adds through them.
  proto.folder = function folder(this: object, ...args: unknown[]) {
    return recording.getStore() ? this : original.folder.apply(this, args);
  };
  proto.generateAsync = function generateAsync(this: object, ...args: unknown[]) {
    const current = recording.getStore();
    if (!current) return original.generateAsync.apply(this, args);
    const parts = partsOf(current, this);
    const type = (args[0] as { type?: unknown } | undefined)?.type;
    if (type === "base64") {
      const token = `${TOKEN_PREFIX}${current.workbooks.size}`;
      current.workbooks.set(token, parts);
      return Promise.resolve(token);
    }
    const captured: CapturedPackage = { [CAPTURED]: parts };
    return Promise.resolve(captured);
  };
  return true;
}

function isCaptured(value: unknown): value is CapturedPackage {
  return typeof value === "object" && value !== null && CAPTURED in value;
}

/** The presentation's parts, as pptxgenjs would have zipped them (embedded workbooks as maps). */
export async function writeParts(pres: Presentation): Promise<PackageFiles> {
  const store: Recording | undefined = installHooks()
    ? { parts: new WeakMap(), workbooks: new Map() }
    : undefined;
  const write = () => pres.write({ outputType: "uint8array" }) as Promise<unknown>;
  const result = store ? await recording.run(store, write) : await write();
  capturedLast = isCaptured(result);
  if (isCaptured(result)) return result[CAPTURED];
  return readPackage(result as Uint8Array);
}

/** TEST-ONLY: whether the last `writeParts` recorded the parts (true) or unzipped a real zip. */
export function lastWriteCaptured(): boolean {
  return capturedLast;
}
