import { z } from "zod";
import { isCalendarDate } from "../dates.js";
import { isSlideId, slideIdsMessage } from "../deck/slide-ids.js";
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
  .regex(ISO_DATE_PATTERN, "expected a date (YYYY-MM-DD)")
  .refine(isCalendarDate, "expected a real calendar date (YYYY-MM-DD)")
  .meta({ format: "date" });

/**
 * How much one account may hold. Far beyond a real account (a QBR covers a handful of goals,
 * measured monthly or weekly), yet small enough that a worker renders the largest account in a
 * few seconds: without them one file of 10,000 goals stalls a batch for minutes. README "Limits".
 */
export const ACCOUNT_LIMITS = {
  goals: 25,
  planPointsPerGoal: 50,
  actualsPerGoal: 100,
  tasksPerGoal: 25,
  stakeholders: 50,
  statedReasons: 20,
  externalRisks: 20,
  /** Highlights, asks, commitments, agenda items, roadmap items (each list). */
  reviewItems: 20,
  /** Characters of a name, id, owner, metric name or unit, segment or period label. */
  nameChars: 200,
  /** Characters of a goal or task title. */
  titleChars: 300,
  /** Characters of a goal's `why`, a stated reason, an external risk, a logo path. */
  paragraphChars: 1_000,
  internalNotesChars: 10_000,
  /** Characters of review.summary: shown verbatim above the KPIs, so it must fit a few lines. */
  summaryChars: 600,
} as const;

const count = (n: number) => n.toLocaleString("en-US");
const limitNote = `(qbr-deck's limit; see "Limits" in the README)`;

/** A list of at most `max` items, refused beyond with the count found. */
function limitedList<Item extends z.ZodType>(item: Item, max: number, what: string) {
  return z.array(item).max(max, {
    error: (issue) =>
      `expected at most ${count(max)} ${what}, got ${Array.isArray(issue.input) ? count(issue.input.length) : "more"} ${limitNote}`,
  });
}

const tooLong = (max: number) => ({
  error: (issue: { input?: unknown }) =>
    `expected at most ${count(max)} characters, got ${typeof issue.input === "string" ? count(issue.input.length) : "more"} ${limitNote}`,
});

/** A text of at most `max` characters. */
const limitedText = (max: number) => z.string().max(max, tooLong(max));
/** A non-empty text of at most `max` characters, trimmed. */
const nonEmptyText = (max: number) =>
  z.string().trim().max(max, tooLong(max)).min(1, "expected a non-empty text");
const name = nonEmptyText(ACCOUNT_LIMITS.nameChars);
const title = nonEmptyText(ACCOUNT_LIMITS.titleChars);
const paragraph = nonEmptyText(ACCOUNT_LIMITS.paragraphChars);

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
  title,
  due: isoDate.optional(),
  done: z.boolean().default(false),
  owner: name.optional().describe("Who on the customer's side does the task (qbr-deck extension)."),
});

/** How often a goal's `value.perUnit` is earned (issue 12 §2); `once` is SPEC §2's original meaning. */
export const VALUE_PERIODS = ["once", "week", "month", "quarter", "year"] as const;
export type ValuePeriod = (typeof VALUE_PERIODS)[number];

export const GOAL_ID_PATTERN = /^[a-z0-9-]+$/;

const goal = z
  .strictObject({
    id: limitedText(ACCOUNT_LIMITS.nameChars).regex(
      GOAL_ID_PATTERN,
      "expected an id of lower-case letters, digits and '-'",
    ),
    title,
    why: paragraph.optional(),
    owner: name.optional(),
    metric: z.strictObject({
      name,
      unit: limitedText(ACCOUNT_LIMITS.nameChars).optional(),
    }),
    direction: z.enum(["increase", "decrease"]).optional(),
    baseline: dataPoint,
    target: dataPoint,
    plan: limitedList(dataPoint, ACCOUNT_LIMITS.planPointsPerGoal, "plan points per goal").default([]),
    actuals: limitedList(dataPoint, ACCOUNT_LIMITS.actualsPerGoal, "actuals per goal").default([]),
    value: z
      .strictObject({
        perUnit: finiteNumber.refine((n) => n > 0, "expected a positive amount per unit"),
        per: z
          .enum(VALUE_PERIODS)
          .default("once")
          .describe(
            "How often perUnit is earned: once (a one-off gain, the default), or per week, month, quarter or year (annualised).",
          ),
      })
      .optional(),
    tasks: limitedList(task, ACCOUNT_LIMITS.tasksPerGoal, "tasks per goal").default([]),
  })
  // Cross-field checks run even when a field has a type error, so one run reports every problem;
  // each check therefore looks at the raw values defensively.
  .superRefine((g, ctx) => checkGoalConsistency(g as unknown as RawGoal, ctx), { when: () => true });

interface RawGoal {
  baseline?: { date?: unknown; value?: unknown };
  target?: { date?: unknown; value?: unknown };
  direction?: unknown;
  plan?: unknown;
  actuals?: unknown;
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
  checkActuals(g.actuals, isDate(baselineDate) ? baselineDate : undefined, ctx);
  if (!isDate(baselineDate) || !isDate(targetDate)) return;
  if (targetDate <= baselineDate) {
    ctx.addIssue({
      code: "custom",
      path: ["target", "date"],
      message: `expected a target date after the baseline date ${baselineDate}`,
    });
    return;
  }
  checkPlan(g.plan, baselineDate, targetDate, ctx);
}

/** The dates of a list of points, with their index, for the points that have a real date. */
function datedPoints(points: unknown): { date: string; index: number }[] {
  if (!Array.isArray(points)) return [];
  return points.flatMap((point: unknown, index) => {
    const date = (point as { date?: unknown } | null)?.date;
    return isDate(date) ? [{ date, index }] : [];
  });
}

function checkPlan(plan: unknown, baselineDate: string, targetDate: string, ctx: z.RefinementCtx): void {
  const planDates = new Set<string>();
  for (const { date, index } of datedPoints(plan)) {
    if (planDates.has(date)) {
      ctx.addIssue({
        code: "custom",
        path: ["plan", index, "date"],
        message: `expected one plan point per date; ${date} appears twice`,
      });
    }
    planDates.add(date);
    if (date <= baselineDate || date >= targetDate) {
      ctx.addIssue({
        code: "custom",
        path: ["plan", index, "date"],
        message: `expected a date strictly between the baseline date ${baselineDate} and the target date ${targetDate}`,
      });
    }
  }
}

/**
 * A measurement before the baseline would count toward the goal (the latest actual and the
 * forecast take it), and two on one date leave "the latest" to the order of the list.
 */
function checkActuals(actuals: unknown, baselineDate: string | undefined, ctx: z.RefinementCtx): void {
  const firstOnDate = new Map<string, number>();
  for (const { date, index } of datedPoints(actuals)) {
    const first = firstOnDate.get(date);
    if (first !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["actuals", index, "date"],
        message: `expected one actual per date; ${date} is already measured by actuals[${first}]`,
      });
    } else {
      firstOnDate.set(date, index);
    }
    if (baselineDate !== undefined && date < baselineDate) {
      ctx.addIssue({
        code: "custom",
        path: ["actuals", index, "date"],
        message: `expected a date on or after the baseline date ${baselineDate}; a measurement from before the baseline cannot show progress toward the goal`,
      });
    }
  }
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
export type StakeholderRole = (typeof STAKEHOLDER_ROLES)[number];

/**
 * Role names as CRM exports and people write them, after folding case and separators
 * (`Exec Sponsor`, `economic_buyer` → `exec-sponsor`, `economic-buyer`). Read as the role they
 * mean, with a warning naming it (account-warnings.ts), never refused.
 */
const ROLE_ALIASES: Readonly<Record<string, StakeholderRole>> = {
  sponsor: "executive-sponsor",
  "exec-sponsor": "executive-sponsor",
  "executive-sponsor": "executive-sponsor",
  executive: "executive-sponsor",
  "economic-buyer": "economic-buyer",
  "eco-buyer": "economic-buyer",
  buyer: "economic-buyer",
  "budget-holder": "economic-buyer",
  "decision-maker": "economic-buyer",
  champion: "champion",
  advocate: "champion",
  "internal-champion": "champion",
  admin: "admin",
  administrator: "admin",
  "system-admin": "admin",
  user: "user",
  "end-user": "user",
};

/** The role a written role name means, or undefined when it names none. */
export function canonicalRole(written: string): StakeholderRole | undefined {
  const folded = written
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, "-");
  return Object.hasOwn(ROLE_ALIASES, folded) ? ROLE_ALIASES[folded] : undefined;
}

const stakeholder = z.strictObject({
  name,
  role: z.preprocess(
    (value) => (typeof value === "string" ? (canonicalRole(value) ?? value) : value),
    z.enum(STAKEHOLDER_ROLES),
  ),
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

/** A health score given as the traffic light a CS platform shows instead of a number. */
export const HEALTH_LABELS = ["green", "yellow", "red"] as const;
export type HealthLabel = (typeof HEALTH_LABELS)[number];

const signals = z.strictObject({
  healthScore: z
    .union([scoreOutOf(100), z.enum(HEALTH_LABELS)], {
      error: `expected { value, max } or one of "green", "yellow", "red"`,
    })
    .optional()
    .describe("A score out of max, or a label: green, yellow or red."),
  nps: z
    .union(
      [
        finiteNumber.refine((n) => n >= 0 && n <= 10, "expected a rating from 0 to 10"),
        z.strictObject({
          score: finiteNumber.refine((n) => n >= -100 && n <= 100, "expected an NPS score from -100 to 100"),
        }),
      ],
      { error: "expected a 0–10 rating or { score: -100 to 100 } (an NPS score)" },
    )
    .optional()
    .describe("The latest 0–10 rating, or { score } for a Net Promoter Score from -100 to 100."),
  csat: scoreOutOf(5).optional(),
  usage: z
    .strictObject({
      activeUsersPct: finiteNumber.refine((n) => n >= 0 && n <= 100, "expected a percentage from 0 to 100"),
    })
    .optional(),
});

/** Wins since the last review: a result (with its date), or a quote with its author. */
const highlight = z
  .strictObject({
    text: paragraph.optional(),
    date: isoDate.optional(),
    quote: paragraph.optional(),
    by: name.optional(),
  })
  .superRefine((h, ctx) => checkHighlight(h as RawHighlight, ctx), { when: () => true })
  .describe("A win: { text, date? } or a quote { quote, by }.");

interface RawHighlight {
  text?: unknown;
  date?: unknown;
  quote?: unknown;
  by?: unknown;
}

function checkHighlight(h: RawHighlight, ctx: z.RefinementCtx): void {
  if (h === null || typeof h !== "object") return;
  if (h.text === undefined && h.quote === undefined) {
    ctx.addIssue({ code: "custom", path: [], message: "expected { text, date? } or { quote, by }" });
  } else if (h.text !== undefined && h.quote !== undefined) {
    ctx.addIssue({ code: "custom", path: ["quote"], message: "expected either text or quote, not both" });
  } else if (h.quote !== undefined && h.by === undefined) {
    ctx.addIssue({ code: "custom", path: ["quote"], message: "expected `by`: who said it" });
  } else if (h.text !== undefined && h.by !== undefined) {
    ctx.addIssue({ code: "custom", path: ["by"], message: "expected `by` only with a quote" });
  }
  if (h.quote !== undefined && h.date !== undefined) {
    ctx.addIssue({ code: "custom", path: ["date"], message: "expected `date` only with a text highlight" });
  }
}

/** One line of the mutual action plan: an ask of the customer, or a commitment of ours. */
const action = z.strictObject({
  title,
  owner: name,
  due: isoDate.optional(),
  status: z.enum(["open", "in-progress", "done"]).default("open"),
});

const reviewItems = <Item extends z.ZodType>(item: Item, what: string) =>
  limitedList(item, ACCOUNT_LIMITS.reviewItems, what);

const review = z
  .strictObject({
    period: name.optional(),
    asOf: isoDate.optional(),
    meetingDate: isoDate.optional(),
    cadence: paragraph
      .optional()
      .describe('How often you meet, e.g. "monthly check-in, quarterly business review" (kick-off deck).'),
    firstReview: isoDate.optional().describe("The first review after the kick-off (kick-off deck)."),
    summary: nonEmptyText(ACCOUNT_LIMITS.summaryChars)
      .optional()
      .describe(
        "The CSM's executive summary, shown verbatim at the top of the summary slide (both audiences).",
      ),
    agenda: reviewItems(title, "agenda items")
      .min(1, "expected at least one agenda item (leave the key out for the generated agenda)")
      .optional()
      .describe("Replaces the agenda generated from the slide titles."),
    highlights: reviewItems(highlight, "highlights").default([]),
    asks: reviewItems(action, "asks").default([]).describe("What we ask of the customer."),
    commitments: reviewItems(action, "commitments").default([]).describe("What we commit to."),
    hide: z
      .array(z.string())
      .default([])
      .describe("Slide ids to leave out of this account's decks (see docs/deck-storyline.md)."),
  })
  .default({ highlights: [], asks: [], commitments: [], hide: [] });

const roadmapItem = z.strictObject({
  title,
  when: name,
  goals: z.array(z.string()).default([]).describe("Ids of the goals this work serves."),
});

/** The root causes a CSM can give a stated reason (docs/findings.md, proxy-reason). */
export const REASON_CATEGORIES = ["value-gap", "adoption-gap", "external"] as const;

/**
 * What the customer said: a plain sentence (classified by keywords), or the sentence with the
 * CSM's own classification, which the keywords never override.
 */
const statedReason = z.union(
  [
    paragraph,
    z.strictObject({
      text: paragraph,
      category: z.enum(REASON_CATEGORIES, {
        error: `expected one of ${REASON_CATEGORIES.join(", ")}`,
      }),
    }),
  ],
  {
    // A union's own message ("Invalid input") says nothing: an object gets its branch's issue.
    error: (issue) => {
      if (issue.code !== "invalid_union") return undefined;
      const [inner] = typeof issue.input === "object" && issue.input !== null ? (issue.errors[1] ?? []) : [];
      if (!inner) return "expected a sentence, or { text, category }";
      return inner.path.length > 0 ? `${inner.path.join(".")}: ${inner.message}` : inner.message;
    },
  },
);

/** How a renewal ended (issue 17): kept (renewed, expanded) or lost (downsized, churned). */
export const OUTCOME_RESULTS = ["renewed", "expanded", "downsized", "churned"] as const;
export type OutcomeResult = (typeof OUTCOME_RESULTS)[number];

/** What the team concluded afterwards: the root causes of stated reasons, or unknown. */
export const ROOT_CAUSES = [...REASON_CATEGORIES, "unknown"] as const;
export type RootCauseClass = (typeof ROOT_CAUSES)[number];

/**
 * The outcome of the last renewal: what `qbr insights` checks the rules against. Internal by
 * nature (a churn and its reason): no deck reads it.
 */
const outcome = z
  .strictObject({
    result: z.enum(OUTCOME_RESULTS),
    date: isoDate.describe("The day the renewal ended (renewed, expanded, downsized or churned)."),
    statedReason: paragraph.optional().describe("What the customer said, e.g. Too expensive."),
    rootCause: z
      .enum(ROOT_CAUSES)
      .optional()
      .describe("What the team concluded afterwards: value-gap, adoption-gap, external or unknown."),
  })
  .describe("How the last renewal ended, for `qbr insights` (never shown in a deck; qbr-deck extension).");

export const accountFileSchema = z
  .strictObject({
    schemaVersion: z.literal(1, { error: "expected schemaVersion: 1" }),
    account: z.strictObject({
      name,
      id: name.optional(),
      segment: name.optional(),
      csm: name.optional(),
      competitors: z
        .array(name)
        .optional()
        .describe("Competitors by name: a stated reason naming one is a competitor mention."),
      logo: paragraph
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
        // `usd` and ` EUR` are what exports hold; the code is the same.
        .trim()
        .toUpperCase()
        .refine((c) => KNOWN_CURRENCIES.has(c), "expected an ISO 4217 currency code such as USD, EUR, GBP")
        .default("USD"),
      start: isoDate.optional(),
      renewal: isoDate,
      outcome: outcome.optional(),
    }),
    review,
    stakeholders: limitedList(stakeholder, ACCOUNT_LIMITS.stakeholders, "stakeholders").default([]),
    goals: limitedList(goal, ACCOUNT_LIMITS.goals, "goals").min(1, "expected at least one goal"),
    signals: signals.default({}),
    statedReasons: limitedList(statedReason, ACCOUNT_LIMITS.statedReasons, "stated reasons").default([]),
    externalRisks: limitedList(paragraph, ACCOUNT_LIMITS.externalRisks, "external risks").default([]),
    internalNotes: limitedText(ACCOUNT_LIMITS.internalNotesChars).optional(),
    roadmap: reviewItems(roadmapItem, "roadmap items")
      .default([])
      .describe("Product work tied to the customer's goals (qbr-deck extension)."),
  })
  .superRefine((file, ctx) => checkAccountConsistency(file as unknown as RawAccount, ctx), {
    when: () => true,
  });

interface RawAccount {
  goals?: unknown;
  contract?: { start?: unknown; renewal?: unknown };
  review?: { hide?: unknown };
  roadmap?: unknown;
}

/** The goal ids the file declares (those that are strings), in order. */
function goalIdsOf(file: RawAccount): string[] {
  if (!Array.isArray(file.goals)) return [];
  return file.goals.flatMap((goal: unknown) => {
    const id = (goal as { id?: unknown } | null)?.id;
    return typeof id === "string" ? [id] : [];
  });
}

/** review.hide names slides, roadmap items name goals: both must exist. */
function checkReferences(file: RawAccount, ctx: z.RefinementCtx): void {
  const goalIds = goalIdsOf(file);
  const known = new Set(goalIds);
  const hide = isObject(file.review) ? file.review.hide : undefined;
  if (Array.isArray(hide)) {
    hide.forEach((id: unknown, index) => {
      if (typeof id === "string" && !isSlideId(id, known)) {
        ctx.addIssue({
          code: "custom",
          path: ["review", "hide", index],
          message: slideIdsMessage(id, goalIds),
        });
      }
    });
  }
  if (!Array.isArray(file.roadmap)) return;
  file.roadmap.forEach((item: unknown, index) => {
    const goals = (item as { goals?: unknown } | null)?.goals;
    if (!Array.isArray(goals)) return;
    goals.forEach((id: unknown, goalIndex) => {
      if (typeof id === "string" && !known.has(id)) {
        ctx.addIssue({
          code: "custom",
          path: ["roadmap", index, "goals", goalIndex],
          message: `expected the id of a goal in this file; "${id}" is none — goal ids: ${goalIds.join(", ")}`,
        });
      }
    });
  });
}

function checkAccountConsistency(file: RawAccount, ctx: z.RefinementCtx): void {
  if (file === null || typeof file !== "object") return;
  checkReferences(file, ctx);
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
export type Review = Account["review"];
export type Highlight = Review["highlights"][number];
export type Action = Review["asks"][number];
export type RoadmapItem = Account["roadmap"][number];
export type Outcome = NonNullable<Account["contract"]["outcome"]>;

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
