import type { MailAddress } from "./compose.js";
import { loadEmailTemplates } from "./email-templates.js";
import { alreadySent, readLedger } from "./ledger.js";
import { readSendManifest } from "./manifest-view.js";
import { writeOutbox, outboxDir, type Outbox } from "./outbox.js";
import { prepareMessage, type PreparedMessage } from "./prepare-message.js";

/**
 * `qbr send OUT`: one message per account of the manifest into OUT/outbox/, nothing sent. An
 * account that cannot be mailed safely is refused with its reason and gets no message; one
 * account's refusal never keeps the others out of the outbox.
 */

export interface OutboxOptions {
  outDir: string;
  roles: string[];
  kinds: string[];
  attach: string[];
  from: MailAddress;
  templatesDir: string | undefined;
  resend: boolean;
}

export interface AccountLine {
  source: string;
  status: "ready" | "refused" | "already-sent" | "sent" | "failed" | "skipped";
  detail: string;
}

export interface OutboxResult {
  dir: string;
  outbox: Outbox;
  lines: AccountLine[];
  notes: string[];
}

const bySource = (a: { source: string }, b: { source: string }) =>
  a.source < b.source ? -1 : a.source > b.source ? 1 : 0;

export async function buildOutbox(options: OutboxOptions): Promise<OutboxResult> {
  const manifest = readSendManifest(options.outDir);
  const templates = loadEmailTemplates(options.templatesDir);
  const ledger = readLedger(options.outDir);
  const ready: PreparedMessage[] = [];
  const lines: AccountLine[] = [];
  const notes: string[] = [];
  for (const entry of [...manifest.accounts].sort(bySource)) {
    if (entry.status === "filtered") continue;
    if (entry.status === "failed") {
      const why = (entry.error ?? "failed").split("\n")[0]!;
      lines.push({ source: entry.source, status: "refused", detail: `qbr generate failed for it: ${why}` });
      continue;
    }
    const prepared = await prepareMessage(manifest, entry, { ...options, templates });
    if (!prepared.ok) {
      lines.push({ source: entry.source, status: "refused", detail: prepared.reason });
      continue;
    }
    const message = prepared.message;
    notes.push(...message.notes.map((note) => `${entry.source}: ${note}`));
    const done = alreadySent(ledger, message.attachments);
    if (!options.resend && message.recipients.every((recipient) => done.has(recipient.address))) {
      lines.push({
        source: entry.source,
        status: "already-sent",
        detail: "already sent to every recipient (--resend to send it again)",
      });
      continue;
    }
    ready.push(message);
    lines.push({
      source: entry.source,
      status: "ready",
      detail: `to ${message.recipients.map((recipient) => recipient.address).join(", ")}`,
    });
  }
  const outbox = writeOutbox(
    options.outDir,
    {
      generatedAt: manifest.generatedAt,
      from: options.from,
      roles: options.roles,
      kinds: options.kinds,
      attach: options.attach,
    },
    ready,
  );
  return { dir: outboxDir(options.outDir), outbox, lines, notes };
}
