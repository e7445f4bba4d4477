import { InvalidInputError } from "../errors.js";
import { accountFileSchema, type Account } from "./account-schema.js";
import { refuseNonAccount, syntaxErrorOfNonAccount } from "./not-an-account.js";
import { parseSource, type ParsedSource } from "./parse-source.js";
import { validateSource } from "./validate-source.js";

/**
 * YAML/JSON bytes → a validated Account. Pure: the caller reads the file; `file` is only used
 * to name the file in error messages. Throws InvalidInputError listing every problem (and, for
 * a file that is not an account at all, one line that quotes nothing of it).
 */
export function loadAccount(file: string, bytes: Uint8Array): Account {
  let source: ParsedSource;
  try {
    source = parseSource(file, bytes);
  } catch (error) {
    throw error instanceof InvalidInputError ? syntaxErrorOfNonAccount(file, bytes, error) : error;
  }
  refuseNonAccount(file, source.data);
  return validateSource(source, accountFileSchema);
}
