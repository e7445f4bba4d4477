import type { Account } from "./account-schema.js";

/**
 * The placeholder identity of templates/starter-account.yaml (`qbr init`). An account that still
 * carries both is the starter as written, not a customer: it is reported, never ranked.
 */
const STARTER_NAME = "Example Customer Inc.";
const STARTER_ID = "EX-0001";

export function isUneditedStarter(account: Account): boolean {
  return account.account.name === STARTER_NAME && account.account.id === STARTER_ID;
}
