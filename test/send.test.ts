import { execFileSync } from "node:child_process";
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { simpleParser, type ParsedMail } from "mailparser";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { analyse, loadSample, SAMPLES_DIR } from "./helpers/accounts.js";
import { qbr, type CliResult } from "./helpers/cli.js";
import {
  makeCertificate,
  readReceived,
  SMTP_PASSWORD,
  startSmtpServer,
  tempDir,
  type Certificate,
  type Received,
  type ServerBehaviour,
  type TestSmtpServer,
} from "./helpers/smtp.js";
import { missingTools, skipReason } from "./helpers/tools.js";

/**
 * `qbr send` end to end against a real SMTP server (smtp-server in a child process, STARTTLS
 * with a self-signed certificate, AUTH), decks made by the real CLI, what the server received
 * parsed with mailparser.
 */

const FROM = "Dana Reyes <dana@vendor.example>";
const ROLES = "executive-sponsor,economic-buyer";
/** The extra account of the workspace: one that is always fine, so "the others are sent" holds. */
const ZEPHYR = "accounts/zephyr-freight.yaml";
const EXPECTED: Record<string, string[]> = {
  "ahc-2207.eml": ["anna.keller@alpine-health.example", "matthias.roth@alpine-health.example"],
  "kes-0318.eml": ["katrin.vogel@kestrel-analytik.example"],
  "mf-7731.eml": ["priyanka.nair@mapleandfinch.example"],
  "nw-1042.eml": ["priya.shah@northwind.example"],
  "zf-0001.eml": ["ines.moreau@zephyr-freight.example"],
};
const SAMPLE_FILES = [
  "alpine-health-clinics.yaml",
  "kestrel-analytik.yaml",
  "maple-and-finch.yaml",
  "northwind-logistics.yaml",
];

/** Everything that only an internal deck may hold: the e2e markers, finding titles, internal notes. */
let internalCache: string[] | undefined;
function internalStrings(): string[] {
  if (internalCache) return internalCache;
  const strings = [
    "QBR-INTERNAL-MARKER",
    "Watermelon",
    "watermelon",
    "proxy",
    "Health score",
    "NPS",
    "Internal — do not share",
  ];
  for (const file of SAMPLE_FILES) {
    const account = loadSample(file);
    strings.push(...analyse(account).findings.map((finding) => finding.title));
    if (account.internalNotes) strings.push(account.internalNotes);
  }
  internalCache = strings;
  return strings;
}

const tools = missingTools("openssl", "pdftotext");
let base = "";
let certificate: Certificate;
const servers: TestSmtpServer[] = [];

function zephyrAccount(): string {
  return readFileSync(path.join(SAMPLES_DIR, "northwind-logistics.yaml"), "utf8")
    .replace("name: Northwind Logistics", "name: Zephyr Freight")
    .replace("id: NW-1042", "id: ZF-0001")
    .replaceAll("northwind.example", "zephyr-freight.example")
    .replace("priya.shah@", "ines.moreau@")
    .replace("name: Priya Shah", "name: Ines Moreau")
    .replace("logo: ./logos/northwind.png", "logo: ./logos/northwind.png");
}

function workspace(): string {
  const dir = tempDir("qbr-send-ws-");
  cpSync(base, dir, { recursive: true });
  return dir;
}

const writeOutbox = (dir: string, extra: string[] = []) =>
  qbr(["send", "out", "--from", FROM, "--roles", ROLES, ...extra], { cwd: dir });

function send(
  dir: string,
  server: TestSmtpServer,
  extra: string[] = [],
  env: Record<string, string> = {},
): CliResult {
  return qbr(["send", "out", "--smtp-url", server.url, "--rate", "600", ...extra], {
    cwd: dir,
    env: { QBR_SMTP_PASSWORD: SMTP_PASSWORD, NODE_EXTRA_CA_CERTS: certificate.cert, ...env },
  });
}

async function server(store: string, behaviour: ServerBehaviour = {}): Promise<TestSmtpServer> {
  const started = await startSmtpServer(certificate, store, behaviour);
  servers.push(started);
  return started;
}

const outboxFiles = (dir: string) =>
  readdirSync(path.join(dir, "out/outbox"))
    .filter((name) => name.endsWith(".eml"))
    .sort();

const pdfOf = (dir: string, eml: string) =>
  readFileSync(path.join(dir, "out", eml.replace(/\.eml$/, "-qbr.pdf")));

function pdfText(bytes: Buffer): string {
  return execFileSync("pdftotext", ["-", "-"], { input: bytes, encoding: "utf8" });
}

/** Which outbox message a received one is, by its Message-ID. */
async function byMessage(dir: string, received: Received[]): Promise<Map<string, Received[]>> {
  const ids = new Map<string, string>();
  for (const name of outboxFiles(dir)) {
    ids.set((await simpleParser(readFileSync(path.join(dir, "out/outbox", name)))).messageId!, name);
  }
  const map = new Map<string, Received[]>();
  for (const message of received) {
    const name = ids.get((await simpleParser(message.raw)).messageId!) ?? "?";
    map.set(name, [...(map.get(name) ?? []), message]);
  }
  return map;
}

function expectNoInternalText(mail: ParsedMail, raw: Buffer, label: string): void {
  const texts = [
    // The header block as written (the body is base64/QP: its decoded forms below are what count).
    raw.subarray(0, raw.indexOf("\r\n\r\n")).toString("latin1"),
    mail.subject ?? "",
    mail.text ?? "",
    typeof mail.html === "string" ? mail.html : "",
    [...mail.headers.values()].map(String).join("\n"),
    ...mail.attachments.map((attachment) => pdfText(attachment.content)),
  ].join("\n");
  for (const text of internalStrings()) expect(texts, `${label}: ${text}`).not.toContain(text);
}

function ledger(dir: string): { status: string; message: string; recipients: string[] }[] {
  return (JSON.parse(readFileSync(path.join(dir, "out/sent.json"), "utf8")) as { sent: [] }).sent;
}

/** How many times each recipient got each message. */
function deliveries(received: Received[], names: Map<string, Received[]>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [name, messages] of names) {
    for (const message of messages)
      for (const to of message.rcptTo) counts[`${name} ${to}`] = (counts[`${name} ${to}`] ?? 0) + 1;
  }
  expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(
    received.reduce((sum, m) => sum + m.rcptTo.length, 0),
  );
  return counts;
}

describe.skipIf(tools.length > 0)(`qbr send${skipReason(tools)}`, () => {
  beforeAll(() => {
    base = tempDir("qbr-send-base-");
    cpSync(SAMPLES_DIR, path.join(base, "accounts"), { recursive: true });
    writeFileSync(path.join(base, ZEPHYR), zephyrAccount());
    const generated = qbr(
      ["generate", "accounts", "-o", "out", "--audience", "customer,internal", "-f", "pdf"],
      {
        cwd: base,
      },
    );
    expect(generated.stderr).not.toMatch(/\n\s+at /);
    expect(generated.code).toBe(0);
    certificate = makeCertificate(tempDir("qbr-send-cert-"));
  }, 300_000);

  afterEach(async () => {
    await Promise.all(servers.splice(0).map((running) => running.stop()));
  });

  it("writes one reviewable message per account — right recipients, the customer PDF, nothing internal — and sends nothing", async () => {
    const dir = workspace();
    const result = writeOutbox(dir);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(outboxFiles(dir)).toEqual(Object.keys(EXPECTED));
    expect(existsSync(path.join(dir, "out/sent.json"))).toBe(false);
    for (const name of outboxFiles(dir)) {
      const raw = readFileSync(path.join(dir, "out/outbox", name));
      const mail = await simpleParser(raw);
      const to = (Array.isArray(mail.to) ? mail.to : [mail.to!]).flatMap((group) =>
        group.value.map((a) => a.address),
      );
      expect(to, name).toEqual(EXPECTED[name]);
      expect(mail.cc).toBeUndefined();
      expect(mail.bcc).toBeUndefined();
      expect(mail.from?.value[0]?.address).toBe("dana@vendor.example");
      expect(mail.attachments).toHaveLength(1);
      expect(mail.attachments[0]!.contentType).toBe("application/pdf");
      expect(Buffer.compare(mail.attachments[0]!.content, pdfOf(dir, name)), name).toBe(0);
      expect(mail.text).toContain("Dear ");
      expectNoInternalText(mail, raw, name);
    }
    const index = readFileSync(path.join(dir, "out/outbox/index.csv"), "utf8").trim().split("\n");
    expect(index[0]).toBe("message,account,recipients,subject,attachment,sha256");
    expect(index).toHaveLength(6);
    // Written again from the same decks: the same bytes (Date, Message-ID and boundaries are not random).
    const first = outboxFiles(dir).map((name) => readFileSync(path.join(dir, "out/outbox", name)));
    expect(writeOutbox(dir).code).toBe(0);
    outboxFiles(dir).forEach((name, i) =>
      expect(readFileSync(path.join(dir, "out/outbox", name)).equals(first[i]!), name).toBe(true),
    );
  });

  it("sends exactly the messages left in the outbox, byte for byte, to their recipients only — and never twice", async () => {
    const dir = workspace();
    expect(writeOutbox(dir).code).toBe(0);
    rmSync(path.join(dir, "out/outbox/mf-7731.eml"));
    const smtp = await server(tempDir("qbr-send-store-"));
    const result = send(dir, smtp, ["--send"]);
    expect(result.stderr).not.toMatch(/failed|refused/);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("1 message removed from the outbox in review");
    const received = smtp.received();
    const names = await byMessage(dir, received);
    expect([...names.keys()].sort()).toEqual(["ahc-2207.eml", "kes-0318.eml", "nw-1042.eml", "zf-0001.eml"]);
    for (const [name, [message]] of names) {
      expect(message!.rcptTo.sort(), name).toEqual(EXPECTED[name]);
      expect(message!.raw.equals(readFileSync(path.join(dir, "out/outbox", name))), name).toBe(true);
      expect(message!.secure, "STARTTLS").toBe(true);
      expect(message!.user).toBe("qbr-test");
      const mail = await simpleParser(message!.raw);
      expect(Buffer.compare(mail.attachments[0]!.content, pdfOf(dir, name))).toBe(0);
      expectNoInternalText(mail, message!.raw, `received ${name}`);
    }
    expect(ledger(dir).filter((attempt) => attempt.status === "sent")).toHaveLength(4);
    expect(result.stdout + result.stderr).not.toContain(SMTP_PASSWORD);

    const again = send(dir, smtp, ["--send"]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("already-sent");
    expect(smtp.received()).toHaveLength(4);
    // Writing the outbox again leaves out what was sent; --resend is the one way to send it again.
    expect(writeOutbox(dir).stdout).toContain("Wrote 1 message");
    expect(send(dir, smtp, ["--send", "--resend"]).code).toBe(0);
    expect(smtp.received()).toHaveLength(5);
  });

  it("refuses an account outside its domains, an internal deck, a stale message and a hand-edited one; the others are sent", async () => {
    const dir = workspace();
    const kestrel = path.join(dir, "accounts/kestrel-analytik.yaml");
    writeFileSync(
      kestrel,
      readFileSync(kestrel, "utf8").replace(
        "katrin.vogel@kestrel-analytik.example",
        "katrin.vogel@private-mail.example",
      ),
    );
    // A customer PDF replaced by the internal deck, manifest updated to match: only the PDF itself tells.
    const manifestFile = path.join(dir, "out/manifest.json");
    const manifest = JSON.parse(readFileSync(manifestFile, "utf8"));
    const internal = readFileSync(path.join(dir, "out/mf-7731-qbr-internal.pdf"));
    writeFileSync(path.join(dir, "out/mf-7731-qbr.pdf"), internal);
    for (const entry of manifest.accounts) {
      for (const file of entry.files) {
        if (file.path === "mf-7731-qbr.pdf") {
          file.sha256 = (await import("node:crypto")).createHash("sha256").update(internal).digest("hex");
          file.bytes = internal.length;
        }
      }
    }
    writeFileSync(manifestFile, JSON.stringify(manifest));
    const outbox = writeOutbox(dir);
    expect(outbox.code).toBe(1);
    expect(outbox.stderr).toMatch(
      /refused: accounts\/kestrel-analytik\.yaml — katrin\.vogel@private-mail\.example outside the account's domains/,
    );
    expect(outbox.stderr).toMatch(
      /refused: accounts\/maple-and-finch\.yaml — .*the PDF itself is a internal deck/,
    );
    expect(outboxFiles(dir)).toEqual(["ahc-2207.eml", "nw-1042.eml", "zf-0001.eml"]);

    // Northwind re-generated after the outbox was written: its message is stale.
    const northwind = path.join(dir, "accounts/northwind-logistics.yaml");
    writeFileSync(
      northwind,
      readFileSync(northwind, "utf8").replace(
        "{ date: 2025-09-30, value: 820 }",
        "{ date: 2025-09-30, value: 780 }",
      ),
    );
    expect(
      qbr(["generate", "accounts", "-o", "out", "--audience", "customer,internal", "-f", "pdf"], { cwd: dir })
        .code,
    ).toBe(0);
    // A recipient outside the domains added by hand to a reviewed message.
    const alpine = path.join(dir, "out/outbox/ahc-2207.eml");
    writeFileSync(
      alpine,
      readFileSync(alpine, "latin1").replace(/^To: /m, "To: mallory@evil.example, "),
      "latin1",
    );

    const smtp = await server(tempDir("qbr-send-store-"));
    const result = send(dir, smtp, ["--send"]);
    expect(result.code).toBe(1);
    const lines = result.stderr.split("\n").filter((line) => /^(failed|refused):/.test(line));
    expect(lines, result.stderr).toHaveLength(2);
    expect(result.stderr).toMatch(
      /refused: accounts\/northwind-logistics\.yaml — stale: nw-1042-qbr\.pdf was re-generated since the outbox was written — run qbr send again/,
    );
    expect(result.stderr).toMatch(
      /refused: accounts\/alpine-health-clinics\.yaml — mallory@evil\.example outside the account's domains/,
    );
    const received = smtp.received();
    expect(received).toHaveLength(1);
    expect(received[0]!.rcptTo).toEqual(EXPECTED["zf-0001.eml"]);
  });

  it("fails only the account whose recipient the server refuses (5xx) or whose connection drops; a second run sends what is left, nothing twice", async () => {
    const dir = workspace();
    expect(writeOutbox(dir).code).toBe(0);
    const store = tempDir("qbr-send-store-");
    const flaky = await server(store, {
      rejectRecipients: ["matthias.roth@alpine-health.example"],
      dropDataFor: ["katrin.vogel@kestrel-analytik.example"],
    });
    const first = send(dir, flaky, ["--send"]);
    expect(first.code).toBe(1);
    const failures = first.stderr.split("\n").filter((line) => line.startsWith("failed:"));
    expect(failures).toHaveLength(2);
    expect(first.stderr).toMatch(
      /failed: accounts\/alpine-health-clinics\.yaml — the server refused matthias\.roth@alpine-health\.example: 550/,
    );
    expect(first.stderr).toMatch(/failed: accounts\/kestrel-analytik\.yaml — not sent: /);
    const afterFirst = await byMessage(dir, readReceived(store));
    expect(afterFirst.get("ahc-2207.eml")?.map((m) => m.rcptTo)).toEqual([
      ["anna.keller@alpine-health.example"],
    ]);
    expect(afterFirst.has("kes-0318.eml")).toBe(false);
    expect(
      ledger(dir)
        .filter((attempt) => attempt.status === "failed")
        .map((attempt) => attempt.message)
        .sort(),
    ).toEqual(["ahc-2207.eml", "kes-0318.eml"]);
    await flaky.stop();

    const healthy = await server(store);
    const second = send(dir, healthy, ["--send"]);
    expect(second.stderr).not.toMatch(/failed:|refused:/);
    expect(second.code).toBe(0);
    const received = readReceived(store);
    const counts = deliveries(received, await byMessage(dir, received));
    const expected = Object.fromEntries(
      Object.entries(EXPECTED).flatMap(([name, recipients]) => recipients.map((to) => [`${name} ${to}`, 1])),
    );
    expect(counts).toEqual(expected);
  });

  it("--test-to sends every message to the test address only, marked [TEST], and records nothing", async () => {
    const dir = workspace();
    expect(writeOutbox(dir).code).toBe(0);
    const smtp = await server(tempDir("qbr-send-store-"));
    const result = send(dir, smtp, ["--test-to", "me@vendor.example"]);
    expect(result.stderr).not.toMatch(/failed:|refused:/);
    expect(result.code).toBe(0);
    const received = smtp.received();
    expect(received).toHaveLength(5);
    for (const message of received) {
      expect(message.rcptTo).toEqual(["me@vendor.example"]);
      const mail = await simpleParser(message.raw);
      expect(mail.subject).toMatch(/^\[TEST\] .+ — your Quarterly Business Review for Q\d 2025$/);
      const to = (Array.isArray(mail.to) ? mail.to : [mail.to!]).flatMap((group) =>
        group.value.map((a) => a.address),
      );
      expect(to).toEqual(["me@vendor.example"]);
      const original = outboxFiles(dir).find(
        (name) => mail.attachments[0]!.filename === name.replace(".eml", "-qbr.pdf"),
      )!;
      expect(Buffer.compare(mail.attachments[0]!.content, pdfOf(dir, original))).toBe(0);
      // The body is the reviewed one, byte for byte.
      const body = (raw: Buffer) => raw.subarray(raw.indexOf("\r\n\r\n"));
      expect(body(message.raw).equals(body(readFileSync(path.join(dir, "out/outbox", original))))).toBe(true);
    }
    expect(existsSync(path.join(dir, "out/sent.json"))).toBe(false);

    const customer = send(dir, smtp, ["--test-to", "someone@northwind.example"]);
    expect(customer.code).toBe(2);
    expect(customer.stderr).toContain("is in the domain of Northwind Logistics");
    expect(smtp.received()).toHaveLength(5);
  });

  it("checks the server certificate unless --insecure-tls, and never takes or prints a password from the URL", async () => {
    const dir = workspace();
    expect(writeOutbox(dir).code).toBe(0);
    const smtp = await server(tempDir("qbr-send-store-"));
    const untrusted = send(dir, smtp, ["--send"], { NODE_EXTRA_CA_CERTS: "/dev/null" });
    expect(untrusted.code).toBe(1);
    expect(untrusted.stderr).toMatch(/failed: .*certificate/);
    expect(smtp.received()).toHaveLength(0);
    const insecure = send(dir, smtp, ["--send", "--insecure-tls"], { NODE_EXTRA_CA_CERTS: "/dev/null" });
    expect(insecure.code).toBe(0);
    expect(smtp.received()).toHaveLength(5);

    const inUrl = qbr(
      ["send", "out", "--send", "--smtp-url", `smtp://qbr-test:${SMTP_PASSWORD}@127.0.0.1:${smtp.port}`],
      { cwd: dir },
    );
    expect(inUrl.code).toBe(2);
    expect(inUrl.stderr).toContain("the SMTP URL holds a password");
    expect(inUrl.stdout + inUrl.stderr).not.toContain(SMTP_PASSWORD);
    const noPassword = qbr(["send", "out", "--send", "--smtp-url", smtp.url], {
      cwd: dir,
      env: { QBR_SMTP_PASSWORD: "" },
    });
    expect(noPassword.code).toBe(2);
    expect(noPassword.stderr).toContain("set QBR_SMTP_PASSWORD or give --smtp-password-file");
    const wrong = send(dir, smtp, ["--send", "--resend"], { QBR_SMTP_PASSWORD: "wrong" });
    expect(wrong.code).toBe(1);
    expect(smtp.received()).toHaveLength(5);
  });
});
