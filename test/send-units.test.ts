import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { simpleParser } from "mailparser";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { InvalidInputError } from "../src/errors.js";
import { accountJsonSchema } from "../src/input/account-schema.js";
import { normaliseAddress, normaliseDomain } from "../src/input/email-address.js";
import { loadAccount } from "../src/input/load-account.js";
import { pdfRenderer } from "../src/render/pdf/render-pdf.js";
import { OUTPUT_FORMAT_SPECS, OUTPUT_FORMATS } from "../src/render/renderer.js";
import { checkAttachment, customerPdfs, kindTitle } from "../src/send/attachments.js";
import { composeMessage, type MessageInput } from "../src/send/compose.js";
import { loadEmailTemplates } from "../src/send/email-templates.js";
import { parseMessage, replaceHeaders } from "../src/send/eml.js";
import { readPdfAudience } from "../src/send/pdf-audience.js";
import { selectRecipients } from "../src/send/recipients.js";
import { smtpSettings } from "../src/send/smtp.js";
import { baseAccountData, makeAccount } from "./helpers/accounts.js";
import { sampleDeck } from "./helpers/decks.js";

describe("mail addresses and domains in account files", () => {
  it("normalises to lower case with an ASCII domain (IDN via punycode)", () => {
    expect(normaliseAddress(" Priya.Shah@Northwind.EXAMPLE ")).toEqual({
      ok: true,
      value: "priya.shah@northwind.example",
    });
    expect(normaliseAddress("jurgen@münchen.example")).toEqual({
      ok: true,
      value: "jurgen@xn--mnchen-3ya.example",
    });
    expect(normaliseDomain("MÜNCHEN.example")).toEqual({ ok: true, value: "xn--mnchen-3ya.example" });
  });

  it.each([
    ["Priya Shah <priya@northwind.example>", "no name, no <>"],
    ["priya@northwind.example, marcus@northwind.example", "no name, no <>"],
    ["priya", "expected an address"],
    ["priya@", "expected an address"],
    ["@northwind.example", "expected an address"],
    ["prïya@northwind.example", "plain ASCII"],
    ["priya@localhost", "at least two labels"],
    ["priya@1.2.3.4", "expected an address domain"],
  ])("refuses the address %j", (text, message) => {
    const result = normaliseAddress(text);
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.message).toContain(message);
  });

  it.each([
    ["com", "at least two labels"],
    ["*.northwind.example", "without wildcards"],
    ["sales@northwind.example", "not an address"],
    ["north wind.example", "expected a domain"],
    ["-northwind.example", "expected a domain"],
    ["northwind.example.", "expected a domain"],
  ])("refuses the domain %j", (text, message) => {
    const result = normaliseDomain(text);
    expect(result.ok ? "" : result.message).toContain(message);
  });

  it("reports a bad email or domain where it is in the file, with the other problems", () => {
    const data = structuredClone(baseAccountData()) as Record<string, any>;
    data.account.domains = ["northwind.example", "com"];
    (data.stakeholders as Record<string, unknown>[])[0]!.email = "Sam <sam@test.example>";
    let issues: InvalidInputError["issues"] = [];
    try {
      loadAccount("acct.yaml", Buffer.from(stringify(data)));
    } catch (error) {
      issues = (error as InvalidInputError).issues;
    }
    expect(issues.map((issue) => issue.path)).toEqual(["account.domains[1]", "stakeholders[0].email"]);
    expect(issues.every((issue) => issue.line > 0)).toBe(true);
  });

  it("appears in qbr schema", () => {
    const schema = accountJsonSchema() as any;
    expect(schema.properties.account.properties.domains.items.format).toBe("idn-hostname");
    expect(schema.properties.stakeholders.items.properties.email.format).toBe("idn-email");
  });
});

describe("recipients", () => {
  const account = (stakeholders: Record<string, unknown>[], domains?: string[]) => {
    const data = baseAccountData() as Record<string, any>;
    data.stakeholders = stakeholders;
    if (domains) data.account.domains = domains;
    return makeAccount(data);
  };
  const sponsor = { name: "Sam", role: "executive-sponsor", email: "sam@test.example" };

  it("takes the chosen roles that have not left and have an email", () => {
    const result = selectRecipients(
      account(
        [
          sponsor,
          { name: "Gone", role: "executive-sponsor", status: "left", email: "gone@test.example" },
          { name: "Buyer", role: "economic-buyer", email: "buyer@test.example" },
          { name: "No mail", role: "executive-sponsor" },
          { name: "Champ", role: "champion", email: "champ@test.example" },
        ],
        ["test.example"],
      ),
      ["executive-sponsor", "economic-buyer"],
    );
    expect(result).toEqual({
      ok: true,
      recipients: [
        { name: "Sam", address: "sam@test.example" },
        { name: "Buyer", address: "buyer@test.example" },
      ],
      notes: ["No mail (executive-sponsor) has no email and is left out"],
    });
  });

  it("refuses the whole account when one address is outside the domains, or no domains are listed", () => {
    const outside = selectRecipients(
      account(
        [sponsor, { name: "Ext", role: "executive-sponsor", email: "ext@partner.example" }],
        ["test.example"],
      ),
      ["executive-sponsor"],
    );
    expect(outside).toEqual({
      ok: false,
      reason: "ext@partner.example outside the account's domains (test.example)",
    });
    // A subdomain is not its parent: each mail domain is listed.
    const sub = selectRecipients(account([{ ...sponsor, email: "sam@eu.test.example" }], ["test.example"]), [
      "executive-sponsor",
    ]);
    expect(sub.ok).toBe(false);
    expect(selectRecipients(account([sponsor]), ["executive-sponsor"])).toMatchObject({
      ok: false,
      reason: expect.stringContaining("lists no mail domains"),
    });
  });
});

describe("the audience marker of a PDF", () => {
  it("reads customer and internal from decks, also when the PDF is encrypted, and null from other PDFs", async () => {
    const customer = (await pdfRenderer.render(sampleDeck("northwind-logistics.yaml", "customer", "qbr"), {}))
      .bytes;
    const internal = (await pdfRenderer.render(sampleDeck("northwind-logistics.yaml", "internal", "qbr"), {}))
      .bytes;
    const encrypted = (
      await pdfRenderer.render(sampleDeck("northwind-logistics.yaml", "customer", "qbr"), {
        pdfUserPassword: "pw",
      })
    ).bytes;
    expect(readPdfAudience(customer)).toBe("customer");
    expect(readPdfAudience(internal)).toBe("internal");
    expect(readPdfAudience(encrypted)).toBe("customer");
    const withoutMarker = Buffer.from(
      Buffer.from(customer).toString("latin1").replace("/QbrDeckAudience /customer", ""),
      "latin1",
    );
    expect(readPdfAudience(withoutMarker)).toBeNull();
    expect(readPdfAudience(Buffer.from("not a pdf"))).toBeNull();
  });
});

describe("composing and reading back a message", () => {
  const templates = loadEmailTemplates(undefined);
  const input = (): MessageInput => ({
    from: { name: "Dana Reyes", address: "dana@vendor.example" },
    to: [{ name: "Ольга Смирнова", address: "olga@kestrel.example" }],
    email: templates.render({
      account: { name: "Kestrel <Analytik> & Co" },
      recipientNames: ["Ольга Смирнова"],
      documents: "Quarterly Business Review",
      period: "Q3 2025",
      meetingDate: "2025-10-22",
      attachments: [{ filename: "kes-qbr.pdf", title: "Quarterly Business Review" }],
      sender: { name: "Dana Reyes", address: "dana@vendor.example" },
      passwordSeparately: true,
    }),
    attachments: [
      { filename: "kes-qbr.pdf", format: "pdf", sha256: "ab", bytes: Buffer.from("%PDF-1.7 fake") },
    ],
    date: "2025-10-15",
  });

  it("gives each attachment its format's media type from the output-format registry", async () => {
    const attachments: MessageInput["attachments"] = OUTPUT_FORMATS.map((format) => ({
      filename: `kes-qbr.${OUTPUT_FORMAT_SPECS[format].extension}`,
      format,
      sha256: format,
      bytes: Buffer.from(`a ${format} deck`),
    }));
    const bytes = await composeMessage({ ...input(), attachments });
    // The header fields as written, long ones unfolded.
    const raw = bytes.toString("latin1").replace(/\r\n[ \t]+/g, " ");
    expect(raw).toContain("\r\nContent-Type: application/pdf; name=kes-qbr.pdf\r\n");
    expect(raw).toContain(
      "\r\nContent-Type: application/vnd.openxmlformats-officedocument.presentationml.presentation; name=kes-qbr.pptx\r\n",
    );
    expect(raw).toContain("\r\nContent-Type: text/html; name=kes-qbr.html\r\n");
    const mail = await simpleParser(bytes);
    expect(mail.attachments.map(({ filename, contentType }) => [filename, contentType])).toEqual([
      ["kes-qbr.pptx", OUTPUT_FORMAT_SPECS.pptx.mime],
      ["kes-qbr.pdf", "application/pdf"],
      ["kes-qbr.html", "text/html"],
    ]);
    expect(parseMessage(bytes).attachments.map((attachment) => attachment.filename)).toEqual([
      "kes-qbr.pptx",
      "kes-qbr.pdf",
      "kes-qbr.html",
    ]);
  });

  it("refuses to attach a file whose name does not end in its format's extension", () => {
    const checked = checkAttachment(os.tmpdir(), {
      path: "kes-qbr.pptx",
      format: "pdf",
      audience: "customer",
      kind: "qbr",
      bytes: 10,
      sha256: "0".repeat(64),
    });
    expect(checked).toEqual({
      ok: false,
      reason: "kes-qbr.pptx: its name does not end in .pdf, as a pdf file's does",
    });
  });

  it("is reproducible, escapes the HTML, and says the password comes separately when the data says so", async () => {
    const first = await composeMessage(input());
    expect((await composeMessage(input())).equals(first)).toBe(true);
    const mail = await simpleParser(first);
    expect(mail.date?.toISOString()).toBe("2025-10-15T12:00:00.000Z");
    expect(mail.subject).toBe("Kestrel <Analytik> & Co — your Quarterly Business Review for Q3 2025");
    expect(mail.html).toContain("Kestrel &lt;Analytik&gt; &amp; Co");
    expect(mail.text).toContain("Dear Ольга Смирнова,");
    expect(mail.text).toContain("password, which I will send you separately");
    expect(mail.text).toContain("22 Oct 2025");
  });

  it("reads its recipients and attachments back, and a [TEST] copy keeps the body", async () => {
    const bytes = await composeMessage(input());
    const parsed = parseMessage(bytes);
    expect(parsed.problems).toEqual([]);
    expect(parsed.recipients).toEqual(["olga@kestrel.example"]);
    const pdfSha = createHash("sha256").update("%PDF-1.7 fake").digest("hex");
    expect(parsed.attachments).toEqual([{ filename: "kes-qbr.pdf", sha256: pdfSha }]);
    const edited = Buffer.from(
      bytes.toString("latin1").replace(/^To: /m, "Cc: eve@elsewhere.example\r\nTo: "),
      "latin1",
    );
    expect(parseMessage(edited).recipients).toEqual(["eve@elsewhere.example", "olga@kestrel.example"]);
    const copy = replaceHeaders(bytes, { to: "me@vendor.example", subject: (old) => `[TEST] ${old}` });
    const mail = await simpleParser(copy);
    expect(mail.subject).toBe("[TEST] Kestrel <Analytik> & Co — your Quarterly Business Review for Q3 2025");
    expect(parseMessage(copy).recipients).toEqual(["me@vendor.example"]);
    const body = (raw: Buffer) => raw.subarray(raw.indexOf("\r\n\r\n"));
    expect(body(copy).equals(body(bytes))).toBe(true);
  });

  it("refuses a template that asks for data emails do not have", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "qbr-email-templates-"));
    const emailDir = path.join(dir, "email");
    mkdirSync(emailDir);
    writeFileSync(path.join(emailDir, "text.hbs"), "Notes: {{internalNotes}}");
    const custom = loadEmailTemplates(dir);
    expect(() => custom.render(input().email as never)).toThrow(InvalidInputError);
  });
});

describe("SMTP settings", () => {
  const settings = (url: string | undefined, env: NodeJS.ProcessEnv = {}) =>
    smtpSettings({ url, passwordFile: undefined, insecureTls: false, env });

  it("takes smtp:// and smtps:// with default ports, the password from the environment only", () => {
    expect(settings("smtp://mailer@mail.vendor.example", { QBR_SMTP_PASSWORD: "pw" })).toMatchObject({
      host: "mail.vendor.example",
      port: 587,
      secure: false,
      user: "mailer",
      password: "pw",
      display: "smtp://mailer@mail.vendor.example:587",
    });
    expect(settings(undefined, { QBR_SMTP_URL: "smtps://relay.vendor.example" })).toMatchObject({
      port: 465,
      secure: true,
      user: null,
    });
  });

  it.each([
    ["smtp://mailer:pw@mail.vendor.example", "holds a password"],
    ["http://mail.vendor.example", "must start with smtp:// or smtps://"],
    ["smtp://mailer@mail.vendor.example", "set QBR_SMTP_PASSWORD"],
    [undefined, "no SMTP server"],
  ])("refuses %j", (url, message) => {
    expect(() => settings(url)).toThrow(message);
  });
});

describe("--attach onepager", () => {
  it("picks the customer one-pager PDF the manifest lists, titled by its kind, and the PDF says customer", async () => {
    const files = (["qbr", "onepager"] as const).flatMap((kind) =>
      (["customer", "internal"] as const).flatMap((audience) =>
        (["pdf", "pptx"] as const).map((format) => ({
          path: `nw-1042-${kind}${audience === "internal" ? "-internal" : ""}.${format}`,
          format,
          audience,
          kind,
          bytes: 1,
          sha256: "00",
        })),
      ),
    );
    const entry = { source: "nw.yaml", account: null, slug: "nw-1042", status: "written", files };
    expect(customerPdfs(entry, ["onepager"]).map((file) => file.path)).toEqual(["nw-1042-onepager.pdf"]);
    expect(kindTitle("onepager")).toBe("Value One-Pager");
    const pdf = (await pdfRenderer.render(sampleDeck("northwind-logistics.yaml", "customer", "onepager"), {}))
      .bytes;
    expect(readPdfAudience(pdf)).toBe("customer");
  });
});
