// The largest account the loader accepts (every list at its limit in ACCOUNT_LIMITS, plain
// texts of ordinary length) through what a batch worker runs for one account — read, validate,
// analyse, build, render, write (generateAccount from dist/) — in a warm process, timed in CPU
// and wall time. CPU time is the figure to read on a shared machine.
//
//   npm run build && node bench/account-at-limits.mjs [--runs 3] [--kind qbr] [--audience internal]
//       [--long-texts] [--goals N --plan N --actuals N --tasks N --stakeholders N --reasons N --risks N]   (smaller or larger shapes, to see how time grows)
import { mkdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const OUT = path.join(ROOT, "bench/out/account-at-limits");

function option(args, name, fallback) {
  const index = args.indexOf(name);
  return index >= 0 && args[index + 1] !== undefined ? args[index + 1] : fallback;
}

const day = (offset) => new Date(Date.UTC(2024, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
const words = (count, seed) =>
  Array.from(
    { length: count },
    (_, index) => ["grow", "reduce", "the", "weekly", "backlog", "of", "orders"][(index + seed) % 7],
  ).join(" ");

/** Every list at the given size; points spread daily from the baseline. With `texts` (character
 * limits), every text is words filled up to its limit; else texts of ordinary length. */
export function accountAtLimits({ goals, plan, actuals, tasks, stakeholders, reasons, risks }, texts) {
  const fill = (limit, text) =>
    texts ? `${text} ${words(texts[limit], 0)}`.slice(0, texts[limit]).trim() : text;
  return {
    schemaVersion: 1,
    account: {
      name: fill("nameChars", "Limits Co"),
      id: "limits",
      csm: fill("nameChars", "Dana Reyes"),
      segment: fill("nameChars", "Enterprise"),
    },
    contract: { arr: 500000, currency: "USD", renewal: day(800) },
    review: { asOf: day(Math.max(plan, actuals) + 1) },
    stakeholders: Array.from({ length: stakeholders }, (_, index) => ({
      name: fill("nameChars", `Person ${index}`),
      role: index === 0 ? "executive-sponsor" : "user",
      lastContact: day(index),
    })),
    goals: Array.from({ length: goals }, (_, goal) => ({
      id: `goal-${goal}`,
      title: fill("titleChars", `Goal ${goal}: ${words(8, goal)}`),
      why: fill("paragraphChars", words(20, goal)),
      owner: fill("nameChars", `Owner ${goal}`),
      metric: { name: fill("nameChars", `Metric ${goal}`), unit: "orders" },
      baseline: { date: day(0), value: 1000 },
      target: { date: day(Math.max(plan, actuals) * 2 + 2), value: 2000 },
      plan: Array.from({ length: plan }, (_, index) => ({ date: day(index + 1), value: 1000 + index })),
      actuals: Array.from({ length: actuals }, (_, index) => ({
        date: day(index + 1),
        value: 1000 + index * 0.8,
      })),
      value: { perUnit: 10 },
      tasks: Array.from({ length: tasks }, (_, index) => ({
        title: fill("titleChars", `Task ${index}: ${words(6, index)}`),
        due: day(index * 3),
        done: index % 2 === 0,
        owner: fill("nameChars", `Owner ${index}`),
      })),
    })),
    signals: {
      healthScore: { value: 80, max: 100 },
      nps: 9,
      csat: { value: 4.5, max: 5 },
      usage: { activeUsersPct: 80 },
    },
    statedReasons: Array.from({ length: reasons }, (_, index) =>
      fill("paragraphChars", `Price is too high (${index})`),
    ),
    externalRisks: Array.from({ length: risks }, (_, index) =>
      fill("paragraphChars", `Merger announced (${index})`),
    ),
    internalNotes: fill("internalNotesChars", words(100, 3)),
  };
}

/** Wall and CPU milliseconds of one call. */
async function measure(work) {
  const [wallStart, cpuStart] = [performance.now(), process.cpuUsage()];
  await work();
  const cpu = process.cpuUsage(cpuStart);
  return { wall: performance.now() - wallStart, cpu: (cpu.user + cpu.system) / 1000 };
}

export async function run(args = process.argv.slice(2)) {
  const [{ ACCOUNT_LIMITS: limits }, { generateAccount }] = await Promise.all([
    import(path.join(ROOT, "dist/input/account-schema.js")),
    import(path.join(ROOT, "dist/batch/generate-account.js")),
  ]);
  const runs = Number(option(args, "--runs", "3"));
  const kinds = option(args, "--kind", "qbr").split(",");
  const audiences = option(args, "--audience", "internal").split(",");
  const shape = {
    goals: Number(option(args, "--goals", limits.goals)),
    plan: Number(option(args, "--plan", limits.planPointsPerGoal)),
    actuals: Number(option(args, "--actuals", limits.actualsPerGoal)),
    tasks: Number(option(args, "--tasks", limits.tasksPerGoal)),
    stakeholders: Number(option(args, "--stakeholders", limits.stakeholders)),
    reasons: Number(option(args, "--reasons", limits.statedReasons)),
    risks: Number(option(args, "--risks", limits.externalRisks)),
  };
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const file = path.join(OUT, "limits.json");
  const longTexts = args.includes("--long-texts");
  writeFileSync(file, JSON.stringify(accountAtLimits(shape, longTexts ? limits : undefined), null, 1));
  console.log(
    `account: ${shape.goals} goals × (${shape.plan} plan points, ${shape.actuals} actuals, ${shape.tasks} tasks), ${shape.stakeholders} stakeholders, ${shape.reasons} stated reasons, ${shape.risks} external risks, ${longTexts ? "every text at its length limit" : "texts of ordinary length"}; ${(statSync(file).size / 1024).toFixed(0)} KiB`,
  );
  const settings = (formats) => ({
    outDir: path.join(OUT, "decks"),
    formats,
    audiences,
    kinds,
    today: "2026-01-01",
    render: {},
  });
  // Warm-up on a sample, as a batch worker is warm: renderers, fonts and templates loaded.
  await generateAccount(path.join(ROOT, "samples/northwind-logistics.yaml"), settings(["pptx", "pdf"]));
  for (const formats of option(args, "--formats", "pptx,pdf,pptx+pdf")
    .split(",")
    .map((format) => format.split("+"))) {
    const times = [];
    let outcome;
    for (let index = 0; index < runs; index++) {
      times.push(await measure(async () => (outcome = await generateAccount(file, settings(formats)))));
    }
    const median = (key) => times.map((time) => time[key]).sort((a, b) => a - b)[Math.floor(runs / 2)];
    const bytes = outcome.files.reduce((sum, written) => sum + written.bytes, 0);
    console.log(
      `  ${formats.join("+").padEnd(8)} ${kinds.join("+")} ${audiences.join("+")}: CPU ${(median("cpu") / 1000).toFixed(2)} s, wall ${(median("wall") / 1000).toFixed(2)} s (median of ${runs}; ${outcome.files.length} files, ${(bytes / 1024 / 1024).toFixed(1)} MiB)`,
    );
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await run();
