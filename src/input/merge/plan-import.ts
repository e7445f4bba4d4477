import type { IsoDate } from "../../dates.js";
import type { ValidationIssue } from "../../errors.js";
import type { Account } from "../account-schema.js";
import { shorten } from "../parse-source.js";
import { issueAt, type Measurement } from "../spreadsheet/measurements.js";
import { formatNumber, type ActualEdit } from "./actual-edits.js";

/**
 * The pure half of `qbr import`: measurements against the accounts found, row by row — which
 * add an actual, which are already there, which conflict with a different value on the same date
 * — and every row that cannot be applied, located at its cell. Nothing is read or written here.
 */

export interface KnownAccount {
  file: string;
  account: Account;
}

export interface Conflict {
  goal: string;
  date: IsoDate;
  recorded: number;
  imported: number;
  measurement: Measurement;
}

export interface AccountImport {
  id: string;
  file: string;
  account: Account;
  edits: ActualEdit[];
  added: number;
  replaced: number;
  unchanged: number;
  conflicts: Conflict[];
}

export interface ImportPlan {
  accounts: AccountImport[];
  issues: ValidationIssue[];
}

function closestId(id: string, known: Iterable<string>): string | undefined {
  for (const candidate of known) if (candidate.toLowerCase() === id.trim().toLowerCase()) return candidate;
  return undefined;
}

function listed(ids: readonly string[], max = 8): string {
  const shown = ids.slice(0, max).map((id) => shorten(id, 30));
  return ids.length > max ? `${shown.join(", ")}, …` : shown.join(", ");
}

export function planImport(
  measurements: readonly Measurement[],
  accounts: readonly KnownAccount[],
  options: { replace: boolean; intoLabel: string; intoWorkbook?: boolean },
): ImportPlan {
  const expected = options.intoWorkbook
    ? `expected an account id of the Accounts sheet of ${options.intoLabel}`
    : `expected the account.id of a file under ${options.intoLabel}`;
  const nowhere = options.intoWorkbook ? "it has no" : "no file there has";
  const byId = new Map<string, KnownAccount[]>();
  for (const known of accounts) {
    const id = known.account.account.id;
    if (id !== undefined) byId.set(id, [...(byId.get(id) ?? []), known]);
  }
  const issues: ValidationIssue[] = [];
  const plans = new Map<string, AccountImport>();
  /** account → goal → date → the first row that set it in this import. */
  const seen = new Map<string, Measurement>();
  for (const measurement of measurements) {
    const owners = byId.get(measurement.account);
    if (!owners) {
      const close = closestId(measurement.account, byId.keys());
      issues.push(
        issueAt(
          measurement,
          "account",
          close
            ? `${expected}; "${shorten(measurement.account)}" is none — did you mean "${close}"?`
            : `${expected}; ${nowhere} "${shorten(measurement.account)}"`,
        ),
      );
      continue;
    }
    if (owners.length > 1) {
      issues.push(
        issueAt(
          measurement,
          "account",
          `account "${shorten(measurement.account)}" is in ${owners.length} files (${owners.map((owner) => owner.file).join(", ")}); expected one file per account id`,
        ),
      );
      continue;
    }
    const { file, account } = owners[0]!;
    const goalIndex = account.goals.findIndex((goal) => goal.id === measurement.goal);
    if (goalIndex < 0) {
      issues.push(
        issueAt(
          measurement,
          "goal",
          `expected a goal of ${measurement.account} (${listed(account.goals.map((goal) => goal.id))}); got "${shorten(measurement.goal)}"`,
        ),
      );
      continue;
    }
    const baselineDate = account.goals[goalIndex]!.baseline.date;
    if (measurement.date < baselineDate) {
      // The loader refuses such an actual too; said here, the message points at the row's date.
      issues.push(
        issueAt(
          measurement,
          "date",
          `expected a date on or after ${measurement.goal}'s baseline date ${baselineDate}; got ${measurement.date}`,
        ),
      );
      continue;
    }
    const key = JSON.stringify([measurement.account, measurement.goal, measurement.date]);
    let plan = plans.get(measurement.account);
    if (!plan) {
      plan = {
        id: measurement.account,
        file,
        account,
        edits: [],
        added: 0,
        replaced: 0,
        unchanged: 0,
        conflicts: [],
      };
      plans.set(measurement.account, plan);
    }
    const earlier = seen.get(key);
    if (earlier) {
      if (earlier.value === measurement.value) {
        plan.unchanged++;
      } else {
        issues.push(
          issueAt(
            measurement,
            "value",
            `expected one value per goal and date; row ${earlier.row} gives ${formatNumber(earlier.value)} for ${measurement.goal} on ${measurement.date}, this row ${formatNumber(measurement.value)}`,
          ),
        );
      }
      continue;
    }
    seen.set(key, measurement);
    const actuals = account.goals[goalIndex]!.actuals;
    const actualIndex = actuals.findIndex((actual) => actual.date === measurement.date);
    if (actualIndex < 0) {
      plan.edits.push({
        kind: "add",
        goalIndex,
        date: measurement.date,
        value: measurement.value,
        ...(measurement.note ? { note: measurement.note } : {}),
      });
      plan.added++;
    } else if (
      actuals.some((actual) => actual.date === measurement.date && actual.value === measurement.value)
    ) {
      plan.unchanged++;
    } else {
      const recorded = actuals[actualIndex]!.value;
      plan.conflicts.push({
        goal: measurement.goal,
        date: measurement.date,
        recorded,
        imported: measurement.value,
        measurement,
      });
      if (options.replace) {
        plan.edits.push({ kind: "replace", goalIndex, actualIndex, value: measurement.value });
        plan.replaced++;
      } else {
        issues.push(
          issueAt(
            measurement,
            "value",
            `${formatNumber(measurement.value)} conflicts with ${formatNumber(recorded)} already recorded for ${measurement.goal} on ${measurement.date} in ${file}; expected the same value (--replace writes the imported one)`,
          ),
        );
      }
    }
  }
  return { accounts: [...plans.values()], issues };
}
