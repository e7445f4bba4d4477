import { daysBetween, type IsoDate } from "../dates.js";
import type { Account } from "../input/account-schema.js";
import type { Thresholds } from "./thresholds.js";

/**
 * Where the executive sponsor stands, one word for the portfolio's columns: a sponsor in place
 * and heard from (`engaged`), in place but silent past the sponsor-gap rule's threshold
 * (`out-of-contact`), gone with nobody named after them (`departed`), or never named (`none`).
 */
export const SPONSOR_STATUSES = ["engaged", "out-of-contact", "departed", "none"] as const;
export type SponsorStatus = (typeof SPONSOR_STATUSES)[number];

export function sponsorStatus(account: Account, asOf: IsoDate, thresholds: Thresholds): SponsorStatus {
  const sponsors = account.stakeholders.filter((person) => person.role === "executive-sponsor");
  const inPlace = sponsors.filter((person) => person.status !== "left");
  if (inPlace.length === 0) return sponsors.length > 0 ? "departed" : "none";
  const { maxDaysSinceContact } = thresholds.rules["sponsor-gap"];
  const heardFrom = inPlace.some(
    (person) =>
      person.lastContact === undefined || daysBetween(person.lastContact, asOf) <= maxDaysSinceContact,
  );
  return heardFrom ? "engaged" : "out-of-contact";
}
