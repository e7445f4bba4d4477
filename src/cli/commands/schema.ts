import { accountJsonSchema } from "../../input/account-schema.js";
import type { Io } from "../../io/terminal.js";

export function schemaCommand(io: Io): number {
  io.out(JSON.stringify(accountJsonSchema(), null, 2));
  return 0;
}
