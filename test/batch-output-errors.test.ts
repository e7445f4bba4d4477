import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readdirSync, statfsSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writeFileAtomic } from "../src/io/atomic-write.js";
import { prepareOutputFolder } from "../src/io/output-folder.js";
import { MAX_SLUG_LENGTH, outputName } from "../src/io/output-names.js";
import { OutputError } from "../src/errors.js";
import { SAMPLES_DIR } from "./helpers/accounts.js";
import { readJson, SAMPLE_FILES, sampleWithId, tempDir } from "./helpers/batch.js";
import { qbr } from "./helpers/cli.js";

/**
 * Ordinary mistakes with the output: very long ids, `-o` naming a file, a read-only folder and a
 * full disk. Each gets a message in the user's terms and exit 2 — or exit 1 with the failures
 * listed when some decks were written — never "internal error".
 */

const work = tempDir("qbr-output-errors-");

describe("long ids and names", () => {
  it("keep SPEC §6 slugs up to the limit and shorten longer ones to a prefix and a hash", () => {
    expect(outputName.slugOf("NW-1042")).toBe("nw-1042");
    const long = `${"Northwind Logistics International ".repeat(6)}A`;
    const slug = outputName.slugOf(long);
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(slug).toMatch(/^northwind-logistics-international-northwind-.*-[0-9a-f]{8}$/);
    expect(outputName.slugOf(long)).toBe(slug); // stable
    expect(outputName.slugOf(`${long.slice(0, -1)}B`)).not.toBe(slug); // distinct
    const exact = "a".repeat(MAX_SLUG_LENGTH);
    expect(outputName.slugOf(exact)).toBe(exact);
  });

  it("render accounts with a 200-character id or name under names the file system takes", () => {
    const accounts = path.join(work, "long");
    mkdirSync(accounts);
    const id = `ACME-${"x".repeat(195)}`;
    writeFileSync(path.join(accounts, "a.yaml"), sampleWithId(SAMPLE_FILES[0]!, id));
    writeFileSync(path.join(accounts, "b.yaml"), sampleWithId(SAMPLE_FILES[1]!, `${id.slice(0, -1)}y`));
    const out = path.join(work, "long-out");
    const result = qbr(["generate", accounts, "-o", out, "-f", "pdf", "--concurrency", "2"]);
    expect(result.stderr).not.toContain("internal error");
    expect(result.code).toBe(0);
    const decks = readdirSync(out).filter((name) => name.endsWith(".pdf") && name.startsWith("acme"));
    expect(decks).toHaveLength(2);
    for (const name of decks) expect(name.length).toBeLessThan(130);
    const manifest = readJson(path.join(out, "manifest.json"));
    expect(manifest.accounts.map((entry: { status: string }) => entry.status)).toEqual([
      "written",
      "written",
    ]);
  }, 120_000);
});

describe("-o that cannot be used", () => {
  const file = path.join(work, "notes.txt");
  writeFileSync(file, "not a folder\n");
  const sample = path.join(SAMPLES_DIR, SAMPLE_FILES[0]!);

  it("names a file: exit 2 with the reason, for a batch, a single file and a merge", () => {
    for (const args of [
      ["generate", SAMPLES_DIR, "-o", file],
      ["generate", sample, "-o", file],
      ["generate", sample, "-o", path.join(file, "inside")],
      ["merge-manifests", work, "-o", file],
    ]) {
      const result = qbr(args);
      expect(result.stderr, args.join(" ")).not.toContain("internal error");
      expect(result.stderr, args.join(" ")).toMatch(/^qbr: .*notes\.txt.* is a file, not a folder/m);
      expect(result.code, args.join(" ")).toBe(2);
    }
  });

  it("throws an OutputError from the write layer, not a raw ENOTDIR", () => {
    expect(() => writeFileAtomic(path.join(file, "deck.pdf"), "x")).toThrow(OutputError);
    expect(() => prepareOutputFolder(file)).toThrow(/is a file, not a folder/);
  });
});

/**
 * A read-only folder and a full disk need a file system of their own: a tmpfs, which only root
 * can mount. Elsewhere (CI without privileges) these tests are skipped, and the write layer's
 * mapping is covered by the ENOTDIR test above.
 */
function tryMount(dir: string, options: string): boolean {
  mkdirSync(dir, { recursive: true });
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", options, "tmpfs", dir], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}
const mounted: string[] = [];
afterAll(() => {
  for (const dir of mounted) execFileSync("umount", [dir], { stdio: "ignore" });
});
const canMount = (() => {
  const probe = path.join(work, "mount-probe");
  if (!tryMount(probe, "size=64k")) return false;
  execFileSync("umount", [probe]);
  return true;
})();
const mount = (name: string, options: string): string => {
  const dir = path.join(work, name);
  if (!tryMount(dir, options)) throw new Error(`mount ${dir} failed`);
  mounted.push(dir);
  return dir;
};
const PAGE = 4096;
const pages = (bytes: number) => Math.ceil(bytes / PAGE);

/** Fills the tmpfs at `dir` until exactly `freePages` pages are left. */
function leaveFree(dir: string, freePages: number): void {
  const stats = statfsSync(dir);
  const available = Number(stats.bavail) * Number(stats.bsize);
  writeFileSync(path.join(dir, "filler"), Buffer.alloc(available - freePages * PAGE));
  expect(Number(statfsSync(dir).bavail) * Number(statfsSync(dir).bsize)).toBe(freePages * PAGE);
}

describe.skipIf(!canMount)(
  `a read-only or full disk${canMount ? "" : " (skipped: cannot mount a tmpfs)"}`,
  () => {
    const accounts = path.join(work, "pair");
    mkdirSync(accounts);
    for (const name of SAMPLE_FILES.slice(0, 2)) {
      copyFileSync(path.join(SAMPLES_DIR, name), path.join(accounts, name));
    }
    const generate = (out: string) =>
      qbr(["generate", accounts, "-o", out, "-f", "pdf", "--as-of", "2025-10-31", "--concurrency", "2"]);

    it("read-only -o: exit 2 saying so, before any work", () => {
      const readOnly = mount("read-only", "ro,size=64k");
      for (const out of [readOnly, path.join(readOnly, "decks")]) {
        const result = generate(out);
        expect(result.stderr).not.toContain("internal error");
        expect(result.stderr).toMatch(/^qbr: .*read-only.*the file system is read-only \(EROFS\)/m);
        expect(result.stderr).not.toMatch(/^failed:/m);
        expect(result.code).toBe(2);
      }
    });

    it("a full disk before the run: exit 2 saying so, before any work", () => {
      const full = mount("full", "size=256k");
      leaveFree(full, 0);
      const result = generate(full);
      expect(result.stderr).not.toContain("internal error");
      expect(result.stderr).toMatch(
        /^qbr: -o .*: cannot write in this folder — the disk is full \(ENOSPC\)/m,
      );
      expect(result.code).toBe(2);
    });

    it("a disk that fills up with the decks: exit 1, the portfolio and manifest failures listed, the decks kept", () => {
      const reference = path.join(work, "reference");
      expect(generate(reference).code).toBe(0);
      const deckPages = readdirSync(reference)
        .filter((name) => name.endsWith("-qbr-internal.pdf"))
        .reduce((sum, name) => sum + pages(statSync(path.join(reference, name)).size), 0);
      const disk = mount("fills-up", "size=2m");
      // The lock file and the checkpoint manifest written after the first account take a page each.
      leaveFree(disk, deckPages + 2);
      const result = generate(disk);
      expect(result.stderr).not.toContain("internal error");
      expect(result.stderr).toMatch(
        /^failed: portfolio — cannot write .*portfolio-internal\.csv: the disk is full/m,
      );
      expect(result.stderr).toMatch(
        /^failed: cannot write .*manifest\.json: the disk is full \(ENOSPC\) — the manifest is not up to date; the decks of 2 accounts are on disk/m,
      );
      expect(result.stdout).not.toContain("Manifest:");
      expect(result.code).toBe(1);
      expect(readdirSync(disk).filter((name) => name.endsWith("-qbr-internal.pdf"))).toHaveLength(2);
      expect(readdirSync(disk).filter((name) => name.startsWith(".qbr-tmp-"))).toEqual([]);
    }, 120_000);
  },
);
