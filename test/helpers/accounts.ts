import { readFileSync } from "node:fs";
import path from "node:path";
import { analyseAccount, type Analysis } from "../../src/analysis/analyse-account.js";
import { DEFAULT_THRESHOLDS, thresholdsSchema, type Thresholds } from "../../src/analysis/thresholds.js";
import { loadTemplates } from "../../src/io/resources.js";
import { accountFileSchema, type Account, type Goal } from "../../src/input/account-schema.js";
import { loadAccount } from "../../src/input/load-account.js";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const SAMPLES_DIR = path.join(ROOT, "samples");

type DeepPartial<T> = T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;

/** The goal of SPEC §1 (the worked example of §2). */
export const SPEC_GOAL = {
  id: "backlog",
  title: "Cut the support ticket backlog",
  metric: { name: "Open tickets older than 7 days", unit: "tickets" },
  direction: "decrease",
  baseline: { date: "2025-01-15", value: 1200 },
  target: { date: "2025-12-31", value: 300 },
  plan: [
    { date: "2025-03-31", value: 1000 },
    { date: "2025-06-30", value: 700 },
    { date: "2025-09-30", value: 500 },
  ],
  actuals: [
    { date: "2025-03-31", value: 1050 },
    { date: "2025-06-30", value: 900 },
    { date: "2025-09-30", value: 820 },
  ],
  value: { perUnit: 150 },
  tasks: [
    { title: "Route tier-1 tickets through automation", due: "2025-05-31", done: true },
    { title: "Train the EU support team", due: "2025-08-31", done: false },
  ],
};

/** A valid account (raw file data) with one on-track goal and nothing else to flag. */
export function baseAccountData(): Record<string, unknown> {
  return {
    schemaVersion: 1,
    account: { name: "Test Co", id: "T-1" },
    contract: { arr: 100000, currency: "USD", renewal: "2026-12-31" },
    review: { asOf: "2025-09-30" },
    stakeholders: [{ name: "Sam Sponsor", role: "executive-sponsor", lastContact: "2025-09-01" }],
    goals: [
      {
        id: "g1",
        title: "Grow the thing",
        metric: { name: "Things", unit: "things" },
        baseline: { date: "2025-01-01", value: 0 },
        target: { date: "2025-12-31", value: 100 },
        actuals: [{ date: "2025-09-15", value: 75 }],
      },
    ],
  };
}

/**
 * The stress account: 15 goals with 40-character titles, long owner names and four tasks each,
 * stated reasons and a low NPS (scorecards and discussion slides run over several slides).
 */
export function fifteenGoalAccountData(): Record<string, unknown> {
  const data = baseAccountData();
  const longTitle = (index: number) =>
    `Goal ${String(index + 1).padStart(2, "0")}: improve the quarterly outcome metric`.slice(0, 40);
  const goals = Array.from({ length: 15 }, (_, index) => ({
    ...(data.goals as Record<string, unknown>[])[0],
    id: `goal-${index + 1}`,
    title: longTitle(index),
    owner: "A Very Long Owner Name Indeed",
    actuals: [{ date: "2025-09-15", value: 20 + index * 5 }],
    value: { perUnit: 100 + index },
    tasks: Array.from({ length: 4 }, (_, task) => ({
      title: `A task with a long descriptive title number ${task + 1}`,
      due: task % 2 === 0 ? "2025-08-01" : "2025-12-01",
      done: task === 3,
    })),
  }));
  return { ...data, goals, statedReasons: ["Too expensive", "Missing API"], signals: { nps: 10 } };
}

export function makeAccount(data: Record<string, unknown> = baseAccountData()): Account {
  return accountFileSchema.parse(data);
}

export function makeGoal(overrides: DeepPartial<Goal> & Record<string, unknown> = {}): Goal {
  const data = baseAccountData();
  const goal = { ...(data.goals as Record<string, unknown>[])[0], ...overrides };
  return makeAccount({ ...data, goals: [goal] }).goals[0]!;
}

export function withThresholds(overrides: Record<string, unknown>): Thresholds {
  return thresholdsSchema.parse(overrides);
}

export function analyse(
  account: Account,
  asOf = account.review.asOf ?? "2025-09-30",
  thresholds = DEFAULT_THRESHOLDS,
): Analysis {
  return analyseAccount(account, { asOf, templates: loadTemplates(), thresholds });
}

export function loadSample(name: string): Account {
  const file = path.join(SAMPLES_DIR, name);
  return loadAccount(file, readFileSync(file));
}

/**
 * The account as a workbook holds it: the storyline keys of issue 12 §1 (review.summary, agenda,
 * highlights, asks, commitments, hide; roadmap) have no workbook columns yet.
 */
export function withoutStoryline(account: Account): Account {
  const { summary: _summary, agenda: _agenda, ...review } = account.review;
  return {
    ...account,
    review: { ...review, highlights: [], asks: [], commitments: [], hide: [] },
    roadmap: [],
  };
}
