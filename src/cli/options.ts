import { isCalendarDate, todayIso, type IsoDate } from "../dates.js";
import { UsageError } from "../errors.js";
import type { Account } from "../input/account-schema.js";

/** Shared parsing of command-line values; bad values are usage errors (exit 2). */

export function parseDateOption(name: string, value: string | undefined): IsoDate | undefined {
  if (value === undefined) return undefined;
  if (!isCalendarDate(value)) throw new UsageError(`${name} ${value}: expected a date written YYYY-MM-DD`);
  return value;
}

export function parseIntegerOption(name: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value) || Number(value) < min) {
    throw new UsageError(`${name} ${value}: expected a whole number of at least ${min}`);
  }
  return Number(value);
}

export function parseSecondsOption(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+(\.\d+)?$/.test(value) || Number(value) <= 0) {
    throw new UsageError(`${name} ${value}: expected a number of seconds greater than 0`);
  }
  return Number(value);
}

/** SPEC §1: the CLI's --as-of wins, then review.asOf, then today. */
export function resolveAsOf(
  account: Account,
  cliAsOf: IsoDate | undefined,
  today: IsoDate = todayIso(),
): IsoDate {
  return cliAsOf ?? account.review.asOf ?? today;
}

/** The items of a comma-separated option, trimmed, empty ones and duplicates dropped. */
export function listItems(value: string): string[] {
  return [
    ...new Set(
      value
        .split(",")
        .map((item) => item.trim())
        .filter(Boolean),
    ),
  ];
}

/** A comma-separated option of known values (duplicates dropped); anything else is a usage error. */
export function parseList<T extends string>(name: string, value: string, allowed: readonly T[]): T[] {
  const items = listItems(value);
  const bad = items.filter((item) => !allowed.includes(item as T));
  if (items.length === 0 || bad.length > 0) {
    throw new UsageError(`${name} ${value}: expected ${allowed.join(" or ")} (comma-separated for several)`);
  }
  return items as T[];
}
