import { accountJsonSchema } from "../../input/account-schema.js";
import type { Io } from "../../io/terminal.js";

/**
 * The JSON Schema for editors, as text. `qbr schema`, `qbr init` and the shipped
 * samples/qbr-account.schema.json all use this one text, so an editor sees the same schema
 * whichever way it got it (a test compares the shipped file with it).
 */
export function accountJsonSchemaText(): string {
  return `${JSON.stringify(accountJsonSchema(), null, 2)}\n`;
}

export function schemaCommand(io: Io): number {
  io.out(accountJsonSchemaText());
  return 0;
}
