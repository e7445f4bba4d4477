#!/usr/bin/env node
// node scripts/make-history.mjs [--seed N] [--count N] [--out DIR]
//
// Writes samples/history/: account files whose last renewal has a recorded outcome
// (contract.outcome), for `qbr insights samples/history`. Deterministic: the same seed gives the
// same files, byte for byte (a seeded PRNG, fixed dates, no clock).
//
// How the accounts are made, so that the backtest has something honest to find:
// - Each account has a hidden "value delivered" v in [0, 1]. Its goals progress at a pace drawn
//   around v; whether it was lost (churned or downsized) is drawn from a chance that falls as v
//   rises, so the goal figures predict losses — but only as a tendency: some well-run accounts
//   churn for external reasons, some struggling ones renew.
// - Health scores and NPS are drawn almost independently of v (the seeds' point: they are poor
//   predictors), so watermelon accounts occur and are sometimes right, sometimes false alarms.
// - Sponsor contact gaps, overdue tasks, stale or missing measurements and stated reasons are
//   drawn with weak ties to v or none at all: noise, as in a real portfolio.
// - Stated reasons are proxies ("Too expensive"); the concluded root cause usually, not always,
//   differs in wording from what the customer said.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(name);
  return index === -1 ? fallback : args[index + 1];
};
const SEED = Number(option("--seed", "17"));
const COUNT = Number(option("--count", "32"));
const OUT = path.resolve(option("--out", path.join(root, "samples/history")));

/** mulberry32: a small, well-known 32-bit PRNG; enough for sample data, and seedable. */
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
const random = prng(SEED);
const between = (low, high) => low + (high - low) * random();
const int = (low, high) => Math.floor(between(low, high + 1));
const chance = (p) => random() < p;
const pick = (list) => list[Math.floor(random() * list.length)];
const clamp = (value, low, high) => Math.min(high, Math.max(low, value));
/** A roughly normal draw (sum of uniforms), mean 0, standard deviation ≈ sd. */
const noise = (sd) => (random() + random() + random() + random() - 2) * sd * 1.73;

const DAY = 86_400_000;
const day = (iso) => Date.parse(`${iso}T00:00:00Z`);
const iso = (ms) => new Date(ms).toISOString().slice(0, 10);
const addDays = (date, days) => iso(day(date) + days * DAY);

const FIRST = [
  "Harbor",
  "Summit",
  "Cobalt",
  "Juniper",
  "Granite",
  "Lumen",
  "Orchid",
  "Pioneer",
  "Quarry",
  "Riverstone",
  "Saffron",
  "Tidewater",
  "Umber",
  "Vantage",
  "Willow",
  "Zephyr",
  "Alder",
  "Beacon",
  "Cedar",
  "Delta",
  "Ember",
  "Fjord",
  "Glacier",
  "Heron",
  "Iris",
  "Kestrel",
  "Larch",
  "Meadow",
  "Nimbus",
  "Osprey",
];
const SECOND = [
  "Logistics",
  "Health",
  "Foods",
  "Analytics",
  "Retail",
  "Energy",
  "Labs",
  "Media",
  "Freight",
  "Clinics",
  "Insurance",
  "Manufacturing",
];
const SEGMENTS = [
  { name: "Enterprise", arr: [150_000, 420_000] },
  { name: "Mid-Market", arr: [45_000, 140_000] },
  { name: "SMB", arr: [9_000, 40_000] },
];
const CSMS = ["Ana Ruiz", "Ben Okafor", "Chloé Martin", "Dev Patel"];
const GOALS = [
  {
    id: "automation",
    title: "Automate order entry",
    metric: "Orders entered automatically",
    unit: "%",
    b: 15,
    t: 80,
  },
  {
    id: "backlog",
    title: "Cut the support backlog",
    metric: "Tickets older than 7 days",
    unit: "tickets",
    b: 900,
    t: 250,
  },
  {
    id: "onboarding",
    title: "Onboard new staff faster",
    metric: "Days to first productive week",
    unit: "days",
    b: 30,
    t: 12,
  },
  {
    id: "forecast",
    title: "Forecast demand within 10 %",
    metric: "Forecast accuracy",
    unit: "%",
    b: 62,
    t: 90,
  },
  { id: "close", title: "Close the month faster", metric: "Working days to close", unit: "days", b: 9, t: 4 },
];
const REASONS = {
  "value-gap": [
    "Too expensive for what we get",
    "Competitor offered a better price",
    "Could not justify the cost to finance",
  ],
  "adoption-gap": [
    "Missing features we need",
    "The team never adopted the workflow",
    "Lacks an integration with our ERP",
  ],
  external: [
    "Budget freeze after the acquisition",
    "New parent company mandates another vendor",
    "Business unit closed",
  ],
};
const EXTERNAL_RISKS = [
  "Parent company reviewing all vendors",
  "Hiring freeze announced",
  "Regulatory audit in progress",
];

const quote = (text) => JSON.stringify(text);
const round = (value, step) => Math.round(value / step) * step;

function goalYaml(spec, index, pace, outcomeDate, measuring, valuePerUnit) {
  const baseline = addDays(outcomeDate, -int(300, 380));
  const target = addDays(outcomeDate, int(30, 120));
  const span = (day(target) - day(baseline)) / DAY;
  const at = (date) => (day(date) - day(baseline)) / DAY / span;
  const step = Math.abs(spec.t - spec.b) >= 100 ? 5 : 1;
  const lines = [
    `  - id: ${spec.id}`,
    `    title: ${quote(spec.title)}`,
    `    metric: { name: ${quote(spec.metric)}, unit: ${quote(spec.unit)} }`,
    `    baseline: { date: ${baseline}, value: ${spec.b} }`,
    `    target: { date: ${target}, value: ${spec.t} }`,
  ];
  const planDates = [0.25, 0.5, 0.75].map((share) => addDays(baseline, Math.round(span * share)));
  lines.push("    plan:");
  for (const date of planDates)
    lines.push(`      - { date: ${date}, value: ${round(spec.b + (spec.t - spec.b) * at(date), step)} }`);
  if (measuring.none) {
    lines.push("    actuals: []");
  } else {
    lines.push("    actuals:");
    const last = addDays(outcomeDate, -measuring.stopDaysBefore);
    for (let month = 1; ; month++) {
      const date = addDays(baseline, month * 30);
      if (date > last || date >= target) break;
      const share = clamp(at(date) * pace + noise(0.04), -0.1, 1.1);
      lines.push(`      - { date: ${date}, value: ${round(spec.b + (spec.t - spec.b) * share, step)} }`);
    }
  }
  if (index === 0 && chance(0.6)) lines.push(`    value: { perUnit: ${valuePerUnit(spec)}, per: once }`);
  if (chance(0.5)) {
    const due = addDays(outcomeDate, -int(100, 240));
    lines.push("    tasks:");
    lines.push(
      `      - { title: ${quote(`Agree the ${spec.id} rollout plan`)}, due: ${due}, done: ${chance(0.6) ? "true" : "false"} }`,
    );
    lines.push(
      `      - { title: ${quote(`Train the ${spec.id} team leads`)}, due: ${addDays(due, 45)}, done: ${chance(0.5) ? "true" : "false"} }`,
    );
  }
  return lines;
}

function account(index) {
  const name = `${FIRST[index % FIRST.length]} ${pick(SECOND)}`;
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  const segment = SEGMENTS[index % 7 < 2 ? 0 : index % 7 < 5 ? 1 : 2];
  const value = clamp(between(0, 1) * 0.8 + 0.2 * random(), 0, 1);
  // Most losses come with little value delivered; a few are external, whatever the value.
  const external = chance(0.12);
  const lost = external || chance(clamp(0.9 - 1.1 * value, 0.05, 0.9));
  const result = lost ? (chance(0.7) ? "churned" : "downsized") : chance(0.75) ? "renewed" : "expanded";
  const outcomeDate = addDays("2025-03-31", int(0, 240));
  const concluded = !lost
    ? null
    : external
      ? "external"
      : chance(0.15)
        ? "unknown"
        : value < 0.35 && chance(0.5)
          ? "adoption-gap"
          : "value-gap";
  // What the customer said: often a value-gap proxy ("too expensive") whatever the real cause.
  const statedClass = !lost
    ? null
    : chance(0.55)
      ? concluded === "unknown"
        ? "value-gap"
        : concluded
      : pick(["value-gap", "adoption-gap", "external"]);
  const arr = round(between(...segment.arr), 1000);
  const currency = chance(0.8) ? "USD" : pick(["EUR", "GBP"]);
  const pace = clamp(0.66 + 0.55 * value + noise(0.12), 0.05, 1.3);
  const backtest = addDays(outcomeDate, -120);
  // Signals barely follow value: the point the seeds make about health scores and NPS.
  const health = clamp(Math.round(38 + 48 * (0.3 * value + 0.7 * random()) + noise(5)), 5, 99);
  const nps = clamp(Math.round(4 + 6 * (0.2 * value + 0.8 * random())), 0, 10);
  const sponsorGap = chance(clamp(0.42 - 0.35 * value, 0.08, 0.5)) ? int(95, 220) : int(5, 80);
  const sponsorLeft = chance(0.08);
  const measuring = {
    none: chance(0.06),
    // Most keep measuring until shortly before the outcome; some stopped long before the backtest date.
    stopDaysBefore: chance(0.15) ? int(190, 260) : int(0, 60),
  };
  const goalCount = int(1, 3);
  const specs = [...GOALS].sort(() => random() - 0.5).slice(0, goalCount);
  const lines = [
    "# yaml-language-server: $schema=../qbr-account.schema.json",
    `# Generated by scripts/make-history.mjs (seed ${SEED}): a past renewal with its outcome, for qbr insights.`,
    "schemaVersion: 1",
    "account:",
    `  name: ${quote(name)}`,
    `  id: HIST-${String(index + 1).padStart(3, "0")}`,
    `  segment: ${segment.name}`,
    `  csm: ${quote(CSMS[index % CSMS.length])}`,
    "contract:",
    `  arr: ${arr}`,
    `  currency: ${currency}`,
    `  start: ${addDays(outcomeDate, -365)}`,
    `  renewal: ${result === "churned" ? outcomeDate : addDays(outcomeDate, 365)}`,
  ];
  const outcome = [`result: ${result}`, `date: ${outcomeDate}`];
  if (statedClass) outcome.push(`statedReason: ${quote(pick(REASONS[statedClass]))}`);
  if (concluded && chance(0.85)) outcome.push(`rootCause: ${concluded}`);
  lines.push(`  outcome: { ${outcome.join(", ")} }`);
  lines.push("review:", "  asOf: 2025-12-15");
  lines.push("stakeholders:");
  lines.push(
    `  - { name: ${quote(`Sponsor ${index + 1}`)}, role: executive-sponsor, status: ${sponsorLeft ? "left" : "active"}, lastContact: ${addDays(backtest, -sponsorGap)} }`,
  );
  lines.push(
    `  - { name: ${quote(`Champion ${index + 1}`)}, role: champion, status: active, lastContact: ${addDays(backtest, -int(3, 40))} }`,
  );
  const signals = [`healthScore: { value: ${health}, max: 100 }`, `nps: ${nps}`];
  if (chance(0.7))
    signals.push(
      `usage: { activeUsersPct: ${clamp(Math.round(20 + 60 * (0.4 * value + 0.6 * random())), 3, 98)} }`,
    );
  lines.push(`signals: { ${signals.join(", ")} }`);
  // Some accounts voiced a reason before the renewal, lost or not.
  if (chance(lost ? 0.5 : 0.2)) {
    lines.push(
      `statedReasons: [${quote(pick(REASONS[statedClass ?? pick(["value-gap", "adoption-gap"])]))}]`,
    );
  }
  if (external || chance(0.08)) lines.push(`externalRisks: [${quote(pick(EXTERNAL_RISKS))}]`);
  lines.push("goals:");
  specs.forEach((spec, goalIndex) => {
    // The goal's value at full progress is a multiple of the ARR that follows the value delivered.
    const valuePerUnit = (goal) =>
      Math.max(
        1,
        Math.round((arr * clamp(0.5 + 1.3 * value + noise(0.2), 0.2, 3)) / Math.abs(goal.t - goal.b)),
      );
    lines.push(
      ...goalYaml(
        spec,
        goalIndex,
        clamp(pace + noise(0.08), 0.05, 1.3),
        outcomeDate,
        measuring,
        valuePerUnit,
      ),
    );
  });
  return { file: `${String(index + 1).padStart(2, "0")}-${slug}.yaml`, text: `${lines.join("\n")}\n` };
}

mkdirSync(OUT, { recursive: true });
for (const name of readdirSync(OUT)) if (name.endsWith(".yaml")) rmSync(path.join(OUT, name));
writeFileSync(
  path.join(OUT, ".qbr-skip"),
  "# qbr-deck: a folder search from above skips this folder (see src/io/discover.ts).\n" +
    "# `qbr generate samples` leaves these past renewals out; `qbr insights samples/history` reads them.\n",
);
for (let index = 0; index < COUNT; index++) {
  const { file, text } = account(index);
  writeFileSync(path.join(OUT, file), text);
}
console.log(`wrote ${COUNT} accounts to ${path.relative(process.cwd(), OUT) || "."} (seed ${SEED})`);
