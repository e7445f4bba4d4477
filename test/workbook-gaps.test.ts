import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { workbookGaps } from "../src/input/spreadsheet/workbook-gaps.js";
import { loadSample, SAMPLES_DIR } from "./helpers/accounts.js";
import { qbrIn } from "./helpers/cli.js";

/** `qbr export -o plans.xlsx` names what the workbook cannot hold instead of dropping it silently. */
describe("keys the workbook has no columns for", () => {
  it("are listed per account: the storyline keys, the roadmap", () => {
    expect(workbookGaps(loadSample("northwind-logistics.yaml"))).toEqual(
      expect.arrayContaining(["review.summary", "review.highlights", "review.asks", "roadmap"]),
    );
    expect(workbookGaps(loadSample("kestrel-analytik.yaml"))).toEqual([]);
  });

  it("are warned about by qbr export, which still writes the workbook", async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), "qbr-gaps-")), "plans.xlsx");
    const result = await qbrIn(["export", SAMPLES_DIR, "-o", out]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /warning: .*northwind-logistics\.yaml: the workbook has no columns for review\.summary, .*roadmap/,
    );
    expect(result.stderr).not.toContain("kestrel-analytik.yaml");
    expect(result.stdout).toContain("Wrote 4 accounts");
  });
});
