import { spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { discoverAccountFiles } from "../src/io/discover.js";
import { generateAccount } from "../src/batch/generate-account.js";
import { runBatch } from "../src/batch/run-batch.js";
import type { Manifest } from "../src/batch/manifest.js";
import { SAMPLES_DIR } from "./helpers/accounts.js";
import { pdfBatchSettings, readJson, SAMPLE_FILES, sampleWithId, tempDir } from "./helpers/batch.js";
import { CLI, qbr } from "./helpers/cli.js";

/**
 * Issue 10 items 5, 6 and 9: what `validate` and `generate` read when given a folder or a glob.
 * The search stays inside the folder the user named, reads each real file once, reports what it
 * skips and the folders it cannot read; logos stay inside the account's folder.
 */

const silentIo = { out: () => {}, err: () => {}, isTty: false };

/** accounts/ with two samples, a sibling folder and a file outside it. */
function layout(): { root: string; accounts: string; sibling: string } {
  const root = tempDir("qbr-discover-");
  const accounts = path.join(root, "accounts");
  const sibling = path.join(root, "sibling");
  mkdirSync(path.join(accounts, "emea"), { recursive: true });
  mkdirSync(sibling);
  writeFileSync(path.join(accounts, "a.yaml"), sampleWithId(SAMPLE_FILES[0]!, "A-1"));
  writeFileSync(path.join(accounts, "emea", "b.yaml"), sampleWithId(SAMPLE_FILES[1]!, "B-1"));
  writeFileSync(path.join(sibling, "other.yaml"), sampleWithId(SAMPLE_FILES[2]!, "OTHER-1"));
  writeFileSync(path.join(root, "secret.yaml"), "root:x:0:0:s3cr3t:/root:/bin/bash\n");
  return { root, accounts, sibling };
}

describe("discovery and symbolic links", () => {
  it("a link to `.`, to a sibling folder, to a file outside and a loop: each real account once, nothing from outside", async () => {
    const { root, accounts } = layout();
    symlinkSync(".", path.join(accounts, "self"));
    symlinkSync("../sibling", path.join(accounts, "sibling"));
    symlinkSync(path.join(root, "secret.yaml"), path.join(accounts, "passwd.yaml"));
    symlinkSync("..", path.join(accounts, "emea", "up"));
    symlinkSync("loop-b", path.join(accounts, "loop-a.yaml"));
    symlinkSync("loop-a.yaml", path.join(accounts, "loop-b"));
    symlinkSync("a.yaml", path.join(accounts, "alias.yaml")); // inside: the same file, read once

    const found = await discoverAccountFiles([accounts]);
    expect(found.files).toEqual([path.join(accounts, "a.yaml"), path.join(accounts, "emea", "b.yaml")]);
    expect(found.unreadableFolders).toEqual([]);
    const skipped = Object.fromEntries(found.skippedLinks.map((link) => [link.path, link.message]));
    expect(skipped[path.join(accounts, "self")]).toMatch(/loop/);
    expect(skipped[path.join(accounts, "emea", "up")]).toMatch(/loop/);
    expect(skipped[path.join(accounts, "sibling")]).toMatch(/outside/);
    expect(skipped[path.join(accounts, "passwd.yaml")]).toMatch(/outside/);
    expect(skipped[path.join(accounts, "loop-a.yaml")]).toMatch(/loops/);

    // The same through a glob, and with the folder named twice.
    const globbed = await discoverAccountFiles([`${accounts}/**/*.yaml`, accounts, `${accounts}/`]);
    expect(globbed.files).toEqual(found.files);
  });

  it("a link to a file inside is read under its own name only when the file has none in the search", async () => {
    const { accounts } = layout();
    const hidden = path.join(accounts, ".drafts");
    mkdirSync(hidden);
    writeFileSync(path.join(hidden, "c.yaml"), sampleWithId(SAMPLE_FILES[3]!, "C-1"));
    symlinkSync(".drafts/c.yaml", path.join(accounts, "c.yaml"));
    const found = await discoverAccountFiles([accounts]);
    expect(found.files).toContain(path.join(accounts, "c.yaml"));
    expect(found.files).toHaveLength(3);
  });

  it("a folder or file the user names may itself be a link", async () => {
    const { root, accounts } = layout();
    symlinkSync(accounts, path.join(root, "current"));
    symlinkSync(path.join(root, "secret.yaml"), path.join(root, "named.yaml"));
    const found = await discoverAccountFiles([path.join(root, "current"), path.join(root, "named.yaml")]);
    expect(found.files).toEqual([
      path.join(root, "current", "a.yaml"),
      path.join(root, "current", "emea", "b.yaml"),
      path.join(root, "named.yaml"),
    ]);
  });

  it("qbr generate: each account once, none from outside, and /etc/passwd-like data neither read nor echoed", () => {
    const { root, accounts } = layout();
    symlinkSync(".", path.join(accounts, "self"));
    symlinkSync("../sibling", path.join(accounts, "sibling"));
    symlinkSync(path.join(root, "secret.yaml"), path.join(accounts, "passwd.yaml"));
    const out = path.join(root, "out");
    const result = qbr(["generate", accounts, "-o", out, "-f", "pdf"]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/warning: .*self — link to a folder that contains it \(a loop\); skipped/);
    expect(result.stderr).toMatch(/warning: .*sibling — link to .*, outside .*; skipped/);
    expect(result.stderr).toMatch(/warning: .*passwd\.yaml — link to .*secret\.yaml, outside .*; skipped/);
    const manifest = readJson<Manifest>(path.join(out, "manifest.json"));
    // Was: A-1 and B-1 twice each (ARR doubled), OTHER-1 from the sibling, and passwd.yaml failed
    // with its first line quoted in the manifest and the portfolio.
    expect(manifest.accounts.map((entry) => entry.account?.id).sort()).toEqual(["A-1", "B-1"]);
    expect(result.stderr + result.stdout).not.toContain("s3cr3t");
    expect(readFileSync(path.join(out, "manifest.json"), "utf8")).not.toContain("s3cr3t");
  });

  it("a file named directly may be a link (the user chose it); one that is no account is refused without quoting it", () => {
    const { root, accounts } = layout();
    symlinkSync(path.join(root, "secret.yaml"), path.join(accounts, "passwd.yaml"));
    const named = qbr(["validate", path.join(accounts, "passwd.yaml"), path.join(accounts, "a.yaml")]);
    expect(named.code).toBe(2);
    expect(named.stderr).toContain(
      "passwd.yaml — expected a mapping (key: value pairs) at the top of the file, got a text",
    );
    expect(named.stderr).not.toContain("s3cr3t");
  });
});

describe("folders that cannot be read", () => {
  /**
   * Tests run as root, whom chmod 000 does not stop. The CLI then runs as the unprivileged user
   * `nobody` through setpriv(1), so the permission is truly enforced by the kernel; as another
   * user, it runs as is. Skipped only where neither is possible.
   */
  const asRoot = process.getuid?.() === 0;
  const setpriv = asRoot && spawnSync("setpriv", ["--version"]).status === 0;
  const canTest = !asRoot || setpriv;

  function runUnprivileged(
    args: string[],
    cwd: string,
  ): { code: number | null; stdout: string; stderr: string } {
    const command = asRoot
      ? ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", process.execPath, CLI, ...args]
      : [process.execPath, CLI, ...args];
    const result = spawnSync(command[0]!, command.slice(1), { cwd, encoding: "utf8", timeout: 120_000 });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  /** A world-readable tree (so `nobody` can read all of it) with one locked sub-folder. */
  function lockedLayout() {
    const { root, accounts } = layout();
    const locked = path.join(accounts, "locked");
    mkdirSync(locked);
    writeFileSync(path.join(locked, "d.yaml"), sampleWithId(SAMPLE_FILES[3]!, "D-1"));
    for (const dir of [root, accounts, path.join(accounts, "emea")]) chmodSync(dir, 0o777);
    for (const dir of [root]) chmodSync(path.dirname(dir), 0o777);
    chmodSync(locked, 0o000);
    return { root, accounts };
  }

  it.skipIf(!canTest)(
    "qbr validate names the folder and exits 2 (the account inside was not checked)",
    () => {
      const { root } = lockedLayout();
      const result = runUnprivileged(["validate", "accounts"], root);
      expect(result.stderr).toContain(`${path.join("accounts", "locked")} — cannot read the folder (EACCES)`);
      expect(result.stdout).toContain("2 files checked: 2 valid, 0 invalid; 1 folder could not be read");
      expect(result.code).toBe(2);
    },
  );

  it.skipIf(!canTest)("qbr generate lists it as failed in the manifest and exits 1", () => {
    const { root } = lockedLayout();
    const result = runUnprivileged(["generate", "accounts", "-o", "out", "-f", "pdf"], root);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toContain("failed: accounts/locked — cannot read the folder (EACCES)");
    const manifest = readJson<Manifest>(path.join(root, "out", "manifest.json"));
    expect(manifest.accounts.find((entry) => entry.source === "accounts/locked")).toMatchObject({
      status: "failed",
      error: expect.stringContaining("cannot read the folder (EACCES)"),
    });
    expect(manifest.accounts.filter((entry) => entry.status === "written")).toHaveLength(2);
  });
});

describe("qbr init, then validate and generate on the same folder", () => {
  it("the schema file written beside the starter account is not taken for an account", () => {
    const dir = tempDir("qbr-init-");
    expect(qbr(["init", dir]).code).toBe(0);
    const validate = qbr(["validate", dir]);
    expect(validate.stderr).toBe("");
    expect(validate.stdout).toBe(`${path.join(dir, "account.yaml")}: valid\n`);
    expect(validate.code).toBe(0);
    const generate = qbr(["generate", dir, "-o", path.join(dir, "out"), "-f", "pdf"]);
    expect(generate.code, generate.stderr).toBe(0);
    expect(generate.stdout).toMatch(/\.pdf \(pdf, internal/);
  });

  it("a JSON Schema under another name is skipped too; an account in JSON is not", async () => {
    const dir = tempDir("qbr-schema-");
    writeFileSync(
      path.join(dir, "editor.json"),
      `{\n  "$schema": "https://json-schema.org/draft/2020-12/schema",\n  "type": "object"\n}\n`,
    );
    writeFileSync(path.join(dir, "account.json"), JSON.stringify({ $comment: "x" }));
    const found = await discoverAccountFiles([dir]);
    expect(found.files).toEqual([path.join(dir, "account.json")]);
  });
});

describe("logos stay inside the account's folder", () => {
  function accountWithLogo(logo: string): { dir: string; file: string; outside: string } {
    const root = tempDir("qbr-logo-");
    const dir = path.join(root, "acct");
    const outside = path.join(root, "elsewhere");
    mkdirSync(path.join(dir, "logos"), { recursive: true });
    mkdirSync(outside);
    const png = path.join(SAMPLES_DIR, "logos", "northwind.png");
    copyFileSync(png, path.join(outside, "logo.png"));
    copyFileSync(png, path.join(dir, "logos", "inside.png"));
    symlinkSync(path.join(outside, "logo.png"), path.join(dir, "logos", "linked.png"));
    const file = path.join(dir, "account.yaml");
    const text = readFileSync(path.join(SAMPLES_DIR, "northwind-logistics.yaml"), "utf8");
    writeFileSync(file, text.replace(/^( {2}logo: ).*$/m, `$1${logo.replace("OUTSIDE", outside)}`));
    return { dir, file, outside };
  }

  const imagesIn = (pdf: string) => readFileSync(pdf, "latin1").split("/Subtype /Image").length - 1;

  it.each([
    ["an absolute path", "OUTSIDE/logo.png"],
    ["a ../ path", "../elsewhere/logo.png"],
    ["a link leading out", "./logos/linked.png"],
  ])("%s is refused with a warning; the deck has no logo", async (_label, logo) => {
    const { file, dir } = accountWithLogo(logo);
    const settings = pdfBatchSettings(path.join(dir, "out"));
    const refused = await generateAccount(file, settings);
    if (refused.status !== "written") throw new Error("expected a deck");
    expect(refused.warnings.join("\n")).toMatch(
      /logo .* is outside the account's folder .*; the deck has no logo/,
    );
    expect(imagesIn(refused.files[0]!.path)).toBe(0);

    const allowed = await generateAccount(file, { ...settings, allowOutsideAssets: true });
    if (allowed.status !== "written") throw new Error("expected a deck");
    expect(allowed.warnings).toEqual([]);
    expect(imagesIn(allowed.files[0]!.path)).toBeGreaterThan(0);
  });

  it("a logo in a sub-folder of the account's folder is read as before", async () => {
    const { file, dir } = accountWithLogo("./logos/inside.png");
    const outcome = await generateAccount(file, pdfBatchSettings(path.join(dir, "out")));
    if (outcome.status !== "written") throw new Error("expected a deck");
    expect(outcome.warnings).toEqual([]);
    expect(imagesIn(outcome.files[0]!.path)).toBeGreaterThan(0);
  });

  it("--allow-outside-assets reaches the decks through the CLI and is part of the input hash", async () => {
    const { file, dir } = accountWithLogo("../elsewhere/logo.png");
    const out = path.join(dir, "out");
    const refused = qbr(["generate", file, "-o", out, "-f", "pdf"]);
    expect(refused.code).toBe(0);
    expect(refused.stderr).toMatch(/is outside the account's folder/);
    const allowed = qbr(["generate", file, "-o", out, "-f", "pdf", "--allow-outside-assets"]);
    expect(allowed.code).toBe(0);
    expect(allowed.stderr).toBe("");
    // Not "unchanged since the last run": the option changed what the deck is made of.
    expect(allowed.stdout).not.toMatch(/unchanged/);
    expect(imagesIn(path.join(out, "nw-1042-qbr-internal.pdf"))).toBeGreaterThan(0);
    const manifest = readJson<Manifest>(path.join(out, "manifest.json"));
    expect(manifest.settings).toMatchObject({ allowOutsideAssets: true });
    // The batch path (planner, then worker threads) refuses the same way.
    const second = path.join(dir, "second.yaml");
    writeFileSync(second, readFileSync(file, "utf8").replace(/^( {2}id: ).*$/m, "$1NW-2"));
    const result = await runBatch(
      [file, second],
      { settings: pdfBatchSettings(path.join(dir, "batch-out")), concurrency: 1, force: false },
      silentIo,
    );
    for (const entry of result.manifest.accounts) {
      expect(entry.warnings?.join("\n")).toMatch(/outside the account's folder/);
    }
  });
});
