import type { Stakeholder } from "../../input/account-schema.js";
import type { DeckContext } from "../context.js";

/**
 * A stakeholder's role and status in words, the same on every slide that names people (the
 * kick-off's team, the internal outlook): deck.yaml's `stakeholder.*` keys, so that editing one
 * deck kind's wording does not change another's labels.
 */

/** The wording key of each role, in the order a team is listed (sponsor first). */
export const ROLE_KEYS: Readonly<Record<Stakeholder["role"], string>> = {
  "executive-sponsor": "stakeholder.role.executive-sponsor",
  "economic-buyer": "stakeholder.role.economic-buyer",
  champion: "stakeholder.role.champion",
  admin: "stakeholder.role.admin",
  user: "stakeholder.role.user",
};

/** The wording key of each status worth a mention; an active stakeholder's status goes unsaid. */
const STATUS_KEYS: Readonly<Record<Exclude<Stakeholder["status"], "active">, string>> = {
  new: "stakeholder.status.new",
  left: "stakeholder.status.left",
};

export function roleLabel(context: DeckContext, person: Stakeholder): string {
  return context.text(ROLE_KEYS[person.role]);
}

/** The status in words, or "" for an active stakeholder. */
export function statusLabel(context: DeckContext, person: Stakeholder): string {
  return person.status === "active" ? "" : context.text(STATUS_KEYS[person.status]);
}
