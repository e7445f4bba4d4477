import { accountFileSchema, type Account } from "./account-schema.js";
import { parseSource } from "./parse-source.js";
import { validateSource } from "./validate-source.js";

/**
 * YAML/JSON bytes → a validated Account. Pure: the caller reads the file; `file` is only used
 * to name the file in error messages. Throws InvalidInputError listing every problem.
 */
export function loadAccount(file: string, bytes: Uint8Array): Account {
  return validateSource(parseSource(file, bytes), accountFileSchema);
}
