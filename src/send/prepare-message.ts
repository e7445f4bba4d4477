import { readAccount } from "../io/resources.js";
import { quarterLabel, type IsoDate } from "../dates.js";
import { formatIssue, InvalidInputError } from "../errors.js";
import type { Account } from "../input/account-schema.js";
import { checkAttachment, customerPdfs, kindTitle, type CheckedAttachment } from "./attachments.js";
import { composeMessage, messageIdOf, type MailAddress, type MessageInput } from "./compose.js";
import type { EmailTemplates } from "./email-templates.js";
import type { SendManifest, SendManifestEntry } from "./manifest-view.js";
import { selectRecipients, type Recipient } from "./recipients.js";
import { formatList } from "../text/format.js";

/**
 * One account's message, from its manifest entry: the account file it came from (for the
 * recipients and their domains), its customer PDFs (checked), the wording, then the bytes.
 * Every reason to refuse is found before anything is composed; a refused account has no message.
 */

export interface MessageOptions {
  outDir: string;
  roles: readonly string[];
  kinds: readonly string[];
  attach: readonly string[];
  from: MailAddress;
  templates: EmailTemplates;
}

export interface PreparedMessage {
  entry: SendManifestEntry;
  account: Account;
  recipients: Recipient[];
  attachments: CheckedAttachment[];
  subject: string;
  messageId: string;
  bytes: Buffer;
  notes: string[];
}

export type Prepared = { ok: true; message: PreparedMessage } | { ok: false; reason: string };

/** The account file named by the manifest, which must still be the same account. */
export function readEntryAccount(
  entry: SendManifestEntry,
): { ok: true; account: Account } | { ok: false; reason: string } {
  let account: Account;
  try {
    account = readAccount(entry.source).account;
  } catch (error) {
    if (error instanceof InvalidInputError)
      return { ok: false, reason: error.issues.map(formatIssue).join("; ") };
    throw error;
  }
  const id = account.account.id ?? null;
  if (entry.account && (account.account.name !== entry.account.name || id !== entry.account.id)) {
    return {
      ok: false,
      reason: `the account file now names ${account.account.name}${id ? ` (${id})` : ""}, not the account of the manifest: run qbr generate again`,
    };
  }
  return { ok: true, account };
}

function attachmentsFor(
  entry: SendManifestEntry,
  options: MessageOptions,
): { ok: true; attachments: CheckedAttachment[] } | { ok: false; reason: string } {
  const main = customerPdfs(entry, options.kinds);
  if (main.length === 0) {
    const internalOnly = entry.files.some(
      (file) => options.kinds.includes(file.kind) && file.format === "pdf",
    );
    return {
      ok: false,
      reason: internalOnly
        ? `no customer PDF of kind ${options.kinds.join("/")}, only internal ones: generate with --audience customer -f pdf`
        : `no ${options.kinds.join("/")} PDF in the manifest: generate with --audience customer -f pdf`,
    };
  }
  const extra = customerPdfs(
    entry,
    options.attach.filter((kind) => !options.kinds.includes(kind)),
  );
  const attachments: CheckedAttachment[] = [];
  const problems: string[] = [];
  for (const file of [...main, ...extra]) {
    const checked = checkAttachment(options.outDir, file);
    if (checked.ok) attachments.push(checked.attachment);
    else problems.push(checked.reason);
  }
  return problems.length > 0 ? { ok: false, reason: problems.join("; ") } : { ok: true, attachments };
}

function periodOf(account: Account, entry: SendManifestEntry, manifest: SendManifest): string {
  const asOf: IsoDate = entry.asOf ?? account.review.asOf ?? manifest.generatedAt;
  return account.review.period ?? quarterLabel(asOf);
}

export async function prepareMessage(
  manifest: SendManifest,
  entry: SendManifestEntry,
  options: MessageOptions,
): Promise<Prepared> {
  const loaded = readEntryAccount(entry);
  if (!loaded.ok) return loaded;
  const { account } = loaded;
  const chosen = selectRecipients(account, options.roles);
  if (!chosen.ok) return chosen;
  const files = attachmentsFor(entry, options);
  if (!files.ok) return files;
  const email = options.templates.render({
    account: { name: account.account.name },
    recipientNames: chosen.recipients.map((recipient) => recipient.name),
    documents: formatList([...new Set(files.attachments.map((attachment) => kindTitle(attachment.kind)))]),
    period: periodOf(account, entry, manifest),
    meetingDate: account.review.meetingDate ?? null,
    attachments: files.attachments.map((attachment) => ({
      filename: attachment.filename,
      title: kindTitle(attachment.kind),
    })),
    sender: { name: options.from.name, address: options.from.address },
    passwordSeparately: files.attachments.some((attachment) => attachment.encrypted),
  });
  const input: MessageInput = {
    from: options.from,
    to: chosen.recipients,
    email,
    attachments: files.attachments,
    date: manifest.generatedAt,
  };
  return {
    ok: true,
    message: {
      entry,
      account,
      recipients: chosen.recipients,
      attachments: files.attachments,
      subject: email.subject,
      messageId: messageIdOf(input),
      bytes: await composeMessage(input),
      notes: chosen.notes,
    },
  };
}
