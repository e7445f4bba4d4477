import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";

/**
 * A real SMTP server for the send tests (smtp-server in a child process, see smtp-server.mjs),
 * with a self-signed certificate made by openssl for 127.0.0.1, STARTTLS and a user/password.
 */

export const SMTP_USER = "qbr-test";
export const SMTP_PASSWORD = "s3cret-Pa55word";

export interface Certificate {
  key: string;
  cert: string;
}

export function makeCertificate(dir: string): Certificate {
  const key = path.join(dir, "key.pem");
  const cert = path.join(dir, "cert.pem");
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-days",
      "2",
      "-keyout",
      key,
      "-out",
      cert,
      "-subj",
      "/CN=127.0.0.1",
      "-addext",
      "subjectAltName=IP:127.0.0.1,DNS:localhost",
    ],
    { stdio: "ignore" },
  );
  return { key, cert };
}

export interface ServerBehaviour {
  rejectRecipients?: string[];
  dropDataFor?: string[];
}

export interface Received {
  raw: Buffer;
  mailFrom: string;
  rcptTo: string[];
  user: string;
  secure: boolean;
}

export interface TestSmtpServer {
  port: number;
  /** smtp://user@127.0.0.1:port — the password goes in QBR_SMTP_PASSWORD. */
  url: string;
  received(): Received[];
  stop(): Promise<void>;
}

/** Messages land in `store`, which may be shared by servers started one after the other. */
export async function startSmtpServer(
  certificate: Certificate,
  store: string,
  behaviour: ServerBehaviour = {},
): Promise<TestSmtpServer> {
  mkdirSync(store, { recursive: true });
  const config = { dir: store, ...certificate, user: SMTP_USER, pass: SMTP_PASSWORD, ...behaviour };
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(import.meta.dirname, "smtp-server.mjs"), JSON.stringify(config)],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  const port = await new Promise<number>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once("line", (line) => resolve((JSON.parse(line) as { port: number }).port));
    child.once("exit", (code) => reject(new Error(`smtp server exited with ${code}`)));
  });
  return {
    port,
    url: `smtp://${SMTP_USER}@127.0.0.1:${port}`,
    received: () => readReceived(store),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

export function readReceived(store: string): Received[] {
  return readdirSync(store)
    .filter((name) => name.endsWith(".eml"))
    .sort()
    .map((name) => {
      const envelope = JSON.parse(
        readFileSync(path.join(store, name.replace(/\.eml$/, ".json")), "utf8"),
      ) as Omit<Received, "raw">;
      return { raw: readFileSync(path.join(store, name)), ...envelope };
    });
}

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}
