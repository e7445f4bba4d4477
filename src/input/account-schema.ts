import { z } from "zod";
import { isCalendarDate } from "../dates.js";
import { normaliseAddress, normaliseDomain, type Normalised } from "./email-address.js";

/**
 * The account file, schemaVersion 1 (SPEC §1). This zod schema is the one source of the Account
 * types, of validation and of `qbr schema` (JSON Schema). Objects are strict: unknown keys — a
 * typo, or a hostile `__proto__` — are errors.
 */

export const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

const KNOWN_CURRENCIES = new Set(Intl.supportedValuesOf("currency"));

export const isoDate = z
  .string()
  .regex(ISO_DATE_PATTERN, "expected a date written YYYY-MM-DD")
  .refine(isCalendarDate, "expected a real calendar date (YYYY-MM-DD)")
  .meta({ format: "date" });

const nonEmptyText = z.string().trim().min(1, "expected a non-empty text");
/** Far beyond any real metric or amount, and far from where float arithmetic breaks down. */
export const MAX_MAGNITUDE = 1e15;
const finiteNumber = z
  .number()
  .refine(
    (n) => Number.isFinite(n) && Math.abs(n) <= MAX_MAGNITUDE,
    "expected a number between -1e15 and 1e15",
  );

const dataPoint = z.strictObject({
  date: isoDate,
  value: finiteNumber,
});

const task = z.strictObject({
  title: nonEmptyText,
  due: isoDate.optional(),
  done: z.boolean().default(false),
  owner: nonEmptyText.optional().describe("Who on the customer's side does the task (qbr-deck extension)."),
});

export const GOAL_ID_PATTERN = /^[a-z0-9-]+$/;

const goal = z
  .strictObject({
    id: z.string().regex(GOAL_ID_PATTERN, "expected an id of lower-case letters, digits and '-'"),
    title: nonEmptyText,
    why: nonEmptyText.optional(),
    owner: nonEmptyText.optional(),
    metric: z.strictObject({
      name: nonEmptyText,
      unit: z.string().optional(),
    }),
    direction: z.enum(["increase", "decrease"]).optional(),
    baseline: dataPoint,
    target: dataPoint,
    plan: z.array(dataPoint).default([]),
    actuals: z.array(dataPoint).default([]),
    value: z
      .strictObject({
        perUnit: finiteNumber.refine((n) => n > 0, "expected a positive amount per unit"),
      })
      .optional(),
    tasks: z.array(task).default([]),
  })
  // Cross-field checks run even when a field has a type error, so one run reports every problem;
  // each check therefore looks at the raw values defensively.
  .superRefine((g, ctx) => checkGoalConsistency(g as unknown as RawGoal, ctx), { when: () => true });

interface RawGoal {
  baseline?: { date?: unknown; value?: unknown };
  target?: { date?: unknown; value?: unknown };
  direction?: unknown;
  plan?: unknown;
}

const isObject = <T>(value: T | null | undefined): value is T => value !== null && typeof value === "object";
const isNumber = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);
const isDate = (value: unknown): value is string => typeof value === "string" && isCalendarDate(value);

function checkGoalConsistency(g: RawGoal, ctx: z.RefinementCtx): void {
  if (g === null || typeof g !== "object") return;
  const baseline = isObject(g.baseline) ? g.baseline : undefined;
  const target = isObject(g.target) ? g.target : undefined;
  const [b, t] = [baseline?.value, target?.value];
  const [baselineDate, targetDate] = [baseline?.date, target?.date];
  if (isNumber(b) && isNumber(t)) {
    if (b === t) {
      ctx.addIssue({
        code: "custom",
        path: ["target", "value"],
        message: `expected a target different from the baseline (${b})`,
      });
    } else if (g.direction === "increase" || g.direction === "decrease") {
      const implied = t > b ? "increase" : "decrease";
      if (g.direction !== implied) {
        ctx.addIssue({
          code: "custom",
          path: ["direction"],
          message: `expected "${implied}": baseline ${b} → target ${t} is ${implied === "increase" ? "an increase" : "a decrease"}`,
        });
      }
    }
  }
  if (!isDate(baselineDate) || !isDate(targetDate)) return;
  if (targetDate <= baselineDate) {
    ctx.addIssue({
      code: "custom",
      path: ["target", "date"],
      message: `expected a target date after the baseline date ${baselineDate}`,
    });
    return;
  }
  if (!Array.isArray(g.plan)) return;
  const planDates = new Set<string>();
  g.plan.forEach((point: unknown, index) => {
    const date = (point as { date?: unknown } | null)?.date;
    if (isDate(date) && planDates.has(date)) {
      ctx.addIssue({
        code: "custom",
        path: ["plan", index, "date"],
        message: `expected one plan point per date; ${date} appears twice`,
      });
    }
    if (isDate(date)) planDates.add(date);
    if (isDate(date) && (date <= baselineDate || date >= targetDate)) {
      ctx.addIssue({
        code: "custom",
        path: ["plan", index, "date"],
        message: `expected a date strictly between the baseline date ${baselineDate} and the target date ${targetDate}`,
      });
    }
  });
}

/** A text checked and rewritten to its canonical form by `normalise` (see email-address.ts). */
const normalisedText = (normalise: (text: string) => Normalised) =>
  z.string().transform((text, ctx) => {
    const result = normalise(text);
    if (result.ok) return result.value;
    ctx.addIssue({ code: "custom", message: result.message, input: text });
    return z.NEVER;
  });

const emailAddress = normalisedText(normaliseAddress).meta({
  format: "idn-email",
  description: "A bare address (no display name); stored lower-case with the domain in ASCII (IDN allowed).",
});

const mailDomain = normalisedText(normaliseDomain).meta({
  format: "idn-hostname",
  description: "A mail domain of the customer, e.g. northwind.com (subdomains are listed separately).",
});

export const STAKEHOLDER_ROLES = [
  "executive-sponsor",
  "economic-buyer",
  "champion",
  "admin",
  "user",
] as const;

const stakeholder = z.strictObject({
  name: nonEmptyText,
  role: z.enum(STAKEHOLDER_ROLES),
  status: z.enum(["active", "new", "left"]).default("active"),
  lastContact: isoDate.optional(),
  email: emailAddress.optional().describe("Where `qbr send` mails the customer deck (qbr-deck extension)."),
});

const scoreOutOf = (defaultMax: number) =>
  z
    .strictObject({
      value: finiteNumber.refine((n) => n >= 0, "expected a score of 0 or more"),
      max: finiteNumber.refine((n) => n > 0, "expected a positive maximum").default(defaultMax),
    })
    .refine((s) => s.value <= s.max, { message: "expected a value no greater than max", path: ["value"] });

const signals = z.strictObject({
  healthScore: scoreOutOf(100).optional(),
  nps: finiteNumber.refine((n) => n >= 0 && n <= 10, "expected a rating from 0 to 10").optional(),
  csat: scoreOutOf(5).optional(),
  usage: z
    .strictObject({
      activeUsersPct: finiteNumber.refine((n) => n >= 0 && n <= 100, "expected a percentage from 0 to 100"),
    })
    .optional(),
});

export const accountFileSchema = z
  .strictObject({
    schemaVersion: z.literal(1, { error: "expected schemaVersion: 1" }),
    account: z.strictObject({
      name: nonEmptyText,
      id: nonEmptyText.optional(),
      segment: nonEmptyText.optional(),
      csm: nonEmptyText.optional(),
      logo: nonEmptyText
        .regex(/\.(png|jpe?g)$/i, "expected a path to a .png, .jpg or .jpeg file")
        .optional()
        .describe("PNG or JPEG, relative to the account file"),
      domains: z
        .array(mailDomain)
        .min(1, "expected at least one domain (leave the key out for none)")
        .optional()
        .describe(
          "The customer's mail domains: `qbr send` mails only addresses in these domains (qbr-deck extension).",
        ),
    }),
    contract: z.strictObject({
      arr: finiteNumber.refine((n) => n > 0, "expected an ARR greater than 0"),
      currency: z
        .string()
        .refine((c) => KNOWN_CURRENCIES.has(c), "expected an ISO 4217 currency code such as USD, EUR, GBP")
        .default("USD"),
      start: isoDate.optional(),
      renewal: isoDate,
    }),
    review: z
      .strictObject({
        period: nonEmptyText.optional(),
        asOf: isoDate.optional(),
        meetingDate: isoDate.optional(),
      })
      .default({}),
    stakeholders: z.array(stakeholder).default([]),
    goals: z.array(goal).min(1, "expected at least one goal"),
    signals: signals.default({}),
    statedReasons: z.array(nonEmptyText).default([]),
    externalRisks: z.array(nonEmptyText).default([]),
    internalNotes: z.string().optional(),
  })
  .superRefine((file, ctx) => checkAccountConsistency(file as unknown as RawAccount, ctx), {
    when: () => true,
  });

interface RawAccount {
  goals?: unknown;
  contract?: { start?: unknown; renewal?: unknown };
}

function checkAccountConsistency(file: RawAccount, ctx: z.RefinementCtx): void {
  if (file === null || typeof file !== "object") return;
  if (Array.isArray(file.goals)) {
    const seen = new Map<string, number>();
    file.goals.forEach((goal: unknown, index) => {
      const id = (goal as { id?: unknown } | null)?.id;
      if (typeof id !== "string") return;
      const first = seen.get(id);
      if (first === undefined) {
        seen.set(id, index);
        return;
      }
      ctx.addIssue({
        code: "custom",
        path: ["goals", index, "id"],
        message: `expected a unique goal id; "${id}" is already used by goals[${first}]`,
      });
    });
  }
  const { start, renewal } = isObject(file.contract) ? file.contract : {};
  if (isDate(start) && isDate(renewal) && start >= renewal) {
    ctx.addIssue({
      code: "custom",
      path: ["contract", "renewal"],
      message: `expected a renewal date after the contract start ${start}`,
    });
  }
}

/** An account as validated, with defaults filled in. */
export type Account = z.output<typeof accountFileSchema>;
export type Goal = Account["goals"][number];
export type DataPoint = Goal["baseline"];
export type Task = Goal["tasks"][number];
export type Stakeholder = Account["stakeholders"][number];
export type Signals = Account["signals"];

/** The JSON Schema printed by `qbr schema` (the shape a user writes, before defaults). */
export function accountJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(accountFileSchema, { io: "input", unrepresentable: "any" });
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: "https://github.com/qbr-deck/qbr-deck/schema/account-v1.json",
    title: "qbr-deck account file (schemaVersion 1)",
    ...schema,
  };
}
