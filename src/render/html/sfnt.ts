import { deflateSync } from "node:zlib";

/**
 * Just enough of the OpenType container to embed a font in a web page: read a font's tables, put
 * tables together as a TrueType file's, and wrap them as WOFF 1.0 (each table zlib-compressed),
 * which every browser reads. Byte layouts from the OpenType spec ("Organization of an OpenType
 * font") and the W3C WOFF 1.0 recommendation.
 */
export type Tables = Map<string, Uint8Array>;

/** The tables of a TrueType font file, by tag. */
export function readTables(bytes: Uint8Array): Tables {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint16(4);
  const tables: Tables = new Map();
  for (let index = 0; index < count; index++) {
    const record = 12 + index * 16;
    const tag = String.fromCharCode(...bytes.subarray(record, record + 4));
    const offset = view.getUint32(record + 8);
    const length = view.getUint32(record + 12);
    tables.set(tag, bytes.subarray(offset, offset + length));
  }
  return tables;
}

/** The sum of the big-endian 32-bit words of `bytes` (zero-padded), as the table directory wants. */
function checksum(bytes: Uint8Array): number {
  let sum = 0;
  for (let index = 0; index < bytes.length; index += 4) {
    const word =
      ((bytes[index] ?? 0) << 24) |
      ((bytes[index + 1] ?? 0) << 16) |
      ((bytes[index + 2] ?? 0) << 8) |
      (bytes[index + 3] ?? 0);
    sum = (sum + (word >>> 0)) >>> 0;
  }
  return sum;
}

const padded = (length: number) => (length + 3) & ~3;

/** Tags in the order the directory lists them (sorted, as the spec asks). */
function sortedTags(tables: Tables): string[] {
  return [...tables.keys()].sort();
}

/**
 * The tables as a WOFF 1.0 file. Tables are compressed when that makes them smaller; `head`'s
 * checkSumAdjustment is left as the tables give it (browsers do not check it).
 */
export function toWoff(tables: Tables): Uint8Array {
  const tags = sortedTags(tables);
  const headerSize = 44;
  const directorySize = tags.length * 20;
  const entries = tags.map((tag) => {
    const data = tables.get(tag)!;
    const compressed = deflateSync(data, { level: 9 });
    const stored = compressed.length < data.length ? compressed : data;
    return { tag, data, stored };
  });
  let offset = headerSize + directorySize;
  const placed = entries.map((entry) => {
    const at = offset;
    offset += padded(entry.stored.length);
    return { ...entry, offset: at };
  });
  const totalSfntSize =
    12 + 16 * tags.length + entries.reduce((sum, entry) => sum + padded(entry.data.length), 0);
  const out = new Uint8Array(offset);
  const view = new DataView(out.buffer);
  out.set([0x77, 0x4f, 0x46, 0x46], 0); // "wOFF"
  view.setUint32(4, 0x00010000); // a TrueType flavour
  view.setUint32(8, offset);
  view.setUint16(12, tags.length);
  view.setUint32(16, totalSfntSize);
  // majorVersion, minorVersion, metadata and private blocks: all zero.
  placed.forEach((entry, index) => {
    const record = headerSize + index * 20;
    for (let char = 0; char < 4; char++) out[record + char] = entry.tag.charCodeAt(char);
    view.setUint32(record + 4, entry.offset);
    view.setUint32(record + 8, entry.stored.length);
    view.setUint32(record + 12, entry.data.length);
    view.setUint32(record + 16, checksum(entry.data));
    out.set(entry.stored, entry.offset);
  });
  return out;
}
