import { readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { stringify } from "csv-stringify/sync";
import { z } from "zod";
import { writeFileAtomic } from "../io/atomic-write.js";
import { sha256 } from "../io/input-hash.js";
import { safeText } from "../batch/portfolio-csv.js";
import { UsageError } from "../errors.js";
import { VERSION } from "../version.js";
import type { PreparedMessage } from "./prepare-message.js";

/**
 * `out/outbox/`: one `<slug>.eml` per account, `index.csv` for a person to read, and
 * `outbox.json` for `--send` to check each remaining message against (what it was written
 * from: recipients, attachments and their hashes, the message's own hash). Deleting an .eml is
 * how a person keeps a message from going; nothing else in the folder needs touching.
 */

export const OUTBOX_DIR = "outbox";
export const OUTBOX_RECORD = "outbox.json";
export const OUTBOX_INDEX = "index.csv";

const recordSchema = z.object({
  file: z.string().regex(/^[a-z0-9-]+\.eml$/),
  source: z.string(),
  account: z.object({ id: z.string().nullable(), name: z.string() }),
  recipients: z.array(z.string()).min(1),
  subject: z.string(),
  messageId: z.string(),
  attachments: z.array(z.object({ path: z.string(), kind: z.string(), sha256: z.string() })).min(1),
  sha256: z.string(),
});

const outboxSchema = z.object({
  tool: z.literal("qbr-deck"),
  version: z.string(),
  generatedAt: z.string(),
  from: z.object({ name: z.string().nullable(), address: z.string() }),
  roles: z.array(z.string()),
  kinds: z.array(z.string()),
  attach: z.array(z.string()),
  messages: z.array(recordSchema),
});

export type OutboxRecord = z.output<typeof recordSchema>;
export type Outbox = z.output<typeof outboxSchema>;

export function outboxDir(outDir: string): string {
  return path.join(outDir, OUTBOX_DIR);
}

export function messageFileName(message: PreparedMessage): string {
  const slug = message.entry.slug ?? "account";
  return `${slug.replace(/[^a-z0-9-]+/g, "-")}.eml`;
}

export function toRecord(message: PreparedMessage): OutboxRecord {
  return {
    file: messageFileName(message),
    source: message.entry.source,
    account: { id: message.account.account.id ?? null, name: message.account.account.name },
    recipients: message.recipients.map((recipient) => recipient.address),
    subject: message.subject,
    messageId: message.messageId,
    attachments: message.attachments.map((attachment) => ({
      path: attachment.path,
      kind: attachment.kind,
      sha256: attachment.sha256,
    })),
    sha256: sha256(message.bytes),
  };
}

function indexCsv(records: readonly OutboxRecord[]): string {
  const rows = records.flatMap((record) =>
    record.attachments.map((attachment) => [
      record.file,
      safeText(record.account.name),
      safeText(record.recipients.join("; ")),
      safeText(record.subject),
      attachment.path,
      attachment.sha256,
    ]),
  );
  return stringify([["message", "account", "recipients", "subject", "attachment", "sha256"], ...rows]);
}

/** Removes what an earlier `qbr send` wrote into the outbox — and nothing else. */
function clearOutbox(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (name.endsWith(".eml") || name === OUTBOX_INDEX || name === OUTBOX_RECORD) {
      rmSync(path.join(dir, name), { force: true });
    }
  }
}

export function writeOutbox(
  outDir: string,
  header: Omit<Outbox, "tool" | "version" | "messages">,
  messages: readonly PreparedMessage[],
): Outbox {
  const dir = outboxDir(outDir);
  clearOutbox(dir);
  const records = messages.map(toRecord);
  messages.forEach((message, index) => writeFileAtomic(path.join(dir, records[index]!.file), message.bytes));
  writeFileAtomic(path.join(dir, OUTBOX_INDEX), indexCsv(records));
  const outbox: Outbox = { tool: "qbr-deck", version: VERSION, ...header, messages: records };
  writeFileAtomic(path.join(dir, OUTBOX_RECORD), `${JSON.stringify(outbox, null, 2)}\n`);
  return outbox;
}

export function readOutbox(outDir: string): Outbox {
  const file = path.join(outboxDir(outDir), OUTBOX_RECORD);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      code === "ENOENT"
        ? `no outbox in ${outboxDir(outDir)}: run qbr send ${outDir} first, review the messages, then --send`
        : `cannot read ${file} (${code ?? "not valid JSON"})`,
    );
  }
  const parsed = outboxSchema.safeParse(data);
  if (!parsed.success)
    throw new UsageError(`${file} is not a qbr-deck outbox record: run qbr send ${outDir} again`);
  return parsed.data;
}

/** The .eml files a person left in the outbox, sorted. */
export function messagesLeft(outDir: string): string[] {
  return readdirSync(outboxDir(outDir))
    .filter((name) => name.endsWith(".eml"))
    .sort();
}
