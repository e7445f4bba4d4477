import { readFileSync } from "node:fs";
import nodemailer from "nodemailer";
import { UsageError } from "../errors.js";

/**
 * The SMTP server to send through, from `--smtp-url` or QBR_SMTP_URL: `smtp://user@host:port`
 * (STARTTLS when the server offers it) or `smtps://user@host:port` (TLS from the start). The
 * password comes only from QBR_SMTP_PASSWORD or a file — never from a flag or the URL, which
 * end up in shell history and process lists — and it is never printed. Certificates are
 * checked unless --insecure-tls; with a password, the connection must be encrypted.
 */

export interface SmtpSettings {
  host: string;
  port: number;
  /** smtps: TLS from the first byte; smtp: STARTTLS when offered. */
  secure: boolean;
  user: string | null;
  password: string | null;
  insecureTls: boolean;
  /** The URL as it may be shown: no password in it. */
  display: string;
}

export interface SmtpInput {
  url: string | undefined;
  passwordFile: string | undefined;
  insecureTls: boolean;
  env: NodeJS.ProcessEnv;
}

function readPasswordFile(file: string): string {
  try {
    return readFileSync(file, "utf8").replace(/\r?\n$/, "");
  } catch (error) {
    throw new UsageError(
      `cannot read --smtp-password-file ${file} (${(error as NodeJS.ErrnoException).code ?? "error"})`,
    );
  }
}

export function smtpSettings(input: SmtpInput): SmtpSettings {
  const text = input.url ?? input.env.QBR_SMTP_URL;
  if (!text) throw new UsageError("no SMTP server: give --smtp-url smtp://user@host:587 or set QBR_SMTP_URL");
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError("the SMTP URL is not a URL; expected smtp://user@host:587 or smtps://user@host:465");
  }
  if (url.protocol !== "smtp:" && url.protocol !== "smtps:") {
    throw new UsageError(`the SMTP URL must start with smtp:// or smtps://, not ${url.protocol}//`);
  }
  if (url.password) {
    throw new UsageError(
      "the SMTP URL holds a password: remove it and set QBR_SMTP_PASSWORD or --smtp-password-file instead",
    );
  }
  if (!url.hostname) throw new UsageError("the SMTP URL names no host");
  const secure = url.protocol === "smtps:";
  const user = url.username ? decodeURIComponent(url.username) : null;
  const password = input.passwordFile
    ? readPasswordFile(input.passwordFile)
    : (input.env.QBR_SMTP_PASSWORD ?? null);
  if (user && !password) {
    throw new UsageError(
      `the SMTP URL names the user ${user}: set QBR_SMTP_PASSWORD or give --smtp-password-file`,
    );
  }
  const port = url.port ? Number(url.port) : secure ? 465 : 587;
  const shownUser = url.username ? `${url.username}@` : "";
  return {
    host: url.hostname.replace(/^\[(.*)\]$/, "$1"),
    port,
    secure,
    user,
    password: user ? password : null,
    insecureTls: input.insecureTls,
    display: `${url.protocol}//${shownUser}${url.host.includes(":") ? url.host : `${url.host}:${port}`}`,
  };
}

export interface DeliveryResult {
  accepted: string[];
  rejected: string[];
  /** The server's final reply to the message. */
  response: string;
  /** Its replies refusing recipients, if any. */
  refusals: string;
}

export interface Sender {
  deliver(envelope: { from: string; to: string[] }, raw: Buffer): Promise<DeliveryResult>;
  close(): void;
}

/** A new connection per message, so a connection dropped during one message cannot harm the next. */
export function smtpSender(settings: SmtpSettings): Sender {
  const transport = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    // A password never travels unencrypted: without TLS the login fails instead.
    requireTLS: !settings.secure && settings.user !== null,
    ...(settings.user ? { auth: { user: settings.user, pass: settings.password ?? "" } } : {}),
    tls: { rejectUnauthorized: !settings.insecureTls },
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
  return {
    async deliver(envelope, raw) {
      const info = await transport.sendMail({ envelope, raw });
      const refusals = (info.rejectedErrors ?? []).map((error) => error.response ?? error.message);
      return {
        accepted: info.accepted.map(String),
        rejected: info.rejected.map(String),
        response: info.response,
        refusals: refusals.join("; "),
      };
    },
    close: () => transport.close(),
  };
}
