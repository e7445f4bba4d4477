import { setTimeout as sleep } from "node:timers/promises";
import { sha256 } from "../io/input-hash.js";
import { UsageError } from "../errors.js";
import { domainOf } from "../input/email-address.js";
import type { AccountLine } from "./build-outbox.js";
import { checkOutboxMessage, type CheckedMessage } from "./check-message.js";
import { replaceHeaders } from "./eml.js";
import { alreadySent, appendAttempt, readLedger, type Ledger } from "./ledger.js";
import { readSendManifest, type SendManifest } from "./manifest-view.js";
import { messagesLeft, readOutbox, type Outbox } from "./outbox.js";
import { readEntryAccount } from "./prepare-message.js";
import type { Sender } from "./smtp.js";

/**
 * `qbr send OUT --send` and `--test-to ADDR`: the messages a person left in OUT/outbox/, each
 * checked again (check-message.ts), then sent one at a time, at most `ratePerMinute` a minute.
 * A real send records every attempt in OUT/sent.json as soon as it ends and never sends an
 * attachment set twice to the same recipient (unless `resend`); a test send goes to the test
 * address only — in the envelope and in the To: header — and records nothing.
 */

export interface SendOptions {
  outDir: string;
  /** A test address: every message goes there instead, marked [TEST]. */
  testTo: string | null;
  ratePerMinute: number;
  resend: boolean;
  sender: Sender;
  now: () => Date;
}

export interface SendResult {
  lines: AccountLine[];
  removed: number;
}

const TEST_PREFIX = "[TEST] ";

function testCopy(message: CheckedMessage, testTo: string, fromAddress: string): Buffer {
  const id = sha256(`${message.record.messageId}\n${testTo}`).slice(0, 32);
  return replaceHeaders(message.bytes, {
    to: testTo,
    subject: (old) => `${TEST_PREFIX}${old}`,
    "message-id": `<${id}.test.qbr@${domainOf(fromAddress)}>`,
  });
}

/** A test copy of every account's deck must not reach any customer, refused or not. */
function refuseCustomerTestAddress(testTo: string, outbox: Outbox, manifest: SendManifest): void {
  for (const record of outbox.messages) {
    const entry = manifest.accounts.find((candidate) => candidate.source === record.source);
    const loaded = entry ? readEntryAccount(entry) : undefined;
    if (loaded?.ok && loaded.account.account.domains?.includes(domainOf(testTo))) {
      throw new UsageError(
        `--test-to ${testTo} is in the domain of ${loaded.account.account.name}: a test copy of every account's deck must not go to a customer`,
      );
    }
  }
}

/** The checks of every message first: a test address inside any customer's domains stops the run. */
function checkAll(outbox: Outbox, outDir: string, testTo: string | null) {
  const manifest = readSendManifest(outDir);
  const left = new Set(messagesLeft(outDir));
  const lines: AccountLine[] = [];
  const checked: CheckedMessage[] = [];
  for (const name of left) {
    if (!outbox.messages.some((record) => record.file === name)) {
      lines.push({ source: name, status: "refused", detail: "not written by qbr send (not in outbox.json)" });
    }
  }
  for (const record of outbox.messages.filter((candidate) => left.has(candidate.file))) {
    const result = checkOutboxMessage(record, outbox, manifest, outDir);
    if (result.ok) checked.push(result.message);
    else lines.push({ source: record.source, status: "refused", detail: result.reason });
  }
  if (testTo) refuseCustomerTestAddress(testTo, outbox, manifest);
  return {
    checked,
    lines,
    removed: outbox.messages.length - outbox.messages.filter((record) => left.has(record.file)).length,
  };
}

async function deliverOne(
  message: CheckedMessage,
  options: SendOptions,
  outbox: Outbox,
  ledger: Ledger,
  throttle: () => Promise<void>,
): Promise<AccountLine> {
  const { record } = message;
  const from = outbox.from.address;
  if (options.testTo) {
    try {
      await throttle();
      const result = await options.sender.deliver(
        { from, to: [options.testTo] },
        testCopy(message, options.testTo, from),
      );
      return { source: record.source, status: "sent", detail: `test copy to ${result.accepted.join(", ")}` };
    } catch (error) {
      return { source: record.source, status: "failed", detail: `test copy: ${(error as Error).message}` };
    }
  }
  const done = options.resend ? new Set<string>() : alreadySent(ledger, record.attachments);
  const to = record.recipients.filter((recipient) => !done.has(recipient));
  if (to.length === 0) {
    return {
      source: record.source,
      status: "already-sent",
      detail: "already sent to every recipient (--resend to send it again)",
    };
  }
  const attempt = {
    message: record.file,
    source: record.source,
    account: record.account,
    attachments: record.attachments.map(({ path, sha256: hash }) => ({ path, sha256: hash })),
    messageId: record.messageId,
  };
  try {
    await throttle();
    const result = await options.sender.deliver({ from, to }, message.bytes);
    const time = options.now().toISOString();
    const accepted = to.filter((recipient) => result.accepted.includes(recipient));
    const rejected = to.filter((recipient) => !accepted.includes(recipient));
    if (accepted.length > 0) {
      appendAttempt(ledger, {
        ...attempt,
        status: "sent",
        recipients: accepted,
        rejected: [],
        response: result.response,
        time,
      });
    }
    if (rejected.length === 0)
      return { source: record.source, status: "sent", detail: `to ${accepted.join(", ")}` };
    appendAttempt(ledger, {
      ...attempt,
      status: "failed",
      recipients: rejected,
      rejected,
      response: result.refusals,
      time,
    });
    return {
      source: record.source,
      status: "failed",
      detail: `the server refused ${rejected.join(", ")}: ${result.refusals}${accepted.length > 0 ? ` (sent to ${accepted.join(", ")})` : ""}`,
    };
  } catch (error) {
    const response = (error as { response?: string }).response ?? (error as Error).message;
    const rejected = (error as { rejected?: string[] }).rejected ?? [];
    appendAttempt(ledger, {
      ...attempt,
      status: "failed",
      recipients: to,
      rejected,
      response,
      time: options.now().toISOString(),
    });
    return { source: record.source, status: "failed", detail: `not sent: ${(error as Error).message}` };
  }
}

export async function sendOutbox(options: SendOptions): Promise<SendResult> {
  const outbox = readOutbox(options.outDir);
  const ledger = readLedger(options.outDir);
  const { checked, lines, removed } = checkAll(outbox, options.outDir, options.testTo);
  // At most ratePerMinute deliveries a minute: each starts no sooner than 60/rate s after the last.
  const spacing = 60_000 / options.ratePerMinute;
  let lastStart: number | null = null;
  const throttle = async () => {
    if (lastStart !== null) {
      const wait = lastStart + spacing - Date.now();
      if (wait > 0) await sleep(wait);
    }
    lastStart = Date.now();
  };
  try {
    for (const message of checked) lines.push(await deliverOne(message, options, outbox, ledger, throttle));
  } finally {
    options.sender.close();
  }
  return { lines, removed };
}
