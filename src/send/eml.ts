import addressparser from "nodemailer/lib/addressparser";
import { sha256 } from "../io/input-hash.js";
import { normaliseAddress } from "../input/email-address.js";

/**
 * Reads an outbox message back from disk before it is sent: its recipients and its attachments'
 * bytes, parsed from the file itself rather than trusted from a record. A strict reader of the
 * MIME that compose.ts writes (multipart with base64 attachments); anything else — a part it
 * cannot decode, a recipient it cannot read — is reported, so the message is refused.
 */

export interface HeaderField {
  name: string;
  /** The raw value, unfolded (continuation lines joined). */
  value: string;
}

export interface ParsedMessage {
  headers: HeaderField[];
  /** Every address in To, Cc, Bcc and their Resent- forms, normalised; or problems reading them. */
  recipients: string[];
  attachments: { filename: string; sha256: string }[];
  problems: string[];
}

const RECIPIENT_FIELDS = new Set(["to", "cc", "bcc", "resent-to", "resent-cc", "resent-bcc"]);

/** Splits at the first empty line; headers are 7-bit in what compose.ts writes (encoded words). */
function splitAtBody(text: string): { head: string; body: string } {
  const match = /\r?\n\r?\n/.exec(text);
  if (!match) return { head: text, body: "" };
  return { head: text.slice(0, match.index), body: text.slice(match.index + match[0].length) };
}

export function parseHeaderBlock(head: string): HeaderField[] {
  const fields: HeaderField[] = [];
  for (const line of head.split(/\r?\n/)) {
    if (/^[ \t]/.test(line) && fields.length > 0) {
      fields[fields.length - 1]!.value += line;
      continue;
    }
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    fields.push({ name: line.slice(0, colon).trim(), value: line.slice(colon + 1).trim() });
  }
  return fields;
}

function header(fields: HeaderField[], name: string): string | undefined {
  return fields.find((field) => field.name.toLowerCase() === name)?.value;
}

/** A parameter of a structured header (`boundary`, `filename`), quoted or not. */
function parameter(value: string | undefined, name: string): string | undefined {
  if (!value) return undefined;
  const match = new RegExp(`;\\s*${name}\\*?=\\s*(?:"([^"]*)"|([^;\\s]+))`, "i").exec(value);
  return match ? (match[1] ?? match[2]) : undefined;
}

function readRecipients(fields: HeaderField[], problems: string[]): string[] {
  const recipients: string[] = [];
  for (const field of fields) {
    if (!RECIPIENT_FIELDS.has(field.name.toLowerCase())) continue;
    for (const entry of addressparser(field.value, { flatten: true })) {
      const normalised = normaliseAddress(entry.address ?? "");
      if (normalised.ok) recipients.push(normalised.value);
      else problems.push(`${field.name}: cannot read the address "${entry.address ?? field.value}"`);
    }
  }
  return recipients;
}

function readParts(
  head: HeaderField[],
  body: string,
  depth: number,
  found: ParsedMessage["attachments"],
  problems: string[],
): void {
  const type = header(head, "content-type") ?? "text/plain";
  if (/^multipart\//i.test(type)) {
    const boundary = parameter(type, "boundary");
    if (!boundary || depth > 4) {
      problems.push("a multipart section without a readable boundary");
      return;
    }
    const sections = body.split(`--${boundary}`);
    // The text before the first boundary is the preamble; after the closing "--" the epilogue.
    for (const section of sections.slice(1)) {
      if (section.startsWith("--")) break;
      const part = splitAtBody(section.replace(/^\r?\n/, ""));
      readParts(parseHeaderBlock(part.head), part.body, depth + 1, found, problems);
    }
    return;
  }
  const disposition = header(head, "content-disposition");
  const filename = parameter(disposition, "filename") ?? parameter(type, "name");
  const isAttachment = /^attachment/i.test(disposition ?? "") || filename !== undefined;
  if (!isAttachment) return;
  const encoding = (header(head, "content-transfer-encoding") ?? "7bit").toLowerCase();
  if (encoding !== "base64") {
    problems.push(`attachment ${filename ?? "(no name)"} is ${encoding}-encoded; expected base64`);
    return;
  }
  const bytes = Buffer.from(body.replace(/[\r\n\s]/g, ""), "base64");
  found.push({ filename: filename ?? "(no name)", sha256: sha256(bytes) });
}

export function parseMessage(bytes: Uint8Array): ParsedMessage {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  const { head, body } = splitAtBody(text);
  const headers = parseHeaderBlock(head);
  const problems: string[] = [];
  const recipients = readRecipients(headers, problems);
  const attachments: ParsedMessage["attachments"] = [];
  readParts(headers, body, 0, attachments, problems);
  return { headers, recipients, attachments, problems };
}

/**
 * The same message with some header fields replaced (the body untouched, byte for byte): how a
 * `--test-to` copy is made from the reviewed message. `replace` maps a lower-case field name to
 * its new value, or to a function of the old one.
 */
export function replaceHeaders(
  bytes: Uint8Array,
  replace: Record<string, string | ((old: string) => string)>,
): Buffer {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  const match = /\r\n\r\n/.exec(text);
  if (!match) throw new Error("message without a body");
  const lines: string[] = [];
  let skipping = false;
  for (const line of text.slice(0, match.index).split("\r\n")) {
    if (/^[ \t]/.test(line)) {
      if (!skipping) lines.push(line);
      continue;
    }
    const name = line.slice(0, line.indexOf(":")).trim();
    const replacement = replace[name.toLowerCase()];
    skipping = replacement !== undefined;
    if (replacement === undefined) {
      lines.push(line);
      continue;
    }
    const old = header(parseHeaderBlock(text.slice(0, match.index)), name.toLowerCase()) ?? "";
    lines.push(`${name}: ${typeof replacement === "function" ? replacement(old) : replacement}`);
  }
  return Buffer.concat([
    Buffer.from(lines.join("\r\n"), "latin1"),
    Buffer.from(text.slice(match.index), "latin1"),
  ]);
}
