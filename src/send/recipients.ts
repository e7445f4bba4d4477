import type { Account } from "../input/account-schema.js";
import { domainOf } from "../input/email-address.js";

/**
 * Who receives an account's deck: its stakeholders of the chosen roles who have not left and
 * have an email — and only when every one of them is inside the account's `domains`. An account
 * with one address outside its domains is refused whole; it is never sent to the others alone.
 * Pure.
 */

export interface Recipient {
  name: string;
  /** Normalised by the schema: lower case, ASCII domain. */
  address: string;
}

export type RecipientsResult =
  { ok: true; recipients: Recipient[]; notes: string[] } | { ok: false; reason: string };

export function selectRecipients(account: Account, roles: readonly string[]): RecipientsResult {
  const chosen = account.stakeholders.filter(
    (person) => roles.includes(person.role) && person.status !== "left",
  );
  const withEmail = chosen.filter((person) => person.email);
  const notes = chosen
    .filter((person) => !person.email)
    .map((person) => `${person.name} (${person.role}) has no email and is left out`);
  if (withEmail.length === 0) {
    return { ok: false, reason: `no ${roles.join(" or ")} with an email (and not left)` };
  }
  const domains = account.account.domains;
  if (!domains) {
    return {
      ok: false,
      reason: "the account lists no mail domains (account.domains): nobody can be checked",
    };
  }
  const outside = withEmail.filter((person) => !isInDomains(person.email!, domains));
  if (outside.length > 0) {
    return {
      ok: false,
      reason: `${outside.map((person) => person.email).join(", ")} outside the account's domains (${domains.join(", ")})`,
    };
  }
  const seen = new Set<string>();
  const recipients: Recipient[] = [];
  for (const person of withEmail) {
    if (seen.has(person.email!)) continue;
    seen.add(person.email!);
    recipients.push({ name: person.name, address: person.email! });
  }
  return { ok: true, recipients, notes };
}

/** Exact domain match: a subdomain must be listed itself. */
export function isInDomains(address: string, domains: readonly string[]): boolean {
  return domains.includes(domainOf(address));
}
