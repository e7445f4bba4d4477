import { spawn } from "node:child_process";
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { analysisToJson } from "../src/analysis/analysis-json.js";
import { discoverAccountFiles } from "../src/io/discover.js";
import { InvalidInputError, type ValidationIssue } from "../src/errors.js";
import type { Account } from "../src/input/account-schema.js";
import { loadAccount, loadAccountWithWarnings } from "../src/input/load-account.js";
import { MAX_INPUT_BYTES } from "../src/input/parse-source.js";
import { hasUnsafeCharacters } from "../src/text/sanitize.js";
import { analyse, ROOT, SAMPLES_DIR } from "./helpers/accounts.js";
import {
  applyBenignMutations,
  applyDataMutations,
  applyTextMutations,
  benignMutationArb,
  billionLaughs,
  dataMutationArb,
  HOLE,
  longWordArb,
  protoPayload,
  serialisationArb,
  serialise,
  textMutationArb,
  TRICKY_CHARACTERS,
  withHole,
} from "./helpers/arbitraries.js";
import { CLI } from "./helpers/cli.js";

/**
 * Fuzz test of the loader (`loadAccount`: bytes → Account or InvalidInputError). Thousands of
 * random mutations of the samples — structural (keys deleted, types swapped, prototype keys,
 * broken cross-field rules), textual (bytes inserted and flipped, truncation, Unicode controls,
 * anchors and aliases, duplicate lines, JSON variants) and hostile (deep nesting, alias bombs,
 * strings of megabytes) — must each end in an Account or an InvalidInputError whose issues are
 * located and readable: never another error, never a hang, never prototype pollution. A smaller
 * sample goes through the real CLI (`qbr validate`, `qbr analyze`).
 *
 * Bugs this test found are pinned by the regression tests at the end. Speed is not asserted
 * here (the suite has no timing assertions): a hang ends the test by its timeout, and the load
 * statistics are printed for a person to read.
 */

/** Runs per in-process property; QBR_FUZZ_RUNS=20000 for a deeper search. */
const RUNS = Number(process.env.QBR_FUZZ_RUNS ?? 1500);
/**
 * Per-property test timeout, scaled for deeper searches. Wall time: on a shared two-core machine
 * running the whole suite, 1,500 structural loads (~11 s of CPU) took 65 s.
 */
const PROPERTY_TIMEOUT_MS = Math.max(150_000, RUNS * 100);
/** How many valid CLI mutants also go through `qbr analyze --json`. */
const ANALYZED_MUTANTS = 5;
/** Generator bounds: nesting far past the loader's refusal depth, keys far past any real file. */
const JSON_DEPTH_LIMIT = 20_000;
const YAML_DEPTH_LIMIT = 100_000;
const HUGE_KEY_LIMIT = 1_000_000;
const MANY_KEYS_LIMIT = 3_000;

const SAMPLES = readdirSync(SAMPLES_DIR)
  .filter((name) => /\.ya?ml$/.test(name))
  .sort()
  .map((name) => {
    const text = readFileSync(path.join(SAMPLES_DIR, name), "utf8");
    const data = parseYaml(text) as unknown;
    // the starting points of text mutations: the file as written, as JSON, as flow-style YAML
    const bases = {
      original: { ext: "yaml" as const, text },
      json: serialise(data, "json"),
      "yaml-flow": serialise(data, "yaml-flow"),
    };
    return { name, stem: name.replace(/\.ya?ml$/, ""), text, data, bases };
  });

const encoder = new TextEncoder();

interface FuzzInput {
  label: string;
  file: string;
  bytes: Uint8Array;
}

// ---------------------------------------------------------------------------------------------
// What every outcome must satisfy
// ---------------------------------------------------------------------------------------------

class LoadStats {
  loads = 0;
  valid = 0;
  invalid = 0;
  /** CPU time of the slowest load, and which input it was. */
  slowestMs = 0;
  slowestLabel = "";
  cpuMs = 0;
  wallMs = 0;
  longestMessage = 0;

  time(cpu: number, wall: number, label: string): void {
    this.loads++;
    this.wallMs += wall;
    this.cpuMs += cpu;
    if (cpu > this.slowestMs) [this.slowestMs, this.slowestLabel] = [cpu, label];
  }

  summary(name: string): string {
    return `${name}: ${this.loads} loads, ${this.valid} valid, ${this.invalid} invalid; loadAccount ${this.cpuMs.toFixed(0)} ms CPU (${this.wallMs.toFixed(0)} ms wall), slowest ${this.slowestMs.toFixed(0)} ms CPU (${this.slowestLabel}); longest message ${this.longestMessage} chars`;
  }
}

const PROTOTYPES = [
  Object.prototype,
  Array.prototype,
  Function.prototype,
  String.prototype,
  Number.prototype,
];
const prototypeShape = () => PROTOTYPES.map((proto) => Reflect.ownKeys(proto).map(String).sort().join(","));
const PROTOTYPE_SHAPE = prototypeShape();

function expectNoPollution(label: string): void {
  const polluted =
    ({} as Record<string, unknown>).polluted !== undefined ||
    ([] as unknown as Record<string, unknown>).polluted !== undefined ||
    prototypeShape().some((shape, index) => shape !== PROTOTYPE_SHAPE[index]);
  if (polluted) throw new Error(`${label}: a built-in prototype changed (prototype pollution)`);
}

/** A loaded account is plain data: no odd prototypes, no `__proto__` own keys. */
function expectPlainData(value: unknown, where = "account"): void {
  if (typeof value !== "object" || value === null) return;
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== Array.prototype)
    throw new Error(`${where} has an odd prototype`);
  for (const key of Object.keys(value)) {
    if (key === "__proto__") throw new Error(`${where} has an own __proto__ key`);
    expectPlainData((value as Record<string, unknown>)[key], `${where}.${key}`);
  }
}

const STACK_LINE = /^\s+at\s/m;
const ENGINE_TEXT =
  /\b(?:TypeError|RangeError|ReferenceError|SyntaxError)\b|node_modules|file:\/\/|\.[cm]?js:\d+/;

function lineCount(bytes: Uint8Array): number {
  const text = Buffer.from(bytes).toString("latin1");
  return Math.max(text.split("\n").length, text.split(/\r\n|\r|\n/).length);
}

function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.constructor.name}: ${error.message.slice(0, 300)}`;
  return `a thrown ${typeof error}: ${String(error).slice(0, 300)}`;
}

/** What is wrong with an InvalidInputError's issues (plain checks: this runs thousands of times). */
function issueProblems(error: InvalidInputError, input: FuzzInput, stats: LoadStats): string[] {
  const problems: string[] = [];
  if (error.issues.length === 0) problems.push("no issues");
  if (STACK_LINE.test(error.message)) problems.push("stack trace in the error message");
  const lines = lineCount(input.bytes);
  const isPosition = (n: unknown) => typeof n === "number" && Number.isInteger(n) && n >= 0;
  for (const issue of error.issues) {
    const where = JSON.stringify(issue).slice(0, 300);
    if (issue.file !== input.file) problems.push(`file is not ${input.file}: ${where}`);
    if (!isPosition(issue.line) || !isPosition(issue.column)) problems.push(`line/column not ≥ 0: ${where}`);
    if (issue.line > lines + 1) problems.push(`line past the end of the file (${lines} lines): ${where}`);
    if (typeof issue.path !== "string") problems.push(`path not a text: ${where}`);
    if (typeof issue.message !== "string" || issue.message.trim() === "")
      problems.push(`empty message: ${where}`);
    else if (STACK_LINE.test(issue.message) || ENGINE_TEXT.test(issue.message))
      problems.push(`stack trace or engine text in the message: ${where}`);
    else stats.longestMessage = Math.max(stats.longestMessage, issue.message.length);
  }
  return problems;
}

/** Every string of a loaded account is under the text rule: nothing a PPTX could not hold. */
function expectCleanText(value: unknown, where = "account"): void {
  if (typeof value === "string") {
    if (hasControlText(value))
      throw new Error(`${where} holds a control character: ${JSON.stringify(value.slice(0, 80))}`);
  } else if (typeof value === "object" && value !== null) {
    for (const [key, item] of Object.entries(value)) expectCleanText(item, `${where}.${key}`);
  }
}

function hasControlText(value: unknown): boolean {
  if (typeof value === "string") return hasUnsafeCharacters(value.replaceAll("\r\n", "\n"));
  if (typeof value === "object" && value !== null) return Object.values(value).some(hasControlText);
  return false;
}

/** Warnings are located like errors: the file, a line in it, a path, a message. */
function expectLocatedWarnings(warnings: readonly ValidationIssue[], input: FuzzInput): void {
  const lines = lineCount(input.bytes);
  for (const warning of warnings) {
    const where = JSON.stringify(warning).slice(0, 300);
    if (warning.file !== input.file || warning.line > lines + 1 || warning.message.trim() === "")
      throw new Error(`${input.label}: badly located warning ${where}`);
    if (warning.line > 0 && warning.path === "")
      throw new Error(`${input.label}: warning without a path ${where}`);
  }
}

/** Loads one input and checks the outcome; returns the account (and its warnings) when valid. */
function loadCheckedWithWarnings(
  input: FuzzInput,
  stats: LoadStats,
): { account: Account; warnings: ValidationIssue[] } | null {
  let loaded: { account: Account; warnings: ValidationIssue[] } | null = null;
  let failure: unknown = null;
  const [wallStart, cpuStart] = [performance.now(), process.cpuUsage()];
  try {
    loaded = loadAccountWithWarnings(input.file, input.bytes, { today: "2025-10-01" });
  } catch (error) {
    failure = error;
  }
  const cpu = process.cpuUsage(cpuStart);
  stats.time((cpu.user + cpu.system) / 1000, performance.now() - wallStart, input.label);
  expectNoPollution(input.label);
  if (loaded !== null) {
    stats.valid++;
    expectPlainData(loaded.account);
    expectCleanText(loaded.account);
    expectLocatedWarnings(loaded.warnings, input);
    return loaded;
  }
  if (!(failure instanceof InvalidInputError)) {
    throw new Error(`${input.label}: loadAccount threw ${describeError(failure)}, not InvalidInputError`);
  }
  stats.invalid++;
  const problems = issueProblems(failure, input, stats);
  if (problems.length > 0) throw new Error(`${input.label}: ${problems.join("; ")}`);
  return null;
}

/** Loads one input and checks the outcome; returns the account when the input was valid. */
function loadChecked(input: FuzzInput, stats: LoadStats): Account | null {
  return loadCheckedWithWarnings(input, stats)?.account ?? null;
}

/** The largest magnitude among a goal's numbers. */
function goalMagnitude(goal: Account["goals"][number]): number {
  const points = [goal.baseline, goal.target, ...goal.plan, ...goal.actuals];
  return Math.max(...points.map((point) => Math.abs(point.value)), goal.value?.perUnit ?? 0);
}

/**
 * A valid mutant must also analyse, with the JSON of SPEC §4 printable and no NaN figure — for
 * goals of sane magnitude: values near ±1e308 overflow the arithmetic (reported, not a test).
 */
function expectAnalysable(account: Account): void {
  const json = analysisToJson(analyse(account));
  json.goals.forEach((goal, index) => {
    if (goalMagnitude(account.goals[index]!) > 1e150) return;
    for (const figure of [goal.attainment, goal.expectedProgress, goal.pace, goal.projectedAttainment]) {
      if (figure !== null) expect(Number.isNaN(figure)).toBe(false);
    }
  });
  expect(JSON.parse(JSON.stringify(json))).toMatchObject({ account: { name: account.account.name } });
}

// ---------------------------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------------------------

const sampleArb = fc.nat({ max: SAMPLES.length - 1 });
const sampleAt = (index: number) => SAMPLES[index % SAMPLES.length]!;

const structuralArb = fc.record({
  sample: sampleArb,
  mutations: fc.array(dataMutationArb, { minLength: 1, maxLength: 4 }),
  serialisation: serialisationArb,
});

type StructuralCase = typeof structuralArb extends fc.Arbitrary<infer T> ? T : never;

function structuralInput({ sample, mutations, serialisation }: StructuralCase): FuzzInput {
  const { stem, data } = sampleAt(sample);
  const { ext, text } = serialise(applyDataMutations(data, mutations), serialisation);
  const ops = mutations.map((mutation) => mutation.op).join("+");
  return {
    label: `${stem} ${ops} as ${serialisation}`,
    file: `fuzz/${stem}.${ext}`,
    bytes: encoder.encode(text),
  };
}

const textArb = fc.record({
  sample: sampleArb,
  base: fc.constantFrom("original" as const, "json" as const, "yaml-flow" as const),
  mutations: fc.array(textMutationArb, { minLength: 1, maxLength: 5 }),
});
type TextCase = typeof textArb extends fc.Arbitrary<infer T> ? T : never;

function textInput({ sample, base, mutations }: TextCase): FuzzInput {
  const { stem, bases } = sampleAt(sample);
  const start = bases[base];
  const bytes = applyTextMutations(encoder.encode(start.text), mutations);
  const ops = mutations.map((mutation) => mutation.op).join("+");
  return { label: `${stem} (${base}) ${ops}`, file: `fuzz/${stem}.${start.ext}`, bytes };
}

const benignArb = fc.record({
  sample: sampleArb,
  mutations: fc.array(benignMutationArb, { minLength: 1, maxLength: 4 }),
  serialisation: fc.constantFrom(
    "yaml" as const,
    "yaml-flow" as const,
    "json" as const,
    "json-compact" as const,
  ),
});
type BenignCase = typeof benignArb extends fc.Arbitrary<infer T> ? T : never;

function benignInput({ sample, mutations, serialisation }: BenignCase): FuzzInput {
  const { stem, data } = sampleAt(sample);
  const { ext, text } = serialise(applyBenignMutations(data, mutations), serialisation);
  const ops = mutations.map((mutation) => mutation.op).join("+");
  return {
    label: `${stem} benign ${ops} as ${serialisation}`,
    file: `fuzz/${stem}.${ext}`,
    bytes: encoder.encode(text),
  };
}

/** Control characters XML forbids, alone, inside words or around them. */
const controlStringArb = fc
  .tuple(
    fc.string({ unit: "grapheme-ascii", maxLength: 12 }),
    fc.array(
      fc.constantFrom(
        "\u0007",
        "\u000b",
        "\u000c",
        "\r",
        "\u0000",
        "\u001b",
        "\u007f",
        "\u0085",
        "\u009b",
        "\ufffe",
        "\uffff",
        "\ud800",
      ),
      {
        minLength: 1,
        maxLength: 4,
      },
    ),
    fc.string({ unit: "grapheme-ascii", maxLength: 12 }),
  )
  .map(([before, controls, after]) => `${before}${controls.join("")}${after}`);

/** Text fields of a sample rewritten with control characters or a long unbroken word (issue 10). */
const controlTextArb = fc.record({
  sample: sampleArb,
  mutations: fc.array(
    fc.record({
      op: fc.constant("retext" as const),
      pick: fc.nat(),
      text: fc.oneof(controlStringArb, longWordArb),
    }),
    { minLength: 1, maxLength: 4 },
  ),
  serialisation: fc.constantFrom("yaml" as const, "json" as const, "yaml-flow" as const),
});

/** Shapes no real account has: deep nesting, alias bombs, megabytes, thousands of keys. */
const hostileArb = fc.oneof(
  fc.record({
    kind: fc.constant("deep-flow" as const),
    sample: sampleArb,
    pick: fc.nat(),
    json: fc.boolean(),
    style: fc.constantFrom("list" as const, "mapping" as const),
    closed: fc.boolean(),
    depth: fc.oneof(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 300, max: YAML_DEPTH_LIMIT })),
  }),
  fc.record({
    kind: fc.constant("deep-block" as const),
    sample: sampleArb,
    style: fc.constantFrom("mapping" as const, "list" as const),
    depth: fc.integer({ min: 1, max: 800 }),
  }),
  fc.record({
    kind: fc.constant("alias-bomb" as const),
    sample: sampleArb,
    pick: fc.nat(),
    levels: fc.integer({ min: 1, max: 9 }),
    width: fc.integer({ min: 2, max: 9 }),
  }),
  fc.record({
    kind: fc.constant("huge-string" as const),
    sample: sampleArb,
    pick: fc.nat(),
    json: fc.boolean(),
    unit: fc.constantFrom("x", " ", "\\n", ...TRICKY_CHARACTERS),
    length: fc.oneof(fc.integer({ min: 1000, max: 100_000 }), fc.integer({ min: 100_000, max: 4_000_000 })),
  }),
  fc.record({
    kind: fc.constant("huge-key" as const),
    sample: sampleArb,
    pick: fc.nat(),
    json: fc.boolean(),
    length: fc.integer({ min: 1025, max: HUGE_KEY_LIMIT }),
  }),
  fc.record({
    kind: fc.constant("oversize" as const),
    sample: sampleArb,
    extra: fc.integer({ min: 1, max: 1_000_000 }),
  }),
  fc.record({
    kind: fc.constant("many-keys" as const),
    sample: sampleArb,
    count: fc.integer({ min: 100, max: MANY_KEYS_LIMIT }),
    json: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant("many-goals" as const),
    sample: sampleArb,
    count: fc.integer({ min: 10, max: 300 }),
    json: fc.boolean(),
  }),
  fc.record({ kind: fc.constant("proto-everywhere" as const), sample: sampleArb, json: fc.boolean() }),
);
type HostileCase = typeof hostileArb extends fc.Arbitrary<infer T> ? T : never;

/** Serialises data as JSON text (valid YAML too) with the HOLE replaced by `fragment`. */
function jsonWithHole(data: unknown, fragment: string): string {
  return JSON.stringify(data, null, 1).replace(JSON.stringify(HOLE), () => fragment);
}

function hostileInput(c: HostileCase): FuzzInput {
  const { stem, text, data } = sampleAt(c.sample);
  const named = (ext: string, content: string): FuzzInput => ({
    label: `${stem} ${c.kind}`,
    file: `fuzz/${stem}-${c.kind}.${ext}`,
    bytes: encoder.encode(content),
  });
  switch (c.kind) {
    case "deep-flow": {
      const depth = c.json ? Math.min(c.depth, JSON_DEPTH_LIMIT) : c.depth;
      const [open, inner, close] = c.style === "list" ? ["[", "1", "]"] : ['{"a": ', "1", "}"];
      const fragment = open.repeat(depth) + inner + (c.closed ? close.repeat(depth) : "");
      return named(c.json ? "json" : "yaml", jsonWithHole(withHole(data, c.pick, false), fragment));
    }
    case "deep-block": {
      const lines = Array.from({ length: c.depth }, (_, level) =>
        c.style === "mapping" ? `${" ".repeat(level + 1)}a:` : `${" ".repeat(level + 1)}-`,
      );
      return named("yaml", `${text}\nextra:\n${lines.join("\n")} 1\n`);
    }
    case "alias-bomb":
      return named("yaml", jsonWithHole(withHole(data, c.pick, false), billionLaughs(c.levels, c.width)));
    case "huge-string": {
      const unit = c.unit === "\\n" ? "\n" : c.unit;
      const big = unit.repeat(Math.ceil(c.length / unit.length));
      return named(
        c.json ? "json" : "yaml",
        jsonWithHole(withHole(data, c.pick, false), JSON.stringify(big)),
      );
    }
    case "huge-key":
      return named(
        c.json ? "json" : "yaml",
        jsonWithHole(withHole(data, c.pick, true), JSON.stringify("k".repeat(c.length))),
      );
    case "oversize":
      return named("yaml", `${text}\n# ${"x".repeat(MAX_INPUT_BYTES - text.length + c.extra)}\n`);
    case "many-keys": {
      const copy = structuredClone(data) as Record<string, Record<string, unknown>>;
      for (let index = 0; index < c.count; index++) copy.account![`extra${index}`] = index;
      return named(c.json ? "json" : "yaml", JSON.stringify(copy));
    }
    case "many-goals": {
      const copy = structuredClone(data) as { goals: { id: string }[] };
      const first = copy.goals[0]!;
      copy.goals = Array.from({ length: c.count }, (_, index) => ({
        ...structuredClone(first),
        id: `goal-${index}`,
      }));
      return named(c.json ? "json" : "yaml", JSON.stringify(copy));
    }
    case "proto-everywhere": {
      const copy = structuredClone(data);
      const visit = (node: unknown) => {
        if (typeof node !== "object" || node === null) return;
        for (const child of Object.values(node)) visit(child);
        if (!Array.isArray(node)) Object.assign(node, protoPayload());
      };
      visit(copy);
      return named(c.json ? "json" : "yaml", JSON.stringify(copy, null, 1));
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The tests
// ---------------------------------------------------------------------------------------------

const warnings: string[] = [];
let savedWarningListeners: ((warning: Error) => void)[] = [];

beforeAll(() => {
  // The yaml library reports collection keys with process.emitWarning; count them instead of
  // letting thousands of them flood the test output.
  savedWarningListeners = process.listeners("warning");
  process.removeAllListeners("warning");
  process.on("warning", (warning) => warnings.push(warning.message));
});

afterAll(() => {
  process.removeAllListeners("warning");
  for (const listener of savedWarningListeners) process.on("warning", listener);
  if (warnings.length > 0)
    console.info(`loader fuzz: ${warnings.length} process warnings from the yaml library`);
});

describe("loadAccount on random mutations of the samples", () => {
  it("the samples themselves are valid", () => {
    const stats = new LoadStats();
    for (const { name, text } of SAMPLES) {
      expect(loadChecked({ label: name, file: name, bytes: encoder.encode(text) }, stats)).not.toBeNull();
    }
    expect(SAMPLES.length).toBeGreaterThanOrEqual(4);
  });

  it(
    "structural mutations (keys deleted, types swapped, prototype keys, broken rules; YAML and JSON)",
    () => {
      const stats = new LoadStats();
      fc.assert(
        fc.property(structuralArb, (c) => {
          const account = loadChecked(structuralInput(c), stats);
          if (account) expectAnalysable(account);
        }),
        { numRuns: RUNS },
      );
      console.info(stats.summary("structural"));
      expect(stats.invalid).toBeGreaterThan(RUNS / 4);
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    "text mutations (bytes inserted and flipped, truncation, Unicode, anchors and aliases, duplicate lines)",
    () => {
      const stats = new LoadStats();
      fc.assert(
        fc.property(textArb, (c) => {
          const account = loadChecked(textInput(c), stats);
          if (account) expectAnalysable(account);
        }),
        { numRuns: RUNS },
      );
      console.info(stats.summary("text"));
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    "benign mutations (optional keys dropped, Unicode texts, new values) stay loadable and analysable",
    () => {
      const stats = new LoadStats();
      fc.assert(
        fc.property(benignArb, (c) => {
          const account = loadChecked(benignInput(c), stats);
          if (account) expectAnalysable(account);
        }),
        { numRuns: Math.ceil(RUNS / 5) },
      );
      console.info(stats.summary("benign"));
      expect(stats.valid).toBeGreaterThan(stats.loads / 2);
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    "control characters and long unbroken words in string fields: an account with a warning per cleaned field, or a located error",
    () => {
      const stats = new LoadStats();
      let cleaned = 0;
      fc.assert(
        fc.property(controlTextArb, (c) => {
          const input = benignInput(c);
          const loaded = loadCheckedWithWarnings(input, stats);
          // the file as any YAML parser reads it: does a string of it hold a character the rule changes?
          const raw = parseYaml(new TextDecoder().decode(input.bytes)) as unknown;
          if (loaded && hasControlText(raw)) {
            expect(loaded.warnings.length, input.label).toBeGreaterThan(0);
            cleaned++;
          }
          if (loaded) expectAnalysable(loaded.account);
        }),
        { numRuns: Math.ceil(RUNS / 5) },
      );
      console.info(`${stats.summary("control characters and long words")}; ${cleaned} cleaned with warnings`);
      expect(stats.valid).toBeGreaterThan(0);
      expect(stats.invalid).toBeGreaterThan(0);
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    "hostile shapes (deep nesting, alias bombs, megabyte strings, hundreds of keys and goals, __proto__ everywhere)",
    () => {
      const stats = new LoadStats();
      fc.assert(
        fc.property(hostileArb, (c) => {
          const account = loadChecked(hostileInput(c), stats);
          if (account && c.kind === "many-goals") expect(account.goals).toHaveLength(c.count);
        }),
        { numRuns: Math.ceil(RUNS / 25) },
      );
      console.info(stats.summary("hostile"));
    },
    PROPERTY_TIMEOUT_MS,
  );

  it("a file over the size limit is refused up front, whatever it holds", () => {
    const stats = new LoadStats();
    const bytes = new Uint8Array(MAX_INPUT_BYTES + 1).fill(0x5b); // 5 MB of "["
    expect(loadChecked({ label: "oversize", file: "big.yaml", bytes }, stats)).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------
// Through the real CLI. The child processes start before the first test and run in the
// background (on the other cores) while the in-process fuzzing runs; the tests await them.
// ---------------------------------------------------------------------------------------------

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs the built CLI; never rejects (a spawn failure is a run with code null). */
function runCli(args: string[], timeoutMs = 60_000): Promise<CliRun> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: "1" },
      timeout: timeoutMs,
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", (error) => resolve({ code: null, stdout, stderr: String(error), ms: 0 }));
    child.on("close", (code) => resolve({ code, stdout, stderr, ms: performance.now() - started }));
  });
}

/** At most `limit` tasks at a time. */
function limiter(limit: number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    while (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    try {
      return await task();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}

interface CliCase {
  label: string;
  input: FuzzInput;
  validate: Promise<CliRun>;
  analyze: Promise<CliRun> | null;
}

const cli = {
  dir: "",
  missing: false,
  cases: [] as CliCase[],
  /** bug 2 below: a 1 MB file of "[" */
  deepYaml: null as Promise<CliRun> | null,
};

beforeAll(() => {
  if (!existsSync(CLI)) {
    cli.missing = true;
    return;
  }
  cli.dir = mkdtempSync(path.join(os.tmpdir(), "qbr-fuzz-"));
  const queue = limiter(Math.max(1, Math.min(4, os.availableParallelism())));
  const inputs = [
    ...fc.sample(benignArb, 10).map(benignInput),
    ...fc.sample(structuralArb, 10).map(structuralInput),
    ...fc.sample(textArb, 10).map(textInput),
  ];
  let analysed = 0;
  cli.cases = inputs.map((mutant, index) => {
    const file = path.join(cli.dir, `mutant-${index}${path.extname(mutant.file)}`);
    writeFileSync(file, mutant.bytes);
    const input = { ...mutant, file };
    let valid = false;
    try {
      loadAccount(file, mutant.bytes);
      valid = true;
    } catch {
      // checked in the test
    }
    // analyze (slower than validate: it loads the templates) on the first few valid mutants
    const analyze = valid && analysed++ < ANALYZED_MUTANTS;
    return {
      label: mutant.label,
      input,
      validate: queue(() => runCli(["validate", file])),
      analyze: analyze ? queue(() => runCli(["analyze", file, "--json"])) : null,
    };
  });
  const deep = path.join(cli.dir, "deep.yaml");
  writeFileSync(deep, "[".repeat(1_000_000));
  cli.deepYaml = queue(() => runCli(["validate", deep]));
});

afterAll(async () => {
  await Promise.allSettled([...cli.cases.flatMap((c) => [c.validate, c.analyze]), cli.deepYaml]);
  if (cli.dir) rmSync(cli.dir, { recursive: true, force: true });
});

describe("the CLI on mutated files", () => {
  it("qbr validate exits 0 or 2 (as loadAccount decides) without a stack trace; qbr analyze runs on valid ones", async () => {
    expect(cli.missing, `${CLI} is missing: run \`npm run build\` first`).toBe(false);
    const stats = new LoadStats();
    let analysed = 0;
    for (const { label, input, validate, analyze } of cli.cases) {
      // the in-process verdict, checked as in the tests above, with the file name the CLI prints
      const valid = loadChecked(input, stats) !== null;
      const run = await validate;
      const context = `${label} (${input.file})\n${run.stderr.slice(0, 2000)}`;
      expect(run.code, context).toBe(valid ? 0 : 2);
      expect(run.stderr, context).not.toMatch(STACK_LINE);
      expect(run.stderr, context).not.toMatch(/internal error/);
      if (!valid) expect(run.stderr, context).toContain(input.file);
      if (analyze) {
        const result = await analyze;
        expect(result.code, `${label}\n${result.stderr.slice(0, 2000)}`).toBe(0);
        expect(result.stderr).not.toMatch(STACK_LINE);
        expect(JSON.parse(result.stdout)).toHaveProperty("goals");
        analysed++;
      }
    }
    console.info(`cli: ${cli.cases.length} mutants validated (${stats.valid} valid), ${analysed} analysed`);
    expect(stats.valid).toBeGreaterThan(0);
    expect(stats.invalid).toBeGreaterThan(0);
    // The ~35 child processes queue two at a time; on a shared, loaded machine that outlasts 60 s.
  }, 180_000);
});

// ---------------------------------------------------------------------------------------------
// Loader bugs this fuzzer found, fixed in src/input/parse-source.ts and validate-source.ts;
// each is pinned here because random mutations meet these shapes only now and then.
// ---------------------------------------------------------------------------------------------

describe("loader bugs found by fuzzing, fixed", () => {
  const northwind = SAMPLES.find((sample) => sample.name === "northwind-logistics.yaml")!;
  const issuesOf = (file: string, text: string): InvalidInputError["issues"] => {
    try {
      loadAccount(file, encoder.encode(text));
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidInputError);
      return (error as InvalidInputError).issues;
    }
    throw new Error("expected the file to be invalid");
  };

  // Was: jsonc-parser recursed per level and the RangeError escaped ("internal error", exit 1).
  it("bug 1: a .json file nested 10,000 deep is refused as too deeply nested", () => {
    const text = JSON.stringify({ ...(northwind.data as object), internalNotes: HOLE }).replace(
      JSON.stringify(HOLE),
      "[".repeat(10_000) + "]".repeat(10_000),
    );
    expect(issuesOf("deep.json", text)[0]!.message).toMatch(/nested more than 64 levels/);
  });

  // Was: nothing bounded nesting before the YAML parser, whose time grew faster than linearly
  // (1,000,000 "[": ~8 s and ~1 GB). Now a linear scan refuses it before any parser runs.
  it("bug 2: qbr validate refuses a 1 MB file of nested YAML flow sequences as too deeply nested", async () => {
    expect(cli.missing).toBe(false);
    const run = await cli.deepYaml!;
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/nested more than 64 levels/);
  });

  // Was: quadratic in the key count (yaml's pairwise uniqueKeys check, one findNode per issue).
  // Now duplicates are found with one Set per mapping and at most MAX_ISSUES issues are located.
  it("bug 5: thousands of unknown keys give the first 50 problems and a count of the rest", () => {
    const copy = structuredClone(northwind.data) as { account: Record<string, unknown> };
    for (let index = 0; index < 3200; index++) copy.account[`extra${index}`] = index;
    const issues = issuesOf("many-keys.yaml", JSON.stringify(copy));
    expect(issues).toHaveLength(51);
    expect(issues.at(-1)!.message).toBe("…and 3150 more problems");
  });

  // Was: a `%YAML 1.1` merge of a non-mapping threw a plain Error ("internal error", exit 1).
  it("bug 6: a YAML 1.1 merge key is an ordinary (unknown) key", () => {
    expect(
      issuesOf("merge.yaml", "%YAML 1.1\n---\naccount:\n  <<: 1\n").map((issue) => issue.path),
    ).toContain("account.<<");
  });

  // Was: under `%YAML 1.1` unquoted dates became JS Dates and were refused as "mappings".
  it("bug 7: a valid sample with a %YAML 1.1 header loads", () => {
    expect(loadAccount("yaml11.yaml", encoder.encode(`%YAML 1.1\n---\n${northwind.text}`)).account.name).toBe(
      "Northwind Logistics",
    );
  });

  // Was: the key was echoed in full (8 MB on stderr) after an edit distance over all of it.
  it("bug 3: an unknown key of 500 KB is reported with a short path and message", () => {
    const text = jsonWithHole(withHole(northwind.data, 0, true), JSON.stringify("k".repeat(500_000)));
    const issues = issuesOf("huge-key.json", text);
    expect(issues.length).toBeGreaterThan(0);
    for (const issue of issues) expect(issue.path.length + issue.message.length).toBeLessThan(200);
  });
});

// Found by this fuzz test and fixed in dfdf3a8 (the cross-field checks of account-schema.ts
// dereferenced a null document or goal: TypeError, "qbr: internal error", exit 1). Kept as
// regression tests: the random mutations meet these shapes only now and then.
describe("regressions found by fuzzing", () => {
  const northwind = SAMPLES.find((sample) => sample.name === "northwind-logistics.yaml")!;

  it.each(["# account file, to fill in\n", "---\n", "~\n", "null\n"])(
    "a null document (%j) is an InvalidInputError",
    (text) => {
      const stats = new LoadStats();
      expect(loadChecked({ label: text, file: "null.yaml", bytes: encoder.encode(text) }, stats)).toBeNull();
      expect(
        loadChecked({ label: text, file: "null.json", bytes: encoder.encode("null") }, stats),
      ).toBeNull();
    },
  );

  it("an empty goal item (`goals:` then `-`) is an InvalidInputError naming goals[0]", () => {
    const text = northwind.text.replace(/^goals:\n/m, "goals:\n  -\n");
    try {
      loadAccount("empty-goal.yaml", encoder.encode(text));
      expect.unreachable("the file is invalid");
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).issues.map((issue) => issue.path)).toContain("goals[0]");
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Discovery over folder trees with symbolic links (issue 10 item 5): links to `.`, to a parent,
// to the root, to a sibling folder and a file outside, to files and folders inside, broken links
// and links to themselves. Whatever the tree, discovery must end, stay inside the folder named,
// and read each real account file exactly once.
// ---------------------------------------------------------------------------------------------

const LINK_TARGETS = [
  "self",
  "parent",
  "root",
  "outside-folder",
  "outside-file",
  "inside-file",
  "inside-folder",
  "missing",
  "loop",
] as const;

const treeArb = fc.record({
  folders: fc.uniqueArray(
    fc
      .array(fc.constantFrom("a", "b", ".h", "node_modules"), { minLength: 1, maxLength: 3 })
      .map((parts) => parts.join("/")),
    { maxLength: 6 },
  ),
  files: fc.array(
    fc.record({ folder: fc.nat(), name: fc.constantFrom("x.yaml", "y.json", "z.txt", "w.YML") }),
    { maxLength: 8 },
  ),
  links: fc.array(
    fc.record({
      folder: fc.nat(),
      name: fc.constantFrom("l1", "l2.yaml", "l3.json", "l4.yml"),
      target: fc.constantFrom(...LINK_TARGETS),
      pick: fc.nat(),
    }),
    { minLength: 1, maxLength: 8 },
  ),
});
type Tree = typeof treeArb extends fc.Arbitrary<infer T> ? T : never;

const ACCOUNT_NAME = /\.(ya?ml|json)$/i;

/** Builds the tree under `work/root` (with `work/outside` beside it); returns the root. */
function buildTree(work: string, tree: Tree): string {
  const root = path.join(work, "root");
  const outside = path.join(work, "outside");
  mkdirSync(root);
  mkdirSync(outside);
  writeFileSync(path.join(outside, "o.yaml"), "outside: 1\n");
  const folders = ["", ...tree.folders];
  for (const folder of folders) mkdirSync(path.join(root, folder), { recursive: true });
  const files: string[] = [];
  for (const file of tree.files) {
    const target = path.join(root, folders[file.folder % folders.length]!, file.name);
    if (!existsSync(target)) {
      writeFileSync(target, "inside: 1\n");
      files.push(target);
    }
  }
  for (const link of tree.links) {
    const at = path.join(root, folders[link.folder % folders.length]!, link.name);
    const targets: Record<(typeof LINK_TARGETS)[number], string> = {
      self: ".",
      parent: "..",
      root,
      "outside-folder": outside,
      "outside-file": path.join(outside, "o.yaml"),
      "inside-file": files.length > 0 ? files[link.pick % files.length]! : "missing",
      "inside-folder": path.join(root, folders[link.pick % folders.length]!),
      missing: "missing",
      loop: link.name,
    };
    if (lstatSync(at, { throwIfNoEntry: false }) === undefined) symlinkSync(targets[link.target], at);
  }
  return root;
}

/**
 * The real paths discovery must return, found by a plain walk that never follows a link to a
 * folder: account files in visible folders, and the files inside the root that account-named
 * links in visible folders lead to.
 */
function expectedRealFiles(root: string): Set<string> {
  const realRoot = realpathSync(root);
  const expected = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!entry.name.startsWith(".") && entry.name !== "node_modules") walk(full);
      } else if (entry.isFile()) {
        if (ACCOUNT_NAME.test(entry.name)) expected.add(realpathSync(full));
      } else if (entry.isSymbolicLink() && ACCOUNT_NAME.test(entry.name)) {
        let real: string;
        try {
          real = realpathSync(full);
        } catch {
          continue;
        }
        const inside = !path.relative(realRoot, real).startsWith("..");
        if (inside && statSync(real).isFile()) expected.add(real);
      }
    }
  };
  walk(root);
  return expected;
}

describe("discovery over folder trees with symbolic links", () => {
  it(
    "ends, stays inside the folder named and reads each real file once",
    async () => {
      const work = mkdtempSync(path.join(os.tmpdir(), "qbr-fuzz-tree-"));
      let runs = 0;
      let linksSkipped = 0;
      try {
        await fc.assert(
          fc.asyncProperty(treeArb, async (tree) => {
            const dir = path.join(work, String(runs++));
            mkdirSync(dir);
            const root = buildTree(dir, tree);
            const realRoot = realpathSync(root);
            for (const input of [[root], [`${root}/**/*.{yaml,yml,json,YML}`, root]]) {
              const found = await discoverAccountFiles(input);
              const reals = found.files.map((file) => realpathSync(file));
              for (const real of reals) expect(path.relative(realRoot, real).startsWith("..")).toBe(false);
              expect(new Set(reals).size).toBe(reals.length);
              expect(new Set(reals)).toEqual(expectedRealFiles(root));
              expect(found.unreadableFolders).toEqual([]);
              for (const link of found.skippedLinks) expect(lstatSync(link.path).isSymbolicLink()).toBe(true);
              linksSkipped += found.skippedLinks.length;
            }
            rmSync(dir, { recursive: true, force: true });
          }),
          { numRuns: Math.max(50, Math.ceil(RUNS / 15)) },
        );
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
      console.info(`discovery: ${runs} folder trees, ${linksSkipped} links skipped and reported`);
    },
    PROPERTY_TIMEOUT_MS,
  );
});
