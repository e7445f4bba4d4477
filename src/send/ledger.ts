import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { writeFileAtomic } from "../io/atomic-write.js";
import { UsageError } from "../errors.js";

/**
 * `out/sent.json`: every delivery attempt of `qbr send --send`, appended and written atomically
 * after each message, so a crash between two messages loses no record. It is what keeps a
 * message from going twice: a recipient who was sent an attachment set is not sent it again
 * unless --resend is given. `--test-to` copies are not recorded.
 */

export const LEDGER_FILE = "sent.json";

const attemptSchema = z.object({
  status: z.enum(["sent", "failed"]),
  message: z.string(),
  source: z.string(),
  account: z.object({ id: z.string().nullable(), name: z.string() }),
  /** The recipients the server accepted (sent), or those it did not reach (failed). */
  recipients: z.array(z.string()),
  rejected: z.array(z.string()).default([]),
  attachments: z.array(z.object({ path: z.string(), sha256: z.string() })),
  messageId: z.string(),
  response: z.string(),
  time: z.string(),
});

const ledgerSchema = z.object({ tool: z.literal("qbr-deck"), sent: z.array(attemptSchema) });

export type LedgerAttempt = z.output<typeof attemptSchema>;

export interface Ledger {
  file: string;
  attempts: LedgerAttempt[];
}

export function readLedger(outDir: string): Ledger {
  const file = path.join(outDir, LEDGER_FILE);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { file, attempts: [] };
    throw new UsageError(`cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? "error"})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new UsageError(
      `${file} is not valid JSON; it records what was sent — repair it rather than delete it`,
    );
  }
  const parsed = ledgerSchema.safeParse(data);
  if (!parsed.success) throw new UsageError(`${file} is not a qbr-deck sent ledger`);
  return { file, attempts: parsed.data.sent };
}

export function appendAttempt(ledger: Ledger, attempt: LedgerAttempt): void {
  ledger.attempts.push(attempt);
  writeFileAtomic(ledger.file, `${JSON.stringify({ tool: "qbr-deck", sent: ledger.attempts }, null, 2)}\n`);
}

/** The identity of what a recipient received: the attachments' hashes, in order. */
export function attachmentKey(attachments: readonly { sha256: string }[]): string {
  return attachments.map((attachment) => attachment.sha256).join(",");
}

/** The recipients who were already sent exactly these attachments. */
export function alreadySent(ledger: Ledger, attachments: readonly { sha256: string }[]): Set<string> {
  const key = attachmentKey(attachments);
  const done = new Set<string>();
  for (const attempt of ledger.attempts) {
    if (attempt.status === "sent" && attachmentKey(attempt.attachments) === key) {
      for (const recipient of attempt.recipients) done.add(recipient);
    }
  }
  return done;
}
