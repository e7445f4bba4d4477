import type { IsoDate } from "../dates.js";
import type { ValidationIssue } from "../errors.js";
import { describeTextChanges, sanitizeTree } from "../text/sanitize.js";
import type { Account } from "./account-schema.js";
import { MAX_ISSUES, shorten, type ParsedSource } from "./parse-source.js";
import { formatPath } from "./validate-source.js";

/**
 * The loader's warnings: what it changed or noticed in an account that is still usable. Each is
 * located like a validation error (`file:line:col path — message`) and never changes an exit code.
 */

/**
 * The parsed data with every string under the text rule (src/text/sanitize.ts), before it is
 * validated (so a title that was only control characters is an empty title, and refused), and
 * a warning per changed field.
 */
export function sanitizeSource(source: ParsedSource): { source: ParsedSource; warnings: ValidationIssue[] } {
  const warnings: ValidationIssue[] = [];
  let unreported = 0;
  const data = sanitizeTree(source.data, (path, changes) => {
    if (warnings.length >= MAX_ISSUES) {
      unreported++;
      return;
    }
    warnings.push({
      file: source.file,
      ...source.locate(path),
      path: formatPath(path),
      message: describeTextChanges(changes),
    });
  });
  if (unreported > 0) {
    warnings.push({
      file: source.file,
      line: 0,
      column: 0,
      path: "",
      message: `…and ${unreported} more fields with control characters`,
    });
  }
  return { source: data === source.data ? source : { ...source, data }, warnings };
}

/**
 * The account `qbr init` writes (templates/starter-account.yaml): a deck of it is a deck of an
 * invented customer. test/account-warnings.test.ts keeps these in step with the template.
 */
export const STARTER_ACCOUNT = { name: "Example Customer Inc.", id: "EX-0001" } as const;

/** The role names as written, where the schema read an alias (`sponsor` → executive-sponsor). */
function roleNotes(source: ParsedSource, account: Account): ValidationIssue[] {
  const written = (source.data as { stakeholders?: unknown } | null)?.stakeholders;
  if (!Array.isArray(written)) return [];
  return account.stakeholders.flatMap((stakeholder, index) => {
    const role = (written[index] as { role?: unknown } | null)?.role;
    if (typeof role !== "string" || role === stakeholder.role) return [];
    const path = ["stakeholders", index, "role"];
    return [
      {
        file: source.file,
        ...source.locate(path),
        path: formatPath(path),
        message: `role "${shorten(role, 40)}" read as ${stakeholder.role}`,
      },
    ];
  });
}

/**
 * Actuals the figures leave out because they are dated after the as-of date: one warning per
 * goal, at its first such actual (a run with an earlier --as-of would otherwise print dozens).
 */
function laterActuals(source: ParsedSource, account: Account, asOf: IsoDate): ValidationIssue[] {
  return account.goals.flatMap((goal, goalIndex) => {
    const later = goal.actuals.flatMap((actual, index) => (actual.date > asOf ? [{ actual, index }] : []));
    if (later.length === 0) return [];
    const path = ["goals", goalIndex, "actuals", later[0]!.index, "date"];
    const what =
      later.length === 1
        ? `measured ${later[0]!.actual.date}, after the as-of date ${asOf}`
        : `${later.length} actuals of ${goal.id} are dated after the as-of date ${asOf}`;
    return [
      {
        file: source.file,
        ...source.locate(path),
        path: formatPath(path),
        message: `${what}; left out of the figures`,
      },
    ];
  });
}

/** Warnings about a valid account's content. */
export function accountWarnings(
  source: ParsedSource,
  account: Account,
  options: { asOf?: IsoDate; today?: IsoDate },
): ValidationIssue[] {
  const warnings: ValidationIssue[] = [];
  if (account.account.name === STARTER_ACCOUNT.name && account.account.id === STARTER_ACCOUNT.id) {
    const path = ["account", "name"];
    warnings.push({
      file: source.file,
      ...source.locate(path),
      path: formatPath(path),
      message: `${STARTER_ACCOUNT.name} is the example of qbr init's starter file; replace it with your customer's data`,
    });
  }
  const asOf = options.asOf ?? account.review.asOf ?? options.today;
  const { renewal } = account.contract;
  // A renewal whose outcome is recorded (a churned account's file, kept for qbr insights) is history, not a date to update.
  const settled = account.contract.outcome !== undefined && account.contract.outcome.date >= renewal;
  if (asOf !== undefined && renewal < asOf && !settled) {
    const path = ["contract", "renewal"];
    warnings.push({
      file: source.file,
      ...source.locate(path),
      path: formatPath(path),
      message: `renewal date ${renewal} passed (as of ${asOf}); update contract.renewal`,
    });
  }
  warnings.push(...roleNotes(source, account));
  if (asOf !== undefined) warnings.push(...laterActuals(source, account, asOf));
  return warnings;
}
