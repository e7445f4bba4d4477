import { daysBetween } from "../../dates.js";
import type { IsoDate } from "../../dates.js";
import type { FindingOf, Rule } from "./rule.js";

export interface SponsorGapEvidence {
  /** Executive sponsors still in place (none: the "no-sponsor" variant). */
  activeSponsors: { name: string; lastContact: IsoDate | null; daysSinceContact: number | null }[];
  departedSponsors: string[];
  /** The threshold in force. */
  maxDaysSinceContact: number;
}

export type SponsorGapFinding = FindingOf<"sponsor-gap", SponsorGapEvidence, "no-sponsor" | "out-of-contact">;

/** No executive sponsor in place, or none heard from recently: nobody on their side owns the value. */
export const sponsorGap: Rule<SponsorGapFinding> = {
  name: "sponsor-gap",
  scope: "account",
  evaluate({ account, asOf, thresholds }) {
    const { maxDaysSinceContact } = thresholds.rules["sponsor-gap"];
    const sponsors = account.stakeholders.filter(
      (person) => person.role === "executive-sponsor" && person.status !== "left",
    );
    const daysSince = (lastContact: string | undefined) =>
      lastContact === undefined ? null : daysBetween(lastContact, asOf);
    const inContact = sponsors.filter((person) => {
      const days = daysSince(person.lastContact);
      return days === null || days <= maxDaysSinceContact;
    });
    if (sponsors.length > 0 && inContact.length > 0) return [];
    const departed = account.stakeholders.filter(
      (person) => person.role === "executive-sponsor" && person.status === "left",
    );
    return [
      {
        rule: "sponsor-gap",
        severity: "high",
        goal: null,
        variant: sponsors.length === 0 ? "no-sponsor" : "out-of-contact",
        evidence: {
          activeSponsors: sponsors.map((person) => ({
            name: person.name,
            lastContact: person.lastContact ?? null,
            daysSinceContact: daysSince(person.lastContact),
          })),
          departedSponsors: departed.map((person) => person.name),
          maxDaysSinceContact,
        },
      },
    ];
  },
};
