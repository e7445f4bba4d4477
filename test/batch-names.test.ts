import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Manifest } from "../src/batch/manifest.js";
import { assignSlugs } from "../src/io/slug-collisions.js";
import { readJson, SAMPLE_FILES, sampleWithId, tempDir } from "./helpers/batch.js";
import { qbr } from "./helpers/cli.js";

/** Output names: colliding slugs get distinct, reported names; no id can write outside -o. */

describe("assignSlugs", () => {
  it("keeps the plain slug for the first key in sorted order and suffixes the later ones", () => {
    const slugs = assignSlugs([
      { key: "b/acme.yaml", slug: "acme" },
      { key: "a/acme.yaml", slug: "acme" },
      { key: "c/acme.yaml", slug: "acme" },
      { key: "other.yaml", slug: "other" },
    ]);
    expect(Object.fromEntries(slugs)).toEqual({
      "a/acme.yaml": { slug: "acme" },
      "b/acme.yaml": { slug: "acme-2", renamedFrom: "acme" },
      "c/acme.yaml": { slug: "acme-3", renamedFrom: "acme" },
      "other.yaml": { slug: "other" },
    });
  });

  it("never hands out a suffixed name that another account has as its own slug", () => {
    const slugs = assignSlugs([
      { key: "z.yaml", slug: "acme-2" },
      { key: "a.yaml", slug: "acme" },
      { key: "b.yaml", slug: "acme" },
    ]);
    expect(slugs.get("z.yaml")).toEqual({ slug: "acme-2" });
    expect(slugs.get("b.yaml")).toEqual({ slug: "acme-3", renamedFrom: "acme" });
  });

  it("does not depend on the order the claims come in", () => {
    const claims = ["d", "a", "c", "b"].map((key) => ({ key, slug: "same" }));
    expect(assignSlugs(claims)).toEqual(assignSlugs([...claims].reverse()));
  });
});

describe("qbr generate with colliding and hostile ids", () => {
  it("writes distinct names inside -o, reports the collision and records it in the manifest", () => {
    const work = tempDir("qbr-names-");
    const accounts = path.join(work, "deep", "accounts");
    for (const [folder, id] of [
      ["a", "ACME"],
      ["b", "acme"],
      ["c", "../../etc/x"],
    ] as const) {
      mkdirSync(path.join(accounts, folder), { recursive: true });
      writeFileSync(path.join(accounts, folder, "account.yaml"), sampleWithId(SAMPLE_FILES[0]!, id));
    }
    const out = path.join(work, "deep", "out");
    const result = qbr(["generate", accounts, "-o", out, "-f", "pdf", "--concurrency", "2"]);
    expect(result.code).toBe(0);
    const decks = readdirSync(out).filter((name) => name.endsWith("-qbr-internal.pdf"));
    expect(decks.sort()).toEqual([
      "-etc-x-qbr-internal.pdf",
      "acme-2-qbr-internal.pdf",
      "acme-qbr-internal.pdf",
    ]);
    // Nothing escaped: the only entries under the work folder are the ones the test made.
    expect(readdirSync(work)).toEqual(["deep"]);
    expect(readdirSync(path.join(work, "deep")).sort()).toEqual(["accounts", "out"]);
    expect(result.stderr).toMatch(/b\/account\.yaml is written as "acme-2".*"acme"/);
    const manifest = readJson<Manifest>(path.join(out, "manifest.json"));
    const bySource = Object.fromEntries(
      manifest.accounts.map((entry) => [entry.source.split("/").at(-2), entry]),
    );
    expect(bySource.a).toMatchObject({ slug: "acme" });
    expect(bySource.a!.renamedFrom).toBeUndefined();
    expect(bySource.b).toMatchObject({ slug: "acme-2", renamedFrom: "acme" });
    expect(bySource.c).toMatchObject({ slug: "-etc-x", account: { id: "../../etc/x" } });
  }, 120_000);
});
