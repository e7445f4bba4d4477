import { execFileSync, spawnSync } from "node:child_process";
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, SAMPLES_DIR } from "./helpers/accounts.js";

/**
 * The built package as a user gets it: `npm pack` (npm test builds dist/ first), unpacked into
 * a project's node_modules, and docs/api.md's example run there by plain Node — so the files
 * list, the exports map and the example are all checked. The package's dependencies are linked
 * from this repository's node_modules rather than installed, so the test needs no network.
 */

let project: string;

function apiExample(): string {
  const doc = readFileSync(path.join(ROOT, "docs/api.md"), "utf8");
  const example = /```js\n([\s\S]*?)```/.exec(doc)?.[1];
  if (!example) throw new Error("docs/api.md has no js example");
  return example;
}

function installPackedPackage(into: string): void {
  const packed = execFileSync("npm", ["pack", "--ignore-scripts", "--silent", "--pack-destination", into], {
    cwd: ROOT,
    encoding: "utf8",
  }).trim();
  const packageDir = path.join(into, "node_modules", "qbr-deck");
  mkdirSync(packageDir, { recursive: true });
  execFileSync("tar", [
    "-xzf",
    path.join(into, packed.split("\n").pop()!),
    "-C",
    packageDir,
    "--strip-components=1",
  ]);
  for (const name of readdirSync(path.join(ROOT, "node_modules"))) {
    if (name.startsWith(".") || name === "qbr-deck") continue;
    symlinkSync(path.join(ROOT, "node_modules", name), path.join(into, "node_modules", name));
  }
}

beforeAll(() => {
  project = mkdtempSync(path.join(tmpdir(), "qbr-package-"));
  installPackedPackage(project);
  copyFileSync(path.join(SAMPLES_DIR, "northwind-logistics.yaml"), path.join(project, "northwind.yaml"));
  mkdirSync(path.join(project, "accounts"));
  for (const name of ["alpine-health-clinics.yaml", "kestrel-analytik.yaml"]) {
    copyFileSync(path.join(SAMPLES_DIR, name), path.join(project, "accounts", name));
  }
}, 120_000);

afterAll(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

describe('import("qbr-deck")', () => {
  it("ships the API entry, its types and the templates, and not the tests", () => {
    const packageDir = path.join(project, "node_modules", "qbr-deck");
    const dist = readdirSync(path.join(packageDir, "dist"));
    expect(dist).toEqual(expect.arrayContaining(["index.js", "index.d.ts", "pipeline.js", "cli"]));
    expect(readdirSync(path.join(packageDir, "templates"))).toContain("deck.yaml");
    expect(dist).not.toContain("test");
  });

  it("runs docs/api.md's example: findings, a PPTX, a PDF, a web page and a generated folder", () => {
    const script = path.join(project, "example.mjs");
    writeFileSync(script, apiExample());
    const run = spawnSync(process.execPath, [script], { cwd: project, encoding: "utf8", timeout: 120_000 });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    // The findings printed: "<severity> <title>" lines, the watermelon among them for Northwind.
    expect(run.stdout).toMatch(/^(high|medium|low) .+/m);
    expect(run.stdout).toMatch(/watermelon/i);
    const pptx = readFileSync(path.join(project, "northwind.pptx"));
    const pdf = readFileSync(path.join(project, "northwind.pdf"));
    expect(pptx.subarray(0, 2).toString("latin1")).toBe("PK");
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(readFileSync(path.join(project, "northwind.html"), "utf8")).toMatch(
      /^<!DOCTYPE html>\n<html lang="en">/,
    );
    const manifest = JSON.parse(readFileSync(path.join(project, "out", "manifest.json"), "utf8"));
    expect(manifest.accounts.map((entry: { status: string }) => entry.status)).toEqual([
      "written",
      "written",
    ]);
    expect(readdirSync(path.join(project, "out"))).toEqual(
      expect.arrayContaining([
        "ahc-2207-qbr-internal.pdf",
        "kes-0318-qbr-internal.pdf",
        "portfolio-internal.pdf",
      ]),
    );
    expect(run.stdout).toContain("written: 2");
  }, 120_000);

  it("exposes the error classes and no process exit for bad input", async () => {
    const run = spawnSync(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        `import { loadAccount, InvalidInputError } from "qbr-deck";
         try { loadAccount("schemaVersion: 1\\naccount: {}\\n", "bad.yaml"); }
         catch (error) { console.log(error instanceof InvalidInputError, error.issues[0].file); }`,
      ],
      { cwd: project, encoding: "utf8" },
    );
    expect(run.stdout.trim()).toBe("true bad.yaml");
  });
});
