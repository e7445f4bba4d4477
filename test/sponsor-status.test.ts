import { describe, expect, it } from "vitest";
import { sponsorStatus } from "../src/analysis/sponsor-status.js";
import { DEFAULT_THRESHOLDS } from "../src/analysis/thresholds.js";
import type { Account, Stakeholder } from "../src/input/account-schema.js";
import { loadSample } from "./helpers/accounts.js";

/** The portfolio's sponsor column: one word per account, from its stakeholders and the sponsor-gap threshold. */

const base = loadSample("northwind-logistics.yaml");
const withSponsors = (stakeholders: Stakeholder[]): Account => ({ ...base, stakeholders });
const sponsor = (fields: Partial<Stakeholder>): Stakeholder => ({
  name: "Sam Sponsor",
  role: "executive-sponsor",
  status: "active",
  ...fields,
});
const status = (stakeholders: Stakeholder[]) =>
  sponsorStatus(withSponsors(stakeholders), "2025-10-01", DEFAULT_THRESHOLDS);

describe("sponsorStatus", () => {
  const limit = DEFAULT_THRESHOLDS.rules["sponsor-gap"].maxDaysSinceContact;

  it("is engaged when a sponsor in place was heard from within the threshold (or no date is given)", () => {
    expect(status([sponsor({ lastContact: "2025-09-20" })])).toBe("engaged");
    expect(status([sponsor({})])).toBe("engaged");
  });

  it("is out of contact past the threshold", () => {
    const longAgo = new Date(Date.UTC(2025, 9, 1) - (limit + 1) * 86_400_000).toISOString().slice(0, 10);
    expect(status([sponsor({ lastContact: longAgo })])).toBe("out-of-contact");
  });

  it("is departed when every sponsor has left, none when nobody was named", () => {
    expect(status([sponsor({ status: "left" })])).toBe("departed");
    expect(status([{ name: "Una User", role: "user", status: "active" }])).toBe("none");
  });
});
