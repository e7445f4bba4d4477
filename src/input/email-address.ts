import { domainToASCII } from "node:url";

/**
 * Mail addresses and domains as account files hold them (stakeholder `email`, account `domains`).
 * One canonical form — lower case, the domain in ASCII (an IDN such as `münchen.example` becomes
 * `xn--mnchen-3ya.example`) — so that "is this recipient inside the customer's domains?" is a
 * plain string comparison and the sent ledger matches an address however it was written.
 * Pure: no I/O.
 */

export type Normalised = { ok: true; value: string } | { ok: false; message: string };

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
/** RFC 5322 dot-atom text of the local part; quoted local parts are legal but never needed here. */
const LOCAL_PART = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;

/**
 * A customer mail domain: at least two labels (a bare `com` would admit every .com address), no
 * trailing dot, no IP address, no wildcard.
 */
export function normaliseDomain(text: string): Normalised {
  const trimmed = text.trim();
  if (trimmed.includes("@"))
    return { ok: false, message: "expected a domain such as northwind.com, not an address" };
  if (trimmed.includes("*"))
    return { ok: false, message: "expected a domain without wildcards; list each domain" };
  const ascii = domainToASCII(trimmed);
  if (!ascii || ascii.endsWith(".") || ascii.length > 253) {
    return { ok: false, message: "expected a domain such as northwind.com" };
  }
  const labels = ascii.split(".");
  if (labels.length < 2) {
    return { ok: false, message: "expected a domain with at least two labels, such as northwind.com" };
  }
  if (!labels.every((label) => LABEL.test(label)) || /^\d+$/.test(labels[labels.length - 1]!)) {
    return { ok: false, message: "expected a domain such as northwind.com" };
  }
  return { ok: true, value: ascii };
}

/**
 * A bare address `local@domain`: no display name ("Priya <p@x>"), no list, no comment. The name
 * shown in the To: header comes from the stakeholder's `name`.
 */
export function normaliseAddress(text: string): Normalised {
  const trimmed = text.trim();
  if (/[<>,;"()\s]/.test(trimmed)) {
    return {
      ok: false,
      message: "expected one bare address such as priya.shah@northwind.com (no name, no <>)",
    };
  }
  const at = trimmed.lastIndexOf("@");
  if (at <= 0 || at === trimmed.length - 1) {
    return { ok: false, message: "expected an address such as priya.shah@northwind.com" };
  }
  const local = trimmed.slice(0, at).toLowerCase();
  if (local.length > 64 || !LOCAL_PART.test(local)) {
    return {
      ok: false,
      message: "expected an address whose part before @ is plain ASCII letters, digits and . _ + -",
    };
  }
  const domain = normaliseDomain(trimmed.slice(at + 1));
  if (!domain.ok)
    return { ok: false, message: domain.message.replace("expected a domain", "expected an address domain") };
  return { ok: true, value: `${local}@${domain.value}` };
}

/** The domain of an address already normalised. */
export function domainOf(address: string): string {
  return address.slice(address.lastIndexOf("@") + 1);
}
