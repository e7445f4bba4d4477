import fc from "fast-check";
import { stringify as toYaml } from "yaml";
import { dayNumber, fromDayNumber, type IsoDate } from "../../src/dates.js";
import type { Goal } from "../../src/input/account-schema.js";
import { baseAccountData, makeAccount } from "./accounts.js";

/**
 * fast-check arbitraries shared by the property-based tests of the figures and the fuzz test of
 * the loader. Goals are generated as raw file data (what a user writes) and built through the
 * real zod schema, so every generated goal is one the loader would accept.
 */

// ---------------------------------------------------------------------------------------------
// Goals
// ---------------------------------------------------------------------------------------------

export interface RawPoint {
  date: IsoDate;
  value: number;
}

/** A goal as written in an account file (before defaults). */
export interface RawGoal {
  id: string;
  title: string;
  metric: { name: string; unit?: string };
  direction?: "increase" | "decrease";
  baseline: RawPoint;
  target: RawPoint;
  plan: RawPoint[];
  actuals: RawPoint[];
  value?: { perUnit: number };
}

export interface GoalCase {
  raw: RawGoal;
  /** `raw` validated by the account schema. */
  goal: Goal;
  asOf: IsoDate;
  baselineDay: number;
  targetDay: number;
}

export interface GoalArbOptions {
  /** Force one direction; both otherwise. */
  direction?: "increase" | "decrease";
  /** Always (true) or never (false) give the goal a `value.perUnit`; either when undefined. */
  withValue?: boolean;
  minActuals?: number;
  maxActuals?: number;
  maxPlan?: number;
}

const FIRST_BASELINE_DAY = dayNumber("2018-01-01");
const LAST_BASELINE_DAY = dayNumber("2032-12-31");

export const baselineValueArb: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, 1, 100, 1200, -50),
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
);

/**
 * |target − baseline|. Kept at least 1e-4 × |baseline| so that (v − b) / (t − b) is computed to
 * ~1e-12: the properties test the formulas, not catastrophic cancellation of 1e6 ± 1e-6.
 */
const magnitudeArb: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: 1, max: 1_000_000 }),
  fc.double({ min: 1e-3, max: 1e6, noNaN: true }),
);

/** A position on the goal's own scale: 0 = baseline, 1 = target (may overshoot either way). */
export const fractionArb: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, 0.5, 1, -0.25, 1.25),
  fc.double({ min: -1, max: 2, noNaN: true }),
);

const spanArb = fc.oneof(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 11, max: 1500 }));

export function goalCaseArb(options: GoalArbOptions = {}): fc.Arbitrary<GoalCase> {
  const { minActuals = 0, maxActuals = 8, maxPlan = 6 } = options;
  const directionArb = options.direction
    ? fc.constant(options.direction)
    : fc.constantFrom<"increase" | "decrease">("increase", "decrease");
  const perUnitArb =
    options.withValue === false
      ? fc.constant(undefined)
      : options.withValue === true
        ? fc.double({ min: 0.01, max: 10_000, noNaN: true })
        : fc.option(fc.double({ min: 0.01, max: 10_000, noNaN: true }), { nil: undefined });

  return fc
    .record({
      baselineDay: fc.integer({ min: FIRST_BASELINE_DAY, max: LAST_BASELINE_DAY }),
      span: spanArb,
      b: baselineValueArb,
      magnitude: magnitudeArb,
      direction: directionArb,
      writeDirection: fc.boolean(),
      perUnit: perUnitArb,
    })
    .chain((shape) => {
      const planOffsets =
        shape.span >= 2
          ? fc.uniqueArray(fc.integer({ min: 1, max: shape.span - 1 }), {
              maxLength: Math.min(maxPlan, shape.span - 1),
            })
          : fc.constant<number[]>([]);
      // The loader refuses actuals before the baseline and two actuals on one date (SPEC §1 + issue 10).
      const actualOffset = fc.integer({ min: 0, max: shape.span + 90 });
      const actualOffsets = fc.uniqueArray(actualOffset, { minLength: minActuals, maxLength: maxActuals });
      return fc.record({
        shape: fc.constant(shape),
        plan: planOffsets.chain((offsets) =>
          fc.tuple(
            fc.constant(offsets),
            fc.array(fractionArb, { minLength: offsets.length, maxLength: offsets.length }),
          ),
        ),
        actuals: actualOffsets.chain((offsets) =>
          fc.tuple(
            fc.constant(offsets),
            fc.array(fractionArb, { minLength: offsets.length, maxLength: offsets.length }),
          ),
        ),
        asOfOffset: fc.integer({ min: -30, max: shape.span + 120 }),
      });
    })
    .map(({ shape, plan, actuals, asOfOffset }) => {
      const magnitude = Math.max(shape.magnitude, Math.abs(shape.b) * 1e-4);
      const b = shape.b;
      const t = shape.direction === "increase" ? b + magnitude : b - magnitude;
      const at = (offset: number, fraction: number): RawPoint => ({
        date: fromDayNumber(shape.baselineDay + offset),
        value: b + (t - b) * fraction,
      });
      const raw: RawGoal = {
        id: "g1",
        title: "Generated goal",
        metric: { name: "Metric", unit: "u" },
        ...(shape.writeDirection ? { direction: shape.direction } : {}),
        baseline: { date: fromDayNumber(shape.baselineDay), value: b },
        target: { date: fromDayNumber(shape.baselineDay + shape.span), value: t },
        plan: plan[0].map((offset, index) => at(offset, plan[1][index] ?? 0)),
        actuals: actuals[0].map((offset, index) => at(offset, actuals[1][index] ?? 0)),
        ...(shape.perUnit === undefined ? {} : { value: { perUnit: shape.perUnit } }),
      };
      return {
        raw,
        goal: goalFromRaw(raw),
        asOf: fromDayNumber(shape.baselineDay + asOfOffset),
        baselineDay: shape.baselineDay,
        targetDay: shape.baselineDay + shape.span,
      };
    });
}

/** Validates a raw goal through the account schema (throws if the schema refuses it). */
export function goalFromRaw(raw: RawGoal): Goal {
  return makeAccount({ ...baseAccountData(), goals: [structuredClone(raw)] }).goals[0]!;
}

/** The same goal seen upside down: every value negated, increase ↔ decrease. */
export function mirrorGoal(raw: RawGoal): RawGoal {
  const flip = (point: RawPoint): RawPoint => ({ date: point.date, value: -point.value });
  const mirrored: RawGoal = {
    ...raw,
    baseline: flip(raw.baseline),
    target: flip(raw.target),
    plan: raw.plan.map(flip),
    actuals: raw.actuals.map(flip),
  };
  if (raw.direction) mirrored.direction = raw.direction === "increase" ? "decrease" : "increase";
  return mirrored;
}

// ---------------------------------------------------------------------------------------------
// Fuzz building blocks
// ---------------------------------------------------------------------------------------------

/** Characters that break naive text handling: bidi controls, zero-width, BOM, lone surrogates… */
export const TRICKY_CHARACTERS = [
  "\u202e", // right-to-left override
  "\u202b", // right-to-left embedding
  "\u200f", // right-to-left mark
  "\u061c", // Arabic letter mark
  "\u200b", // zero-width space
  "\u200c",
  "\u200d",
  "\u2060", // word joiner
  "\ufeff", // BOM / zero-width no-break space
  "\ud800", // lone high surrogate
  "\udfff", // lone low surrogate
  "\ud83d\ude00", // 😀
  "👩‍👩‍👧",
  "e\u0301", // combining accent
  "\u0085", // NEL
  "\u2028", // line separator
  "\u2029",
  "\u001b[31m", // ANSI escape
  "\t",
  "\r",
  // control and invalid characters XML forbids (issue 10: they corrupted the PPTX)
  "\u0000",
  "\u0007", // bell
  "\u000b", // vertical tab (Word's manual line break)
  "\u000c", // form feed
  "\u001f",
  "\u007f", // DEL
  "\u009b", // C1 control sequence introducer
  "\ufffe",
  "\uffff",
  "\u00a0",
  "שלום",
  "مرحبا",
  "Ωμέγα",
  "Привет",
  "中文",
  "𝕏",
];

/**
 * Any code point, lone surrogates included. (fast-check's "binary" and "grapheme" units build a
 * reverse table of all of Unicode on first use, over a second of CPU for a few strings.)
 */
const codePointArb = fc.oneof(
  fc.integer({ min: 0x20, max: 0x7e }),
  fc.integer({ min: 0, max: 0x10ffff }),
  fc.integer({ min: 0xd800, max: 0xdfff }),
);
const anyCodePointStringArb = fc
  .array(codePointArb, { maxLength: 30 })
  .map((codePoints) => codePoints.map((codePoint) => String.fromCodePoint(codePoint)).join(""));

/**
 * A long word with no space to break at (issue 10: wrapping one took minutes), 500 to 3,000
 * characters, now and then with a control character inside.
 */
export const longWordArb: fc.Arbitrary<string> = fc
  .record({
    length: fc.integer({ min: 500, max: 3000 }),
    letters: fc.constantFrom("abcdefghij", "W", "Ωμέγα", "中文", "0123456789"),
    control: fc.option(fc.constantFrom("\u0007", "\u000b", "\u0000", "\u009b"), { nil: undefined }),
  })
  .map(({ length, letters, control }) => {
    const word = letters.repeat(Math.ceil(length / letters.length)).slice(0, length);
    return control ? `${word.slice(0, length / 2)}${control}${word.slice(length / 2)}` : word;
  });

export const trickyStringArb: fc.Arbitrary<string> = fc.oneof(
  anyCodePointStringArb,
  longWordArb,
  fc
    .array(fc.constantFrom(...TRICKY_CHARACTERS), { minLength: 1, maxLength: 6 })
    .map((parts) => parts.join("")),
  fc
    .tuple(
      fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 12 }),
      fc.constantFrom(...TRICKY_CHARACTERS),
      fc.string({ unit: "grapheme-ascii", maxLength: 12 }),
    )
    .map((parts) => parts.join("")),
);

/** Keys a hostile file might use to reach an object's prototype, plus other oddities. */
export const HOSTILE_KEYS = [
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "valueOf",
  "hasOwnProperty",
  "__defineGetter__",
  "__lookupGetter__",
  "isPrototypeOf",
  "<<",
  "then",
  "length",
  "0",
  "",
  " ",
  "polluted",
] as const;

/** An object with an own `__proto__` key (as JSON.parse and YAML parsers produce). */
export function protoPayload(): Record<string, unknown> {
  return JSON.parse(
    '{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}, "polluted": "no"}',
  ) as Record<string, unknown>;
}

export const weirdValueArb: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom<unknown>(
      null,
      true,
      false,
      0,
      -0,
      1,
      -1,
      0.5,
      1e308,
      -1e308,
      5e-324,
      2 ** 53 + 2,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      "",
      " ",
      "null",
      "~",
      "yes",
      "no",
      "0x1F",
      "1e3",
      "1_000",
      ".inf",
      ".nan",
      "2025-02-30",
      "2025-13-01",
      "2025-1-5",
      "2025-01-01T00:00:00Z",
      "0000-01-01",
      "9999-12-31",
      "usd",
      "XXX",
      "executive-sponsor",
      "increase",
      "decrease",
      [],
      {},
      [null],
    ),
  },
  { weight: 1, arbitrary: fc.constant(null).map(() => protoPayload()) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double() },
  { weight: 2, arbitrary: trickyStringArb },
  {
    weight: 1,
    arbitrary: fc.integer({ min: dayNumber("1900-01-01"), max: dayNumber("2100-12-31") }).map(fromDayNumber),
  },
  { weight: 1, arbitrary: fc.string({ minLength: 1000, maxLength: 10_000 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

// ---- data-level mutations (on the parsed sample, before serialising) ----

export type GoalRuleBreak =
  | "equal-values"
  | "plan-outside"
  | "wrong-direction"
  | "target-before-baseline"
  | "duplicate-id"
  | "start-after-renewal"
  | "no-goals"
  | "actual-before-baseline"
  | "actuals-same-date";

export type DataMutation =
  | { op: "delete"; pick: number }
  | { op: "replace"; pick: number; value: unknown }
  | { op: "swap-type"; pick: number }
  | { op: "add-key"; pick: number; key: string; value: unknown }
  | { op: "duplicate-item"; pick: number }
  | { op: "nest"; pick: number; depth: number; kind: "list" | "mapping" }
  | { op: "break-rule"; pick: number; rule: GoalRuleBreak }
  | { op: "shuffle"; pick: number; seed: number };

export type Serialisation =
  "yaml" | "yaml-flow" | "json" | "json-compact" | "json-text-in-yaml" | "yaml-text-in-json";

export const dataMutationArb: fc.Arbitrary<DataMutation> = fc.oneof(
  fc.record({ op: fc.constant("delete" as const), pick: fc.nat() }),
  fc.record({ op: fc.constant("replace" as const), pick: fc.nat(), value: weirdValueArb }),
  fc.record({ op: fc.constant("swap-type" as const), pick: fc.nat() }),
  fc.record({
    op: fc.constant("add-key" as const),
    pick: fc.nat(),
    key: fc.oneof(fc.constantFrom(...HOSTILE_KEYS), trickyStringArb),
    value: weirdValueArb,
  }),
  fc.record({ op: fc.constant("duplicate-item" as const), pick: fc.nat() }),
  fc.record({
    op: fc.constant("nest" as const),
    pick: fc.nat(),
    depth: fc.integer({ min: 1, max: 60 }),
    kind: fc.constantFrom("list" as const, "mapping" as const),
  }),
  fc.record({
    op: fc.constant("break-rule" as const),
    pick: fc.nat(),
    rule: fc.constantFrom<GoalRuleBreak>(
      "equal-values",
      "plan-outside",
      "wrong-direction",
      "target-before-baseline",
      "duplicate-id",
      "start-after-renewal",
      "no-goals",
      "actual-before-baseline",
      "actuals-same-date",
    ),
  }),
  fc.record({ op: fc.constant("shuffle" as const), pick: fc.nat(), seed: fc.nat() }),
);

export const serialisationArb: fc.Arbitrary<Serialisation> = fc.constantFrom<Serialisation>(
  "yaml",
  "yaml",
  "yaml-flow",
  "json",
  "json-compact",
  "json-text-in-yaml",
  "yaml-text-in-json",
);

type Path = (string | number)[];
type Container = Record<string, unknown> | unknown[];

const isContainer = (value: unknown): value is Container => typeof value === "object" && value !== null;

/** Every path in `data` (the root is []), containers before their children. */
export function allPaths(data: unknown): Path[] {
  const paths: Path[] = [];
  const walk = (value: unknown, path: Path) => {
    paths.push(path);
    if (Array.isArray(value)) value.forEach((item, index) => walk(item, [...path, index]));
    else if (isContainer(value)) for (const [key, item] of Object.entries(value)) walk(item, [...path, key]);
  };
  walk(data, []);
  return paths;
}

function getAt(data: unknown, path: Path): unknown {
  let node = data;
  for (const segment of path) {
    if (!isContainer(node)) return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

/** Sets an own property, even for keys like `__proto__` that plain assignment treats specially. */
function setOwn(container: Container, key: string | number, value: unknown): void {
  Object.defineProperty(container, key, { value, enumerable: true, writable: true, configurable: true });
}

function setAt(data: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const parent = getAt(data, path.slice(0, -1));
  if (isContainer(parent)) setOwn(parent, path[path.length - 1]!, value);
  return data;
}

function deleteAt(data: unknown, path: Path): unknown {
  if (path.length === 0) return undefined;
  const parent = getAt(data, path.slice(0, -1));
  const key = path[path.length - 1]!;
  if (Array.isArray(parent) && typeof key === "number") parent.splice(key, 1);
  else if (isContainer(parent)) delete (parent as Record<string, unknown>)[key];
  return data;
}

function swappedType(value: unknown): unknown {
  if (typeof value === "number") return String(value);
  if (typeof value === "string")
    return value.length > 0 && Number.isFinite(Number(value)) ? Number(value) : value.length;
  if (typeof value === "boolean") return value ? "true" : 0;
  if (value === null) return "null";
  if (Array.isArray(value)) return Object.fromEntries(value.map((item, index) => [String(index), item]));
  if (isContainer(value)) return Object.values(value);
  return null;
}

function nested(value: unknown, depth: number, kind: "list" | "mapping"): unknown {
  let result = value;
  for (let level = 0; level < depth; level++) result = kind === "list" ? [result] : { a: result };
  return result;
}

/** A small deterministic shuffle (the seed comes from fast-check, so shrinking still works). */
function shuffled<T>(items: T[], seed: number): T[] {
  const result = [...items];
  let state = seed >>> 0 || 1;
  for (let index = result.length - 1; index > 0; index--) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    const other = state % (index + 1);
    [result[index], result[other]] = [result[other]!, result[index]!];
  }
  return result;
}

const mapping = (value: unknown): Record<string, unknown> | undefined =>
  isContainer(value) && !Array.isArray(value) ? value : undefined;

/** Breaks one of the cross-field rules of SPEC §1 (where the mutated data still has the shape). */
function breakRule(data: Record<string, unknown>, pick: number, rule: GoalRuleBreak): void {
  const goals = Array.isArray(data.goals) ? data.goals : [];
  const goal = mapping(goals[pick % Math.max(1, goals.length)]);
  const baseline = mapping(goal?.baseline);
  const target = mapping(goal?.target);
  switch (rule) {
    case "equal-values":
      if (baseline && target) target.value = baseline.value;
      break;
    case "plan-outside":
      if (goal && baseline) goal.plan = [...(Array.isArray(goal.plan) ? goal.plan : []), { ...baseline }];
      break;
    case "wrong-direction":
      if (goal) goal.direction = goal.direction === "decrease" ? "increase" : "decrease";
      break;
    case "target-before-baseline":
      if (baseline && target) [baseline.date, target.date] = [target.date, baseline.date];
      break;
    case "duplicate-id":
      if (goal) goals.push(structuredClone(goal));
      break;
    case "start-after-renewal": {
      const contract = mapping(data.contract);
      if (contract) contract.start = "2099-01-01";
      break;
    }
    case "no-goals":
      data.goals = [];
      break;
    case "actual-before-baseline":
      if (goal && baseline) {
        const actuals = Array.isArray(goal.actuals) ? goal.actuals : [];
        goal.actuals = [...actuals, { date: "2000-01-01", value: baseline.value }];
      }
      break;
    case "actuals-same-date": {
      const actuals = Array.isArray(goal?.actuals) ? goal.actuals : [];
      if (goal && actuals.length > 0) goal.actuals = [...actuals, structuredClone(actuals[0])];
      break;
    }
  }
}

/** Applies data mutations to a deep copy of `data`. */
export function applyDataMutations(data: unknown, mutations: readonly DataMutation[]): unknown {
  let result: unknown = structuredClone(data);
  for (const mutation of mutations) {
    const paths = allPaths(result);
    const path = paths[mutation.pick % paths.length] ?? [];
    const current = getAt(result, path);
    switch (mutation.op) {
      case "delete":
        result = deleteAt(result, path);
        break;
      case "replace":
        result = setAt(result, path, structuredClone(mutation.value));
        break;
      case "swap-type":
        result = setAt(result, path, swappedType(current));
        break;
      case "add-key": {
        const containers = paths.filter((candidate) => {
          const node = getAt(result, candidate);
          return isContainer(node) && !Array.isArray(node);
        });
        const target = getAt(result, containers[mutation.pick % Math.max(1, containers.length)] ?? []);
        if (isContainer(target) && !Array.isArray(target))
          setOwn(target, mutation.key, structuredClone(mutation.value));
        break;
      }
      case "duplicate-item": {
        const lists = paths.filter((candidate) => Array.isArray(getAt(result, candidate)));
        const list = getAt(result, lists[mutation.pick % Math.max(1, lists.length)] ?? []);
        if (Array.isArray(list) && list.length > 0)
          list.push(structuredClone(list[mutation.pick % list.length]));
        break;
      }
      case "nest":
        result = setAt(result, path, nested(current, mutation.depth, mutation.kind));
        break;
      case "break-rule":
        if (mapping(result)) breakRule(mapping(result)!, mutation.pick, mutation.rule);
        break;
      case "shuffle":
        if (Array.isArray(current)) result = setAt(result, path, shuffled(current, mutation.seed));
        else if (isContainer(current))
          result = setAt(result, path, Object.fromEntries(shuffled(Object.entries(current), mutation.seed)));
        break;
    }
  }
  return result;
}

/** Serialises data as a file; returns the file name extension to use with it. */
export function serialise(data: unknown, how: Serialisation): { ext: "yaml" | "json"; text: string } {
  switch (how) {
    case "yaml":
      return { ext: "yaml", text: toYaml(data ?? null, { aliasDuplicateObjects: false }) };
    case "yaml-flow":
      return {
        ext: "yaml",
        text: toYaml(data ?? null, { aliasDuplicateObjects: false, collectionStyle: "flow" }),
      };
    case "json":
      return { ext: "json", text: JSON.stringify(data ?? null, null, 2) ?? "null" };
    case "json-compact":
      return { ext: "json", text: JSON.stringify(data ?? null) ?? "null" };
    case "json-text-in-yaml":
      return { ext: "yaml", text: JSON.stringify(data ?? null, null, 1) ?? "null" };
    case "yaml-text-in-json":
      return { ext: "json", text: toYaml(data ?? null, { aliasDuplicateObjects: false }) };
  }
}

// ---- text-level mutations (on the bytes of a file) ----

/** Tokens that mean something to a YAML or JSON parser, or to a naive one. */
export const SYNTAX_TOKENS = [
  "&a ",
  "*a",
  "*undefined_anchor",
  "!!binary ",
  "!!set ",
  "!!omap ",
  "!!timestamp ",
  "!!js/function ",
  "!custom ",
  "!!str ",
  "!!int ",
  "!!float ",
  "? ",
  "- ",
  ": ",
  "{",
  "}",
  "[",
  "]",
  ",",
  "|",
  ">-",
  "#",
  "'",
  '"',
  "\\",
  "\t",
  "\r",
  "\r\n",
  "\n",
  "\n---\n",
  "\n...\n",
  "%YAML 1.1\n---\n",
  "%TAG ! tag:example.com,2000:\n---\n",
  "<<: *a\n",
  "__proto__: { polluted: yes }\n",
  '"__proto__": {"polluted": "yes"},',
  "constructor: { prototype: { polluted: yes } }\n",
  "// comment\n",
  "/* comment */",
  "NaN",
  "Infinity",
  "-Infinity",
  "0x1F",
  "+1",
  "012",
  "1e400",
  "-0",
  "'single'",
  "unquoted: key",
  ",]",
  ",}",
  "\u0000",
];

export type TextMutation =
  | { op: "insert-bytes"; at: number; bytes: Uint8Array }
  | { op: "flip-bit"; at: number; bit: number }
  | { op: "overwrite-byte"; at: number; byte: number }
  | { op: "truncate"; at: number }
  | { op: "delete-range"; at: number; length: number }
  | { op: "duplicate-line"; line: number }
  | { op: "swap-lines"; a: number; b: number }
  | { op: "insert-text"; at: number; text: string }
  | { op: "anchor-alias"; anchorLine: number; aliasLine: number; merge: boolean }
  | { op: "line-endings"; style: "crlf" | "cr" | "nel" }
  | { op: "prefix"; text: string };

/** Byte sequences that are not valid UTF-8 (a surrogate, an overlong form, stray bytes). */
const INVALID_UTF8 = [
  [0xed, 0xa0, 0x80],
  [0xc0, 0xaf],
  [0xff],
  [0x80],
  [0xf4, 0x90, 0x80, 0x80],
  [0xe2, 0x82],
];

export const textMutationArb: fc.Arbitrary<TextMutation> = fc.oneof(
  fc.record({
    op: fc.constant("insert-bytes" as const),
    at: fc.nat(),
    bytes: fc.oneof(
      fc.uint8Array({ minLength: 1, maxLength: 8 }),
      fc.constantFrom(...INVALID_UTF8).map((bytes) => Uint8Array.from(bytes)),
    ),
  }),
  fc.record({ op: fc.constant("flip-bit" as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({
    op: fc.constant("overwrite-byte" as const),
    at: fc.nat(),
    byte: fc.integer({ min: 0, max: 255 }),
  }),
  fc.record({ op: fc.constant("truncate" as const), at: fc.nat() }),
  fc.record({
    op: fc.constant("delete-range" as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 200 }),
  }),
  fc.record({ op: fc.constant("duplicate-line" as const), line: fc.nat() }),
  fc.record({ op: fc.constant("swap-lines" as const), a: fc.nat(), b: fc.nat() }),
  fc.record({
    op: fc.constant("insert-text" as const),
    at: fc.nat(),
    text: fc.oneof(fc.constantFrom(...SYNTAX_TOKENS), trickyStringArb),
  }),
  fc.record({
    op: fc.constant("anchor-alias" as const),
    anchorLine: fc.nat(),
    aliasLine: fc.nat(),
    merge: fc.boolean(),
  }),
  fc.record({
    op: fc.constant("line-endings" as const),
    style: fc.constantFrom("crlf" as const, "cr" as const, "nel" as const),
  }),
  fc.record({
    op: fc.constant("prefix" as const),
    text: fc.constantFrom(
      "\ufeff",
      "%YAML 1.1\n---\n",
      "%YAML 1.2\n---\n",
      "---\n",
      "# comment\n",
      "\n\n",
      "   ",
      "--- !!map\n",
    ),
  }),
);

const encoder = new TextEncoder();

function splice(
  bytes: Uint8Array,
  at: number,
  remove: number,
  insert: Uint8Array = new Uint8Array(),
): Uint8Array {
  const position = Math.min(at, bytes.length);
  const result = new Uint8Array(bytes.length - Math.min(remove, bytes.length - position) + insert.length);
  result.set(bytes.subarray(0, position), 0);
  result.set(insert, position);
  result.set(bytes.subarray(position + remove), position + insert.length);
  return result;
}

function mapLines(bytes: Uint8Array, edit: (lines: string[]) => string[]): Uint8Array {
  // latin1 keeps every byte as one character, so line edits never repair or break encodings.
  const lines = Buffer.from(bytes).toString("latin1").split("\n");
  return Uint8Array.from(Buffer.from(edit(lines).join("\n"), "latin1"));
}

/** `key: value` → `key: &fz value`, and a later (or earlier) line's value → `*fz`. */
function anchorAlias(bytes: Uint8Array, anchorLine: number, aliasLine: number, merge: boolean): Uint8Array {
  return mapLines(bytes, (lines) => {
    const valued = lines
      .map((line, index) => ({ line, index }))
      .filter(({ line }) => /:\s+[^\s&*]/.test(line));
    if (valued.length === 0) return lines;
    const anchor = valued[anchorLine % valued.length]!;
    const alias = valued[aliasLine % valued.length]!;
    const result = [...lines];
    result[anchor.index] = anchor.line.replace(/:\s+(?=[^\s&*])/, ": &fz ");
    if (merge) {
      const indent = /^\s*(?:- )?/.exec(alias.line)?.[0].length ?? 0;
      result.splice(alias.index + 1, 0, `${" ".repeat(indent)}<<: *fz`);
    } else if (alias.index !== anchor.index) {
      result[alias.index] = alias.line.replace(/:\s+[^,{}[\]\n]+/, ": *fz");
    }
    return result;
  });
}

export function applyTextMutations(input: Uint8Array, mutations: readonly TextMutation[]): Uint8Array {
  let bytes = input;
  for (const mutation of mutations) {
    const at = (n: number) => n % (bytes.length + 1);
    switch (mutation.op) {
      case "insert-bytes":
        bytes = splice(bytes, at(mutation.at), 0, mutation.bytes);
        break;
      case "flip-bit":
      case "overwrite-byte": {
        if (bytes.length === 0) break;
        const copy = Uint8Array.from(bytes);
        const index = mutation.at % copy.length;
        copy[index] = mutation.op === "flip-bit" ? copy[index]! ^ (1 << mutation.bit) : mutation.byte;
        bytes = copy;
        break;
      }
      case "truncate":
        bytes = bytes.subarray(0, at(mutation.at));
        break;
      case "delete-range":
        bytes = splice(bytes, at(mutation.at), mutation.length);
        break;
      case "duplicate-line":
        bytes = mapLines(bytes, (lines) => {
          const index = mutation.line % lines.length;
          return [...lines.slice(0, index + 1), lines[index] ?? "", ...lines.slice(index + 1)];
        });
        break;
      case "swap-lines":
        bytes = mapLines(bytes, (lines) => {
          const result = [...lines];
          const [a, b] = [mutation.a % lines.length, mutation.b % lines.length];
          [result[a], result[b]] = [lines[b]!, lines[a]!];
          return result;
        });
        break;
      case "insert-text":
        bytes = splice(bytes, at(mutation.at), 0, encoder.encode(mutation.text));
        break;
      case "anchor-alias":
        bytes = anchorAlias(bytes, mutation.anchorLine, mutation.aliasLine, mutation.merge);
        break;
      case "line-endings": {
        const ending = { crlf: "\r\n", cr: "\r", nel: "\u0085" }[mutation.style];
        bytes = encoder.encode(new TextDecoder().decode(bytes).replaceAll("\n", ending));
        break;
      }
      case "prefix":
        bytes = splice(bytes, 0, 0, encoder.encode(mutation.text));
        break;
    }
  }
  return bytes;
}

// ---- hostile shapes (sizes and depths no real account has) ----

/** Marker replaced in serialised JSON text by a hostile fragment. */
export const HOLE = "@@HOLE@@";

/** Puts the HOLE marker at a path chosen by `pick` (as a value, or as an extra key). */
export function withHole(data: unknown, pick: number, asKey: boolean): unknown {
  const result = structuredClone(data);
  const paths = allPaths(result);
  if (asKey) {
    const mappings = paths.filter((path) => {
      const node = getAt(result, path);
      return isContainer(node) && !Array.isArray(node);
    });
    const target = getAt(result, mappings[pick % Math.max(1, mappings.length)] ?? []);
    if (isContainer(target) && !Array.isArray(target)) setOwn(target, HOLE, 1);
    return result;
  }
  return setAt(result, paths[pick % paths.length] ?? [], HOLE);
}

export function billionLaughs(levels: number, width: number): string {
  const lines = [`l0: &l0 [${Array.from({ length: width }, () => '"lol"').join(", ")}]`];
  for (let level = 1; level <= levels; level++) {
    lines.push(`l${level}: &l${level} [${Array.from({ length: width }, () => `*l${level - 1}`).join(", ")}]`);
  }
  return `{ ${lines.join(", ")} }`;
}

// ---- benign mutations (the file mostly stays valid: optional keys dropped, texts rewritten…) ----

export type BenignMutation =
  | { op: "drop-optional"; pick: number }
  | { op: "retext"; pick: number; text: string }
  | { op: "revalue"; pick: number; factor: number }
  | { op: "reorder"; pick: number; seed: number };

const OPTIONAL_PATHS = [
  /^account\.(id|segment|csm|logo)$/,
  /^contract\.(currency|start)$/,
  /^review(\.(period|asOf|meetingDate))?$/,
  /^stakeholders(\[\d+\])?$/,
  /^stakeholders\[\d+\]\.(status|lastContact)$/,
  /^goals\[\d+\]\.(why|owner|direction|plan|actuals|value|tasks)$/,
  /^goals\[\d+\]\.metric\.unit$/,
  /^goals\[\d+\]\.(plan|actuals|tasks)\[\d+\]$/,
  /^goals\[\d+\]\.tasks\[\d+\]\.(due|done|owner)$/,
  /^signals(\.\w+)?$/,
  /^(statedReasons|externalRisks)(\[\d+\])?$/,
  /^internalNotes$/,
];
const TEXT_PATHS = [
  /^account\.(name|segment|csm)$/,
  /^stakeholders\[\d+\]\.name$/,
  /^goals\[\d+\]\.(title|why|owner)$/,
  /^goals\[\d+\]\.metric\.(name|unit)$/,
  /^goals\[\d+\]\.tasks\[\d+\]\.(title|owner)$/,
  /^(statedReasons|externalRisks)\[\d+\]$/,
  /^internalNotes$/,
];
const NUMBER_PATHS = [/^goals\[\d+\]\.(plan|actuals)\[\d+\]\.value$/];

/** goals[1].target.value */
export function pathText(path: Path): string {
  return path
    .map((segment, index) =>
      typeof segment === "number" ? `[${segment}]` : index === 0 ? segment : `.${segment}`,
    )
    .join("");
}

export const benignMutationArb: fc.Arbitrary<BenignMutation> = fc.oneof(
  fc.record({ op: fc.constant("drop-optional" as const), pick: fc.nat() }),
  fc.record({ op: fc.constant("retext" as const), pick: fc.nat(), text: trickyStringArb }),
  fc.record({
    op: fc.constant("revalue" as const),
    pick: fc.nat(),
    factor: fc.double({ min: -10, max: 10, noNaN: true }),
  }),
  fc.record({ op: fc.constant("reorder" as const), pick: fc.nat(), seed: fc.nat() }),
);

export function applyBenignMutations(data: unknown, mutations: readonly BenignMutation[]): unknown {
  let result: unknown = structuredClone(data);
  for (const mutation of mutations) {
    const paths = allPaths(result);
    const matching = (patterns: RegExp[]) =>
      paths.filter((path) => patterns.some((pattern) => pattern.test(pathText(path))));
    const choose = (candidates: Path[]) => candidates[mutation.pick % Math.max(1, candidates.length)];
    switch (mutation.op) {
      case "drop-optional": {
        const path = choose(matching(OPTIONAL_PATHS));
        if (path) result = deleteAt(result, path);
        break;
      }
      case "retext": {
        const path = choose(matching(TEXT_PATHS));
        if (path) result = setAt(result, path, mutation.text);
        break;
      }
      case "revalue": {
        const path = choose(matching(NUMBER_PATHS));
        const current = path ? getAt(result, path) : undefined;
        if (path && typeof current === "number") result = setAt(result, path, current * mutation.factor);
        break;
      }
      case "reorder": {
        const path = choose(paths.filter((candidate) => isContainer(getAt(result, candidate))));
        const current = path ? getAt(result, path) : undefined;
        if (!path) break;
        if (Array.isArray(current)) result = setAt(result, path, shuffled(current, mutation.seed));
        else if (isContainer(current))
          result = setAt(result, path, Object.fromEntries(shuffled(Object.entries(current), mutation.seed)));
        break;
      }
    }
  }
  return result;
}
