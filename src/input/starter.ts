import type { Account } from "./account-schema.js";
import { STARTER_ACCOUNT } from "./account-warnings.js";

/**
 * An account that still carries the placeholder name and id of templates/starter-account.yaml
 * (`qbr init`) is the starter as written, not a customer: warned about when loaded, reported and
 * never ranked in the portfolio.
 */
export function isUneditedStarter(account: Account): boolean {
  return account.account.name === STARTER_ACCOUNT.name && account.account.id === STARTER_ACCOUNT.id;
}
