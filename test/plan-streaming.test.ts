import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { GenerateSettings } from "../src/batch/generate-account.js";
import { InputIndex } from "../src/batch/input-index.js";
import { BatchPlanner, planBatch, type PlanOptions } from "../src/batch/plan.js";
import { JobQueue } from "../src/batch/pool.js";
import { pdfBatchSettings, SAMPLE_FILES, sampleWithId, tempDir } from "./helpers/batch.js";

/**
 * The batch planner hands jobs to the workers while it still reads files. Whatever the step size,
 * it must end with exactly the plan of reading everything first: same jobs, same names (slug
 * collisions included), same failures.
 */

const work = tempDir("qbr-plan-stream-");
const ids = ["ACME", "ACME", "ACME-2", "Beta", "beta", "Gamma", "ACME", "Delta", "Gamma"];
const files = ids.map((id, index) => {
  const file = path.join(work, `account-${String(index).padStart(2, "0")}.yaml`);
  writeFileSync(file, sampleWithId(SAMPLE_FILES[index % SAMPLE_FILES.length]!, id));
  return file;
});
const broken = path.join(work, "account-99.yaml");
writeFileSync(broken, "account: [not, a, map\n");
files.push(broken);
// Discovery order is not key order: the planner must not depend on it.
files.reverse();

const settings: GenerateSettings = pdfBatchSettings(path.join(work, "out"));

const options = (): PlanOptions => ({
  settings,
  force: false,
  previous: null,
  index: InputIndex.load("/nonexistent"),
});

const names = (jobs: { source: string; slug: string; renamedFrom?: string }[]) =>
  jobs
    .map(
      (job) =>
        `${path.basename(job.source)} → ${job.slug}${job.renamedFrom ? ` (was ${job.renamedFrom})` : ""}`,
    )
    .sort();

describe("streaming batch planner", () => {
  const whole = planBatch(files, options());

  it("names colliding accounts by key order, never taking another account's own slug", () => {
    expect(names(whole.jobs)).toEqual([
      "account-00.yaml → acme",
      "account-01.yaml → acme-3 (was acme)",
      "account-02.yaml → acme-2",
      "account-03.yaml → beta",
      "account-04.yaml → beta-2 (was beta)",
      "account-05.yaml → gamma",
      "account-06.yaml → acme-4 (was acme)",
      "account-07.yaml → delta",
      "account-08.yaml → gamma-2 (was gamma)",
    ]);
    expect(whole.failures.map((failure) => path.basename(failure.entry.source))).toEqual(["account-99.yaml"]);
  });

  for (const step of [1, 2, 3, 100]) {
    it(`ends with the same plan when reading ${step} file(s) per step, releasing unclaimed slugs at once`, () => {
      const planner = new BatchPlanner(files, options());
      const released: string[] = [];
      while (!planner.done) released.push(...planner.step(step).map((job) => job.slug));
      const late = planner.finish().map((job) => job.slug);
      expect(names(planner.plan.jobs)).toEqual(names(whole.jobs));
      expect(planner.plan.failures.map((failure) => failure.entry.source)).toEqual(
        whole.failures.map((failure) => failure.entry.source),
      );
      expect(released.sort()).toEqual(["acme", "acme-2", "beta", "delta", "gamma"]);
      expect(late.sort()).toEqual(["acme-3", "acme-4", "beta-2", "gamma-2"]);
    });
  }
});

describe("the job queue between planner and workers", () => {
  it("holds the planner back until the workers have taken jobs, and lets it go when closed", async () => {
    const queue = new JobQueue<number>();
    queue.push(Array.from({ length: 20 }, (_, index) => index));
    let roomy = false;
    const waiting = queue.waitForRoom(16).then(() => (roomy = true));
    await Promise.resolve();
    expect(roomy).toBe(false);
    for (let taken = 0; taken < 4; taken++) queue.take();
    await Promise.resolve();
    expect(roomy).toBe(false);
    expect(queue.take()).toBe(4);
    await waiting;
    expect(queue.pending).toBe(15);

    const blocked = queue.waitForRoom(2);
    queue.close();
    await blocked;
    expect(queue.drained).toBe(false);
    while (queue.take() !== undefined);
    expect(queue.drained).toBe(true);
  });
});
