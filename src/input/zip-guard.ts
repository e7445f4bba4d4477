import { Inflate } from "fflate";
import { InvalidInputError } from "../errors.js";

/**
 * An XLSX workbook or a PowerPoint template is a zip archive, and a zip archive can expand a few
 * kilobytes into gigabytes (a "zip bomb"). Before any library sees the bytes, the archive's central directory is read
 * and checked — entry count, each entry's and the total uncompressed size, compression ratios —
 * and every entry is inflated once, streaming and discarding, to prove it is no larger than it
 * claims (the sizes in the directory are the attacker's to write). Like the YAML loader's alias
 * limit: a real workbook is far inside these limits, a hostile one is refused with a message.
 */

/** What the archive is, for the messages: "workbook", "an XLSX workbook", ".xlsx". */
export interface ZipDocument {
  noun: string;
  description: string;
  expected: string;
}

export const WORKBOOK: ZipDocument = { noun: "workbook", description: "an XLSX workbook", expected: ".xlsx" };

export interface ZipLimits {
  /** Parts a workbook of a few sheets has ~20 of. */
  maxEntries: number;
  /** Uncompressed bytes of one part (a sheet's XML). */
  maxEntryBytes: number;
  /** Uncompressed bytes of all parts together. */
  maxTotalBytes: number;
  /** Uncompressed ÷ compressed size of a part larger than `ratioFloorBytes`. */
  maxRatio: number;
  ratioFloorBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 2_000,
  maxEntryBytes: 200 * 1024 * 1024,
  maxTotalBytes: 250 * 1024 * 1024,
  // Deflate cannot exceed ~1032:1; sheet XML of real workbooks compresses 5–50:1, the most
  // repetitive sheets about 100:1. A bomb needs the extremes.
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
};

interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const ZIP64_MARK = 0xffffffff;

function refuse(file: string, message: string): InvalidInputError {
  return new InvalidInputError([{ file, line: 0, column: 0, path: "", message }]);
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

function readCentralDirectory(file: string, bytes: Uint8Array, doc: ZipDocument): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const notXlsx = () =>
    refuse(file, `file is not ${doc.description} (not a zip archive); expected ${doc.expected}`);
  // The end-of-central-directory record is in the last 22 bytes plus an optional comment.
  let eocd = -1;
  for (let offset = bytes.length - 22; offset >= Math.max(0, bytes.length - 22 - 0xffff); offset--) {
    if (view.getUint32(offset, true) === EOCD_SIGNATURE) {
      eocd = offset;
      break;
    }
  }
  if (eocd < 0) throw notXlsx();
  const count = view.getUint16(eocd + 10, true);
  const directorySize = view.getUint32(eocd + 12, true);
  const directoryOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || directoryOffset === ZIP64_MARK || directorySize === ZIP64_MARK) {
    throw refuse(
      file,
      `the ${doc.noun} is a ZIP64 archive (over 4 GB or 65,535 parts); refusing it as too large`,
    );
  }
  if (directoryOffset + directorySize > eocd) throw notXlsx();
  const entries: ZipEntry[] = [];
  let offset = directoryOffset;
  for (let index = 0; index < count; index++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== CENTRAL_SIGNATURE) throw notXlsx();
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    entries.push({
      flags: view.getUint16(offset + 8, true),
      method: view.getUint16(offset + 10, true),
      compressedSize: view.getUint32(offset + 20, true),
      uncompressedSize: view.getUint32(offset + 24, true),
      localHeaderOffset: view.getUint32(offset + 42, true),
      name: new TextDecoder().decode(bytes.subarray(offset + 46, offset + 46 + nameLength)),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function checkDeclaredSizes(
  file: string,
  entries: readonly ZipEntry[],
  limits: ZipLimits,
  doc: ZipDocument,
): void {
  if (entries.length > limits.maxEntries) {
    throw refuse(file, `the ${doc.noun} has ${entries.length} parts; expected at most ${limits.maxEntries}`);
  }
  let total = 0;
  for (const entry of entries) {
    const shown = entry.name.length > 60 ? `${entry.name.slice(0, 60)}…` : entry.name;
    if (entry.flags & 1) throw refuse(file, `the ${doc.noun} is encrypted; save it without a password`);
    if (entry.method !== 0 && entry.method !== 8) {
      throw refuse(file, `part ${shown} uses zip compression method ${entry.method}; expected deflate`);
    }
    if (entry.uncompressedSize === ZIP64_MARK || entry.compressedSize === ZIP64_MARK) {
      throw refuse(file, `part ${shown} is over 4 GB (ZIP64); refusing the ${doc.noun} as too large`);
    }
    if (entry.uncompressedSize > limits.maxEntryBytes) {
      throw refuse(
        file,
        `part ${shown} expands to ${megabytes(entry.uncompressedSize)}; expected at most ${megabytes(limits.maxEntryBytes)} (too large a ${doc.noun}, or a zip bomb)`,
      );
    }
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize > limits.ratioFloorBytes && ratio > limits.maxRatio) {
      throw refuse(
        file,
        `part ${shown} expands ${Math.round(ratio)}-fold; expected at most ${limits.maxRatio}-fold (a zip bomb?)`,
      );
    }
    total += entry.uncompressedSize;
  }
  if (total > limits.maxTotalBytes) {
    throw refuse(
      file,
      `the ${doc.noun} expands to ${megabytes(total)}; expected at most ${megabytes(limits.maxTotalBytes)} (too large a ${doc.noun}, or a zip bomb)`,
    );
  }
}

/** Inflates one entry in chunks, keeping nothing, and fails as soon as it outgrows its claim. */
function checkActualSize(file: string, bytes: Uint8Array, entry: ZipEntry, doc: ZipDocument): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL_SIGNATURE) {
    throw refuse(file, `the ${doc.noun}'s zip archive is damaged (a part's header is missing)`);
  }
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw refuse(file, `the ${doc.noun}'s zip archive is damaged (a part is cut off)`);
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.uncompressedSize) {
      throw refuse(file, `the ${doc.noun}'s zip archive is damaged (a stored part's sizes differ)`);
    }
    return;
  }
  let produced = 0;
  const inflater = new Inflate((chunk) => {
    produced += chunk.length;
    if (produced > entry.uncompressedSize) {
      throw refuse(file, `part ${entry.name} expands beyond the size its header states; refusing a zip bomb`);
    }
  });
  const CHUNK = 64 * 1024;
  try {
    for (let offset = start; offset < end; offset += CHUNK) {
      const stop = Math.min(end, offset + CHUNK);
      inflater.push(bytes.subarray(offset, stop), stop === end);
    }
  } catch (error) {
    if (error instanceof InvalidInputError) throw error;
    throw refuse(file, `the ${doc.noun}'s zip archive is damaged (part ${entry.name} does not inflate)`);
  }
}

/** Throws InvalidInputError when `bytes` is not a zip archive that could safely be read (see ZipLimits). */
export function checkZipArchive(
  file: string,
  bytes: Uint8Array,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
  doc: ZipDocument = WORKBOOK,
): void {
  if (bytes.length < 22) {
    throw refuse(file, `file is not ${doc.description} (too short for a zip archive)`);
  }
  const entries = readCentralDirectory(file, bytes, doc);
  checkDeclaredSizes(file, entries, limits, doc);
  for (const entry of entries) checkActualSize(file, bytes, entry, doc);
}

/** An OLE2 compound file: old binary Office formats (.xls, .ppt, .pot) and password-protected files. */
export function isCompoundFile(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 8 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0
  );
}
