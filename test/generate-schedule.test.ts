import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { simpleParser } from "mailparser";
import { beforeAll, describe, expect, it } from "vitest";
import { SAMPLES_DIR } from "./helpers/accounts.js";
import { qbr } from "./helpers/cli.js";
import { missingTools, skipReason } from "./helpers/tools.js";

/**
 * A scheduled run (issue "sharing with sponsors"): --meeting-within keeps the coming week's QBRs,
 * --pdf-password-per-account gives each customer PDF its own password in an owner-only
 * passwords.csv, and the outbox says the password comes separately without ever holding it.
 */

function workspace(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "qbr-schedule-"));
  cpSync(SAMPLES_DIR, path.join(dir, "accounts"), { recursive: true });
  return dir;
}

interface ManifestEntry {
  source: string;
  status: string;
  filterReason?: string;
  files: { path: string; audience: string; format: string; encrypted?: true }[];
}
const manifestOf = (dir: string) =>
  (JSON.parse(readFileSync(path.join(dir, "out/manifest.json"), "utf8")) as { accounts: ManifestEntry[] })
    .accounts;

describe("qbr generate --meeting-within", () => {
  // As of 20 Oct 2025 the samples' meetings are 2 (Kestrel), 17 (Maple & Finch) and 31 days
  // (Alpine) ahead, and 12 days past (Northwind).
  it("keeps exactly the accounts whose review meeting is within the next DAYS days", () => {
    const dir = workspace();
    const noMeeting = readFileSync(path.join(dir, "accounts/northwind-logistics.yaml"), "utf8")
      .replace(/^\s*meetingDate: .*\n/m, "")
      .replace("id: NW-1042", "id: NW-0000");
    writeFileSync(path.join(dir, "accounts/no-meeting.yaml"), noMeeting);
    const result = qbr(
      ["generate", "accounts", "-o", "out", "-f", "pdf", "--as-of", "2025-10-20", "--meeting-within", "20"],
      { cwd: dir },
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.code).toBe(0);
    const byStatus = (status: string) =>
      manifestOf(dir)
        .filter((entry) => entry.status === status)
        .map((entry) => path.basename(entry.source))
        .sort();
    expect(byStatus("written")).toEqual(["kestrel-analytik.yaml", "maple-and-finch.yaml"]);
    expect(byStatus("filtered")).toEqual([
      "alpine-health-clinics.yaml",
      "no-meeting.yaml",
      "northwind-logistics.yaml",
    ]);
    const reasons = Object.fromEntries(
      manifestOf(dir).map((entry) => [path.basename(entry.source), entry.filterReason]),
    );
    expect(reasons["alpine-health-clinics.yaml"]).toBe("meeting is 31 days away");
    expect(reasons["northwind-logistics.yaml"]).toBe("meeting was 12 days ago");
    expect(reasons["no-meeting.yaml"]).toBe("no review.meetingDate");
    expect(result.stdout).toContain(
      "Left out 3 accounts whose review meeting is not within the next 20 days.",
    );
  });

  it("combines with --renewal-within (both must hold) and refuses a negative number", () => {
    const dir = workspace();
    const result = qbr(
      [
        "generate",
        "accounts/kestrel-analytik.yaml",
        "-o",
        "out",
        "-f",
        "pdf",
        "--as-of",
        "2025-10-20",
        "--meeting-within",
        "7",
        "--renewal-within",
        "1",
      ],
      { cwd: dir },
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/kestrel-analytik\.yaml: skipped \(renewal is \d+ days away\)/);
    const bad = qbr(["generate", "accounts", "-o", "out", "--meeting-within", "-3"], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--meeting-within");
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });
});

const tools = missingTools("qpdf", "pdftotext");

describe.skipIf(tools.length > 0)(`qbr generate --pdf-password-per-account${skipReason(tools)}`, () => {
  let dir = "";
  let rows: { id: string; account: string; files: string; password: string }[] = [];
  let stdout = "";
  beforeAll(() => {
    dir = workspace();
    const result = qbr(
      [
        "generate",
        "accounts",
        "-o",
        "out",
        "-f",
        "pdf",
        "--audience",
        "customer,internal",
        "--pdf-password-per-account",
      ],
      { cwd: dir },
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.code).toBe(0);
    stdout = result.stdout;
    rows = parse(readFileSync(path.join(dir, "out/passwords.csv")), { columns: true });
  }, 300_000);

  it("lists one distinct password per account in an owner-only passwords.csv", () => {
    expect(stdout).toContain(`Passwords: ${path.join("out", "passwords.csv")}`);
    expect(statSync(path.join(dir, "out/passwords.csv")).mode & 0o777).toBe(0o600);
    expect(rows.map((row) => row.id).sort()).toEqual(["AHC-2207", "KES-0318", "MF-7731", "NW-1042"]);
    expect(new Set(rows.map((row) => row.password)).size).toBe(4);
    for (const row of rows) expect(row.password).toMatch(/^[a-zA-Z2-9]{4}(-[a-zA-Z2-9]{4}){3}$/);
  });

  it("encrypts each customer PDF with its account's password, and no internal one", () => {
    for (const row of rows) {
      const file = path.join(dir, "out", row.files);
      expect(row.files).toMatch(/^[a-z0-9-]+-qbr\.pdf$/);
      const noPassword = spawnSync("pdftotext", [file, "-"], { encoding: "utf8" });
      expect(noPassword.status).not.toBe(0);
      const text = execFileSync("pdftotext", ["-upw", row.password, file, "-"], { encoding: "utf8" });
      expect(text).toContain(row.account);
      expect(
        execFileSync("qpdf", [`--password=${row.password}`, "--check", file], { encoding: "utf8" }),
      ).toMatch(/No syntax or stream encoding errors/);
    }
    for (const entry of manifestOf(dir)) {
      for (const file of entry.files) {
        expect(Boolean(file.encrypted), file.path).toBe(file.audience === "customer");
        if (file.audience === "internal") {
          execFileSync("pdftotext", [path.join(dir, "out", file.path), "/dev/null"]);
        }
      }
    }
  });

  it("writes no password into the manifest, and re-runs give new passwords rather than stale files", () => {
    const manifest = readFileSync(path.join(dir, "out/manifest.json"), "utf8");
    for (const row of rows) expect(manifest).not.toContain(row.password);
    expect(JSON.parse(manifest).settings.pdfEncrypted).toBe(true);
    const again = qbr(
      [
        "generate",
        "accounts",
        "-o",
        "out",
        "-f",
        "pdf",
        "--audience",
        "customer",
        "--pdf-password-per-account",
      ],
      { cwd: dir },
    );
    expect(again.code).toBe(0);
    const second: typeof rows = parse(readFileSync(path.join(dir, "out/passwords.csv")), { columns: true });
    expect(second).toHaveLength(4);
    for (const row of second) {
      expect(rows.find((first) => first.id === row.id)!.password).not.toBe(row.password);
      execFileSync("pdftotext", ["-upw", row.password, path.join(dir, "out", row.files), "/dev/null"]);
    }
    rows = second;
  });

  it("refuses to combine with one shared password", () => {
    const result = qbr(
      ["generate", "accounts", "-o", "out2", "--pdf-password-per-account", "--pdf-password", "x"],
      { cwd: dir },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--pdf-password-per-account gives each account its own password");
  });

  it("makes the outbox say the password comes separately, and never hold it", async () => {
    const result = qbr(["send", "out", "--from", "Dana Reyes <dana@vendor.example>"], { cwd: dir });
    expect(result.stderr).not.toMatch(/\n\s+at /);
    const outbox = path.join(dir, "out/outbox");
    const messages = readdirSync(outbox).filter((name) => name.endsWith(".eml"));
    expect(messages.length).toBeGreaterThan(0);
    for (const name of messages) {
      const raw = readFileSync(path.join(outbox, name));
      const mail = await simpleParser(raw);
      expect(mail.text).toContain("protected with a password, which I will send you separately");
      const everything = [raw.toString("latin1"), mail.text ?? "", String(mail.html)].join("\n");
      for (const row of rows) expect(everything, name).not.toContain(row.password);
    }
    const index = readFileSync(path.join(outbox, "index.csv"), "utf8");
    for (const row of rows) expect(index).not.toContain(row.password);
  });
});
