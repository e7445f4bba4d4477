import { readFileSync } from "node:fs";
import path from "node:path";
import { sha256 } from "../io/input-hash.js";
import type { Account } from "../input/account-schema.js";
import { checkAttachment } from "./attachments.js";
import { parseMessage } from "./eml.js";
import type { SendManifest } from "./manifest-view.js";
import { outboxDir, type Outbox, type OutboxRecord } from "./outbox.js";
import { readEntryAccount } from "./prepare-message.js";
import { isInDomains, selectRecipients } from "./recipients.js";

/**
 * The checks an outbox message passes right before it is sent, against the state of things now
 * rather than when the outbox was written: the manifest (a deck re-generated since makes the
 * message stale), the PDFs on disk (hash, audience marker), the account file (recipients, their
 * domains) and the .eml itself, parsed again — its recipients and attachment bytes, and its
 * hash against the record. Any one failing refuses the message; all the reasons are reported.
 */

export interface CheckedMessage {
  record: OutboxRecord;
  account: Account;
  /** The exact bytes that were checked, and that will be sent. */
  bytes: Buffer;
}

export type CheckResult = { ok: true; message: CheckedMessage } | { ok: false; reason: string };

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join("\n") === [...b].sort().join("\n");

function checkAgainstManifest(record: OutboxRecord, manifest: SendManifest, outDir: string): string[] {
  const entry = manifest.accounts.find((candidate) => candidate.source === record.source);
  if (!entry) return ["its account is no longer in the manifest: run qbr send again"];
  const problems: string[] = [];
  for (const attachment of record.attachments) {
    const file = entry.files.find((candidate) => candidate.path === attachment.path);
    if (!file || file.sha256 !== attachment.sha256) {
      problems.push(
        `stale: ${attachment.path} was re-generated since the outbox was written — run qbr send again`,
      );
      continue;
    }
    const checked = checkAttachment(outDir, file);
    if (!checked.ok) problems.push(checked.reason);
  }
  return problems;
}

function checkRecipients(
  record: OutboxRecord,
  account: Account,
  roles: readonly string[],
  found: string[],
): string[] {
  const domains = account.account.domains ?? [];
  const outside = found.filter((address) => !isInDomains(address, domains));
  if (outside.length > 0) {
    return [`${outside.join(", ")} outside the account's domains (${domains.join(", ") || "none listed"})`];
  }
  if (!sameSet(found, record.recipients)) {
    return [`its recipients were edited (${found.join(", ")}; written for ${record.recipients.join(", ")})`];
  }
  const now = selectRecipients(account, roles);
  if (!now.ok) return [now.reason];
  const current = now.recipients.map((recipient) => recipient.address);
  if (!sameSet(current, record.recipients)) {
    return [
      `the account's recipients changed since the outbox was written (now ${current.join(", ")}): run qbr send again`,
    ];
  }
  return [];
}

export function checkOutboxMessage(
  record: OutboxRecord,
  outbox: Outbox,
  manifest: SendManifest,
  outDir: string,
): CheckResult {
  const problems = checkAgainstManifest(record, manifest, outDir);
  const entry = manifest.accounts.find((candidate) => candidate.source === record.source);
  const loaded = entry ? readEntryAccount(entry) : undefined;
  if (loaded && !loaded.ok) problems.push(loaded.reason);
  const bytes = readFileSync(path.join(outboxDir(outDir), record.file));
  const parsed = parseMessage(bytes);
  problems.push(...parsed.problems);
  if (loaded?.ok) problems.push(...checkRecipients(record, loaded.account, outbox.roles, parsed.recipients));
  const attached = parsed.attachments.map((attachment) => attachment.sha256);
  if (attached.join(",") !== record.attachments.map((attachment) => attachment.sha256).join(",")) {
    problems.push("its attachments are not the ones it was written with");
  }
  if (sha256(bytes) !== record.sha256) {
    problems.push("the .eml was edited since it was written: change the account file and run qbr send again");
  }
  if (problems.length > 0 || !loaded?.ok) return { ok: false, reason: [...new Set(problems)].join("; ") };
  return { ok: true, message: { record, account: loaded.account, bytes } };
}
