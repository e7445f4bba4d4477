import { HEALTH_LABELS, OUTCOME_RESULTS, ROOT_CAUSES, STAKEHOLDER_ROLES } from "../account-schema.js";

/**
 * The portfolio workbook: which sheets and columns hold which part of an account file. One table
 * serves the reader (cells → account data, positions for errors), the writer (`qbr export`,
 * `qbr init --workbook`: header notes, drop-down lists) and the docs, so they cannot drift apart.
 */

export type ColumnKind = "text" | "number" | "date" | "boolean" | "lines" | "choice" | "ref";

export interface WorkbookColumn {
  /** The header, e.g. `baselineDate`. */
  key: string;
  kind: ColumnKind;
  /** Where the value goes, relative to the sheet's entity (an account, a goal, a plan point…). */
  path: readonly string[];
  /** The header cell's note in a written workbook. */
  note: string;
  /** Allowed values, offered as a drop-down list. */
  choices?: readonly string[];
  /** The header row must have this column (the loader would miss the value otherwise). */
  required?: boolean;
  width?: number;
}

export type SheetName = "Accounts" | "Goals" | "Plan" | "Actuals" | "Tasks" | "Stakeholders";

export interface WorkbookSheet {
  name: SheetName;
  /** What one row is. */
  entity: string;
  columns: readonly WorkbookColumn[];
}

const ROLES = STAKEHOLDER_ROLES;
const STATUSES = ["active", "new", "left"] as const;
const DIRECTIONS = ["increase", "decrease"] as const;
const VALUE_PERIODS = ["once", "week", "month", "quarter", "year"] as const;
const BOOLEANS = ["TRUE", "FALSE"] as const;

const accountRef: WorkbookColumn = {
  key: "account",
  kind: "ref",
  path: [],
  note: "The account's id, as in the Accounts sheet.",
  required: true,
  width: 14,
};
const goalRef: WorkbookColumn = {
  key: "goal",
  kind: "ref",
  path: [],
  note: "The goal's id, as in the Goals sheet (for the same account).",
  required: true,
  width: 18,
};

const text = (key: string, path: readonly string[], note: string, extra: Partial<WorkbookColumn> = {}) =>
  ({ key, kind: "text", path, note, width: 18, ...extra }) as WorkbookColumn;
const number = (key: string, path: readonly string[], note: string, extra: Partial<WorkbookColumn> = {}) =>
  ({ key, kind: "number", path, note, width: 12, ...extra }) as WorkbookColumn;
const date = (key: string, path: readonly string[], note: string, extra: Partial<WorkbookColumn> = {}) =>
  ({ key, kind: "date", path, note, width: 12, ...extra }) as WorkbookColumn;
const choice = (key: string, path: readonly string[], choices: readonly string[], note: string) =>
  ({ key, kind: "choice", path, choices, note, width: 16 }) as WorkbookColumn;

const dataPointColumns: WorkbookColumn[] = [
  accountRef,
  goalRef,
  date("date", ["date"], "The day of the point (a date cell, or text written YYYY-MM-DD).", {
    required: true,
  }),
  number("value", ["value"], "The metric's value on that day.", { required: true }),
];

export const WORKBOOK_SHEETS: readonly WorkbookSheet[] = [
  {
    name: "Accounts",
    entity: "account",
    columns: [
      text(
        "id",
        ["account", "id"],
        "Required here: the id that joins the other sheets; used in output file names.",
        {
          required: true,
          width: 14,
        },
      ),
      text("name", ["account", "name"], "The customer's name (required).", { required: true, width: 26 }),
      text("segment", ["account", "segment"], "Optional, e.g. Enterprise."),
      text("csm", ["account", "csm"], "Optional: the CSM, shown as the deck's author."),
      text("logo", ["account", "logo"], "Optional: a PNG/JPEG path, relative to this workbook."),
      number("arr", ["contract", "arr"], "Annual recurring revenue, greater than 0 (required).", {
        required: true,
      }),
      text("currency", ["contract", "currency"], "ISO 4217 code such as USD, EUR, GBP (default USD).", {
        width: 10,
      }),
      date("start", ["contract", "start"], "Optional: contract start."),
      date("renewal", ["contract", "renewal"], "Renewal date (required).", { required: true }),
      text("period", ["review", "period"], "Optional label shown on the deck, e.g. Q3 2025."),
      date("asOf", ["review", "asOf"], "The day the figures are computed at (default: today; --as-of wins)."),
      date("meetingDate", ["review", "meetingDate"], "Optional: the day of the meeting."),
      number("healthScore", ["signals", "healthScore", "value"], "Optional health score."),
      number(
        "healthScoreMax",
        ["signals", "healthScore", "max"],
        "The health score's maximum (default 100).",
      ),
      choice(
        "healthLabel",
        ["signals", "healthScore"],
        HEALTH_LABELS,
        "Optional, instead of healthScore: green, yellow or red.",
      ),
      number("nps", ["signals", "nps"], "Optional: the latest 0–10 rating."),
      number(
        "npsScore",
        ["signals", "nps", "score"],
        "Optional, instead of nps: a Net Promoter Score, -100 to 100.",
      ),
      number("csat", ["signals", "csat", "value"], "Optional CSAT score."),
      number("csatMax", ["signals", "csat", "max"], "The CSAT maximum (default 5)."),
      number("activeUsersPct", ["signals", "usage", "activeUsersPct"], "Optional: active users, 0–100 %."),
      {
        key: "statedReasons",
        kind: "lines",
        path: ["statedReasons"],
        note: "What the customer said (proxy reasons): one per line in the cell (Alt+Enter).",
        width: 36,
      },
      {
        key: "externalRisks",
        kind: "lines",
        path: ["externalRisks"],
        note: "Risks outside your control: one per line in the cell (Alt+Enter).",
        width: 30,
      },
      text("internalNotes", ["internalNotes"], "Never shown to the customer.", { width: 36 }),
      {
        key: "domains",
        kind: "lines",
        path: ["account", "domains"],
        note: "The customer's mail domains, one per line (qbr send mails only addresses in them).",
        width: 24,
      },
      // Last, so the columns before them keep the letters older workbooks and messages use.
      choice(
        "outcome",
        ["contract", "outcome", "result"],
        OUTCOME_RESULTS,
        "Optional: how the last renewal ended — renewed, expanded, downsized or churned (qbr insights; never in a deck).",
      ),
      date("outcomeDate", ["contract", "outcome", "date"], "The day the last renewal ended (with outcome)."),
      text(
        "outcomeReason",
        ["contract", "outcome", "statedReason"],
        "Optional: what the customer said about it.",
        {
          width: 30,
        },
      ),
      choice(
        "rootCause",
        ["contract", "outcome", "rootCause"],
        ROOT_CAUSES,
        "Optional: what the team concluded afterwards — value-gap, adoption-gap, external or unknown.",
      ),
    ],
  },
  {
    name: "Goals",
    entity: "goal",
    columns: [
      accountRef,
      text("id", ["id"], "Unique within the account: lower-case letters, digits and '-'.", {
        required: true,
      }),
      text("title", ["title"], "The goal in the customer's words (required).", { required: true, width: 32 }),
      text("why", ["why"], "Optional: the business reason.", { width: 30 }),
      text("owner", ["owner"], "Optional: who owns it on the customer's side."),
      text("metric", ["metric", "name"], "What is measured (required).", { required: true, width: 26 }),
      text("unit", ["metric", "unit"], 'Optional unit: "%", "h", "days", or a currency code.', { width: 10 }),
      choice(
        "direction",
        ["direction"],
        DIRECTIONS,
        "Optional: increase or decrease; must agree with baseline → target.",
      ),
      date("baselineDate", ["baseline", "date"], "When the baseline was measured (required).", {
        required: true,
      }),
      number("baselineValue", ["baseline", "value"], "The value at the start (required).", {
        required: true,
      }),
      date("targetDate", ["target", "date"], "When the target is due (required).", { required: true }),
      number("targetValue", ["target", "value"], "The value to reach (required).", { required: true }),
      number(
        "valuePerUnit",
        ["value", "perUnit"],
        "Optional: money per unit of improvement over the baseline.",
      ),
      choice("valuePer", ["value", "per"], VALUE_PERIODS, "Optional: once, week, month, quarter or year."),
    ],
  },
  { name: "Plan", entity: "plan point", columns: dataPointColumns },
  { name: "Actuals", entity: "actual", columns: dataPointColumns },
  {
    name: "Tasks",
    entity: "task",
    columns: [
      accountRef,
      goalRef,
      text("title", ["title"], "What the customer must do (required).", { required: true, width: 36 }),
      date("due", ["due"], "Optional due date."),
      {
        key: "done",
        kind: "boolean",
        path: ["done"],
        note: "TRUE when done (default FALSE).",
        choices: BOOLEANS,
        width: 8,
      },
      text("owner", ["owner"], "Optional: who does it."),
    ],
  },
  {
    name: "Stakeholders",
    entity: "stakeholder",
    columns: [
      accountRef,
      text("name", ["name"], "The person's name (required).", { required: true, width: 22 }),
      choice("role", ["role"], ROLES, "executive-sponsor, economic-buyer, champion, admin or user."),
      choice("status", ["status"], STATUSES, "active, new or left (default active)."),
      date("lastContact", ["lastContact"], "Optional: the last contact."),
      text("email", ["email"], "Optional e-mail address.", { width: 26 }),
    ],
  },
];

export function sheetLayout(name: SheetName): WorkbookSheet {
  return WORKBOOK_SHEETS.find((sheet) => sheet.name === name)!;
}
