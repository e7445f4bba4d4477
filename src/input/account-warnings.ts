import type { IsoDate } from "../dates.js";
import type { ValidationIssue } from "../errors.js";
import { describeTextChanges, sanitizeTree } from "../text/sanitize.js";
import type { Account } from "./account-schema.js";
import { MAX_ISSUES, type ParsedSource } from "./parse-source.js";
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

/** Warnings about a valid account's content. */
export function accountWarnings(
  source: ParsedSource,
  account: Account,
  options: { asOf?: IsoDate; today?: IsoDate },
): ValidationIssue[] {
  const warnings: ValidationIssue[] = [];
  const asOf = options.asOf ?? account.review.asOf ?? options.today;
  const { renewal } = account.contract;
  if (asOf !== undefined && renewal < asOf) {
    const path = ["contract", "renewal"];
    warnings.push({
      file: source.file,
      ...source.locate(path),
      path: formatPath(path),
      message: `renewal date ${renewal} passed (as of ${asOf}); update contract.renewal`,
    });
  }
  return warnings;
}
