import { AUDIENCE_KEY } from "../render/pdf/audience-marker.js";

/**
 * The audience a qbr-deck PDF declares in its document catalog (see render/pdf/audience-marker.ts),
 * or null when it declares none — a PDF from an older version or another tool, which `qbr send`
 * refuses rather than guesses about. The catalog is found the way a PDF reader finds it: the last
 * trailer names /Root, and the last definition of that object wins (incremental updates append).
 * pdfkit writes classic trailers and uncompressed dictionaries; a PDF that uses cross-reference
 * streams instead has no `trailer` and is refused too.
 */
export function readPdfAudience(bytes: Uint8Array): string | null {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  if (!text.startsWith("%PDF-")) return null;
  const trailer = text.lastIndexOf("trailer");
  if (trailer < 0) return null;
  const root = /\/Root\s+(\d+)\s+(\d+)\s+R/.exec(text.slice(trailer));
  if (!root) return null;
  const header = new RegExp(`(?:^|[\\r\\n])${root[1]}\\s+${root[2]}\\s+obj\\b`, "g");
  let start = -1;
  for (const match of text.matchAll(header)) start = match.index + match[0].length;
  if (start < 0) return null;
  const end = text.indexOf("endobj", start);
  if (end < 0) return null;
  const catalog = text.slice(start, end);
  const marker = new RegExp(`/${AUDIENCE_KEY}\\s*/([A-Za-z]+)`).exec(catalog);
  return marker ? marker[1]! : null;
}

/**
 * Whether the PDF opens only with a password: its last trailer names an /Encrypt dictionary. Read
 * from the file, not the manifest, so the email's "the password comes separately" is always true.
 */
export function isPdfEncrypted(bytes: Uint8Array): boolean {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  const trailer = text.lastIndexOf("trailer");
  return trailer >= 0 && /\/Encrypt\s+\d+\s+\d+\s+R/.test(text.slice(trailer));
}
