#!/usr/bin/env node
// Writes N synthetic but realistic account files (goals with plans, actuals, tasks and values;
// stakeholders, signals, stated reasons; a mix of currencies; some with a logo) into a folder.
// Deterministic for a given seed, so bench runs compare like with like.
//
//   node bench/generate-accounts.mjs --count 100 --out bench/out/accounts-100 [--seed 42]
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { stringify } from "yaml";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** mulberry32: a tiny seeded PRNG; Math.random cannot be seeded. */
function prng(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PREFIXES = [
  "Northern",
  "Blue",
  "Summit",
  "Harbor",
  "Granite",
  "Silver",
  "Cedar",
  "Atlas",
  "Nova",
  "Lumen",
];
const NOUNS = [
  "Logistics",
  "Health",
  "Retail",
  "Analytics",
  "Foods",
  "Energy",
  "Finance",
  "Travel",
  "Media",
  "Labs",
];
const SUFFIXES = ["Inc.", "GmbH", "Ltd", "AG", "S.A.", "Group", "Co."];
const PEOPLE = [
  "Priya Shah",
  "Dana Reyes",
  "Jürgen Weiß",
  "Ольга Смирнова",
  "Νίκος Παπαδόπουλος",
  "Ana Souza",
  "Kenji Mori",
  "Lea Novak",
];
const CURRENCIES = ["USD", "USD", "USD", "USD", "EUR", "EUR", "GBP", "CHF"];
const GOALS = [
  {
    title: "Cut the support ticket backlog",
    metric: "Open tickets older than 7 days",
    unit: "tickets",
    from: 1200,
    to: 300,
  },
  { title: "Grow weekly active users", metric: "Weekly active users", unit: "users", from: 400, to: 1500 },
  {
    title: "Close the books faster",
    metric: "Working days to close the month",
    unit: "days",
    from: 12,
    to: 4,
  },
  {
    title: "Raise first-contact resolution",
    metric: "First-contact resolution",
    unit: "%",
    from: 55,
    to: 80,
  },
  {
    title: "Reduce onboarding time",
    metric: "Days from signup to first value",
    unit: "days",
    from: 45,
    to: 14,
  },
  {
    title: "Increase self-service orders",
    metric: "Self-service orders per month",
    unit: "orders",
    from: 2000,
    to: 9000,
  },
];
const TASKS = [
  "Train the regional team",
  "Connect the ERP integration",
  "Migrate the legacy workflows",
  "Roll out the mobile app",
  "Agree the data owner",
  "Automate tier-1 routing",
];
const REASONS = [
  "Price is too high for what we use",
  "Missing the SAP integration",
  "Competitor X offered a cheaper plan",
  "Our priorities changed",
];

const QUARTERS = ["2025-03-31", "2025-06-30", "2025-09-30"];
const AS_OF = "2025-10-15";

function pick(random, list) {
  return list[Math.floor(random() * list.length)];
}

function round(value, step = 1) {
  return Math.round(value / step) * step;
}

function goalData(random, template, index) {
  const { from, to } = template;
  const performance = 0.35 + random() * 0.8; // < 0.7 falls behind plan, > 1 beats it
  const plan = QUARTERS.map((date, quarter) => ({
    date,
    value: round(from + ((to - from) * (quarter + 1)) / 4.2, 0.1),
  }));
  const measured = random() < 0.9;
  const actuals = measured
    ? QUARTERS.map((date, quarter) => ({
        date,
        value: round(from + (plan[quarter].value - from) * performance * (0.92 + random() * 0.16), 0.1),
      }))
    : [];
  const tasks = Array.from({ length: 1 + Math.floor(random() * 4) }, (_, task) => ({
    title: TASKS[(index + task) % TASKS.length],
    due: ["2025-05-31", "2025-08-31", "2025-11-30", "2026-02-28"][task],
    done: random() < 0.55,
  }));
  return {
    id: `goal-${index + 1}`,
    title: template.title,
    why: "Keeps the customer's own business case on track",
    owner: pick(random, PEOPLE),
    metric: { name: template.metric, unit: template.unit },
    direction: to > from ? "increase" : "decrease",
    baseline: { date: "2025-01-15", value: from },
    target: { date: "2025-12-31", value: to },
    plan,
    actuals,
    ...(random() < 0.6 ? { value: { perUnit: round(5 + random() * 200) } } : {}),
    tasks,
  };
}

export function accountData(index, random) {
  const name = `${pick(random, PREFIXES)} ${pick(random, NOUNS)} ${pick(random, SUFFIXES)}`;
  const goalCount = 2 + Math.floor(random() * 4);
  const first = Math.floor(random() * GOALS.length);
  const renewalDay = Math.floor(random() * 330);
  const renewal = new Date(Date.UTC(2025, 10, 1) + renewalDay * 86_400_000).toISOString().slice(0, 10);
  return {
    schemaVersion: 1,
    account: {
      name,
      id: `BEN-${String(index + 1).padStart(5, "0")}`,
      segment: pick(random, ["Enterprise", "Mid-Market", "SMB"]),
      csm: pick(random, PEOPLE),
      ...(random() < 0.3 ? { logo: "./logos/logo.png" } : {}),
    },
    contract: {
      arr: round(20_000 + random() * 780_000, 1000),
      currency: pick(random, CURRENCIES),
      start: "2025-01-01",
      renewal,
    },
    review: { period: "Q3 2025", asOf: AS_OF },
    stakeholders: [
      {
        name: pick(random, PEOPLE),
        role: "executive-sponsor",
        status: random() < 0.15 ? "left" : "active",
        lastContact: random() < 0.3 ? "2025-05-02" : "2025-09-20",
      },
      { name: pick(random, PEOPLE), role: "champion", status: "active", lastContact: "2025-10-01" },
      { name: pick(random, PEOPLE), role: "admin", status: "active" },
    ],
    goals: Array.from({ length: goalCount }, (_, goal) =>
      goalData(random, GOALS[(first + goal) % GOALS.length], goal),
    ),
    signals: {
      healthScore: { value: round(40 + random() * 60), max: 100 },
      nps: Math.floor(random() * 11),
      csat: { value: round(2.5 + random() * 2.5, 0.1), max: 5 },
      usage: { activeUsersPct: round(10 + random() * 90) },
    },
    statedReasons: random() < 0.4 ? [pick(random, REASONS)] : [],
    externalRisks: random() < 0.2 ? ["Parent company merger announced"] : [],
    ...(random() < 0.5 ? { internalNotes: "Champion hinted at a budget review." } : {}),
  };
}

/** Writes `count` accounts into `dir` (emptied first); returns the file paths. */
export function generateAccounts({ count, dir, seed = 42 }) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, "logos"), { recursive: true });
  copyFileSync(path.join(ROOT, "samples/logos/northwind.png"), path.join(dir, "logos/logo.png"));
  const random = prng(seed);
  const files = [];
  for (let index = 0; index < count; index++) {
    const file = path.join(dir, `account-${String(index + 1).padStart(5, "0")}.yaml`);
    writeFileSync(
      file,
      `# Synthetic account for benchmarks (seed ${seed})\n${stringify(accountData(index, random))}`,
    );
    files.push(file);
  }
  return files;
}

function argValue(args, name, fallback) {
  const index = args.indexOf(name);
  return index >= 0 && args[index + 1] !== undefined ? args[index + 1] : fallback;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const count = Number(argValue(args, "--count", "100"));
  const dir = path.resolve(argValue(args, "--out", path.join(ROOT, `bench/out/accounts-${count}`)));
  const seed = Number(argValue(args, "--seed", "42"));
  const files = generateAccounts({ count, dir, seed });
  console.log(`Wrote ${files.length} accounts to ${dir} (seed ${seed})`);
}
