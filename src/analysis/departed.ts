import type { Account } from "../input/account-schema.js";

/**
 * Names of stakeholders who have left (status `left`), for comparing with owners. A departed
 * person is never shown to the customer as the owner of a goal or a task: the customer sees no
 * owner ("to be confirmed"), the internal deck flags the orphaned goal.
 */
export type DepartedPeople = ReadonlySet<string>;
export const NOBODY_DEPARTED: DepartedPeople = new Set();

const personKey = (name: string) => name.trim().toLowerCase();

export function departedPeople(account: Account): DepartedPeople {
  return new Set(
    account.stakeholders.filter((person) => person.status === "left").map((person) => personKey(person.name)),
  );
}

export function hasLeft(name: string | null | undefined, departed: DepartedPeople): boolean {
  return name !== null && name !== undefined && departed.has(personKey(name));
}
