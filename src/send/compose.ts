import MailComposer from "nodemailer/lib/mail-composer";
import { sha256 } from "../io/input-hash.js";
import type { IsoDate } from "../dates.js";
import { domainOf } from "../input/email-address.js";
import { OUTPUT_FORMAT_SPECS, type OutputFormat } from "../render/renderer.js";
import type { RenderedEmail } from "./email-templates.js";
import type { Recipient } from "./recipients.js";

/**
 * Builds one message with nodemailer's MailComposer — the same library that sends it — into
 * RFC 5322 bytes: multipart/mixed holding multipart/alternative (text, HTML) and the decks, each
 * with its format's media type from the output-format registry (render/renderer.ts). The
 * bytes are what the outbox holds, what a person reviews and what is sent, unchanged.
 *
 * Reproducible: nodemailer would take the clock for Date and random bytes for the Message-ID
 * and the MIME boundaries. Here the Date is the manifest's day, and the Message-ID and the
 * boundary come from a hash of everything the message is made of, so the same decks, recipients
 * and templates give the same bytes.
 */

export interface MailAddress {
  name: string | null;
  address: string;
}

export interface MessageInput {
  from: MailAddress;
  to: Recipient[];
  email: RenderedEmail;
  attachments: { filename: string; format: OutputFormat; sha256: string; bytes: Buffer }[];
  /** The day the decks were made (the manifest's generatedAt). */
  date: IsoDate;
}

/**
 * Noon UTC keeps the calendar day the same in every time zone from UTC−11 to UTC+11; midnight
 * would show as the evening before across the Americas.
 */
function messageDate(date: IsoDate): Date {
  return new Date(`${date}T12:00:00Z`);
}

export function messageIdOf(input: MessageInput): string {
  const digest = sha256(
    JSON.stringify({
      from: input.from,
      to: input.to,
      email: input.email,
      attachments: input.attachments.map(({ filename, sha256: hash }) => ({ filename, hash })),
      date: input.date,
    }),
  );
  return `<${digest.slice(0, 32)}.qbr@${domainOf(input.from.address)}>`;
}

export async function composeMessage(input: MessageInput): Promise<Buffer> {
  const messageId = messageIdOf(input);
  const composer = new MailComposer({
    from: input.from.name ? { name: input.from.name, address: input.from.address } : input.from.address,
    to: input.to.map((recipient) => ({ name: recipient.name, address: recipient.address })),
    subject: input.email.subject,
    text: input.email.text,
    html: input.email.html,
    attachments: input.attachments.map((attachment) => ({
      filename: attachment.filename,
      content: attachment.bytes,
      contentType: OUTPUT_FORMAT_SPECS[attachment.format].mime,
      contentTransferEncoding: "base64",
    })),
    messageId,
    date: messageDate(input.date),
    baseBoundary: sha256(messageId).slice(0, 16),
    newline: "\r\n",
    // Templates and data never point at files or URLs; make sure nothing is read from them.
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return composer.compile().build();
}
