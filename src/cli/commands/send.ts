import { UsageError } from "../../errors.js";
import { STAKEHOLDER_ROLES } from "../../input/account-schema.js";
import { normaliseAddress } from "../../input/email-address.js";
import type { AccountLine } from "../../send/build-outbox.js";
import type { MailAddress } from "../../send/compose.js";
import { parseSenderAddress } from "../../send/sender-address.js";
import { plural } from "../../text/format.js";
import type { Io } from "../../io/terminal.js";
import { parseIntegerOption, parseList } from "../options.js";

/**
 * `qbr send OUT`: write the outbox (one .eml per account) for a person to review; with
 * `--test-to ADDR` send every message left in it to that address; with `--send` send them to
 * their recipients. Exit 1 when any account was refused or failed (one line each), else 0.
 */

export interface SendCliOptions {
  roles?: string;
  kinds?: string;
  attach?: string;
  from?: string;
  templates?: string;
  testTo?: string;
  send?: boolean;
  smtpUrl?: string;
  smtpPasswordFile?: string;
  rate?: string;
  resend?: boolean;
  insecureTls?: boolean;
}

const DEFAULT_ROLES = "executive-sponsor";
const DEFAULT_KINDS = "qbr";
const DEFAULT_RATE = 30;
/** Options that shape the messages: given with --send they would silently mean nothing. */
const OUTBOX_OPTIONS = [
  ["roles", "--roles"],
  ["kinds", "--kinds"],
  ["attach", "--attach"],
  ["from", "--from"],
  ["templates", "--templates"],
] as const;

function parseKinds(name: string, value: string): string[] {
  const kinds = [
    ...new Set(
      value
        .split(",")
        .map((kind) => kind.trim())
        .filter(Boolean),
    ),
  ];
  if (kinds.length === 0 || kinds.some((kind) => !/^[a-z0-9-]+$/.test(kind))) {
    throw new UsageError(`${name} ${value}: expected deck kinds such as qbr,onepager`);
  }
  return kinds;
}

function parseFrom(value: string | undefined): MailAddress {
  if (!value)
    throw new UsageError(
      '--from is needed to write the outbox, e.g. --from "Dana Reyes <dana@vendor.example>"',
    );
  const sender = parseSenderAddress(value);
  if (!sender)
    throw new UsageError(`--from ${value}: expected one address, e.g. "Dana Reyes <dana@vendor.example>"`);
  return sender;
}

function parseTestTo(value: string): string {
  const address = normaliseAddress(value);
  if (!address.ok) throw new UsageError(`--test-to ${value}: ${address.message}`);
  return address.value;
}

function report(lines: readonly AccountLine[], io: Io): number {
  let failed = 0;
  for (const line of lines) {
    if (line.status === "refused" || line.status === "failed") {
      failed += 1;
      io.err(`${line.status}: ${line.source} — ${line.detail}`);
    } else if (line.status !== "ready") {
      io.out(`${line.status}: ${line.source} — ${line.detail}`);
    }
  }
  return failed;
}

async function writeOutboxCommand(outDir: string, options: SendCliOptions, io: Io): Promise<number> {
  const { buildOutbox } = await import("../../send/build-outbox.js");
  const result = await buildOutbox({
    outDir,
    roles: parseList("--roles", options.roles ?? DEFAULT_ROLES, STAKEHOLDER_ROLES),
    kinds: parseKinds("--kinds", options.kinds ?? DEFAULT_KINDS),
    attach: options.attach ? parseKinds("--attach", options.attach) : [],
    from: parseFrom(options.from),
    templatesDir: options.templates,
    resend: Boolean(options.resend),
  });
  for (const note of result.notes) io.err(`note: ${note}`);
  const failed = report(result.lines, io);
  const count = result.outbox.messages.length;
  io.out(
    `Wrote ${plural(count, "message")} to ${result.dir} (index.csv lists them)${failed ? `; ${failed} refused` : ""}.`,
  );
  if (count > 0) {
    io.out("Review them in a mail client and delete any message that must not go. Then:");
    io.out(`  qbr send ${outDir} --test-to you@your-company.example   (every message to you only)`);
    io.out(`  qbr send ${outDir} --send                               (to the recipients)`);
  }
  return failed > 0 ? 1 : 0;
}

async function sendCommandFor(outDir: string, options: SendCliOptions, io: Io): Promise<number> {
  for (const [key, flag] of OUTBOX_OPTIONS) {
    if (options[key] !== undefined) {
      throw new UsageError(
        `${flag} shapes the messages when the outbox is written; --send and --test-to send the outbox as it is (run qbr send ${outDir} ${flag} … first)`,
      );
    }
  }
  const testTo = options.testTo ? parseTestTo(options.testTo) : null;
  const rate = parseIntegerOption("--rate", options.rate, 1) ?? DEFAULT_RATE;
  const [{ smtpSender, smtpSettings }, { sendOutbox }] = await Promise.all([
    import("../../send/smtp.js"),
    import("../../send/send-outbox.js"),
  ]);
  const settings = smtpSettings({
    url: options.smtpUrl,
    passwordFile: options.smtpPasswordFile,
    insecureTls: Boolean(options.insecureTls),
    env: process.env,
  });
  io.err(
    `Sending via ${settings.display}${settings.insecureTls ? " (certificate checks off)" : ""}, at most ${rate} a minute${testTo ? `, test copies to ${testTo} only` : ""}.`,
  );
  const result = await sendOutbox({
    outDir,
    testTo,
    ratePerMinute: rate,
    resend: Boolean(options.resend),
    sender: smtpSender(settings),
    now: () => new Date(),
  });
  const failed = report(result.lines, io);
  const sent = result.lines.filter((line) => line.status === "sent").length;
  const removed =
    result.removed > 0
      ? `; ${plural(result.removed, "message")} removed from the outbox in review, not sent`
      : "";
  io.out(
    `${testTo ? "Sent test copies of" : "Sent"} ${plural(sent, "message")}${failed ? `, ${failed} refused or failed` : ""}${removed}.`,
  );
  if (!testTo) io.out(`Record: ${outDir}/sent.json`);
  return failed > 0 ? 1 : 0;
}

export async function sendCommand(outDir: string, options: SendCliOptions, io: Io): Promise<number> {
  if (options.send && options.testTo) {
    throw new UsageError("--send and --test-to: choose one (test first, then --send)");
  }
  return options.send || options.testTo
    ? sendCommandFor(outDir, options, io)
    : writeOutboxCommand(outDir, options, io);
}
