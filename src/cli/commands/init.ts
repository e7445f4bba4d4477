import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { writeFileAtomic } from "../../batch/atomic-write.js";
import { DEFAULT_TEMPLATES_DIR } from "../../batch/resources.js";
import { UsageError } from "../../errors.js";
import { accountJsonSchema } from "../../input/account-schema.js";
import type { Io } from "../io.js";

export const STARTER_FILE = "account.yaml";
export const SCHEMA_FILE = "qbr-account.schema.json";

/** Writes a commented starter account and the JSON Schema it points editors to. */
export function initCommand(dir: string | undefined, options: { force?: boolean }, io: Io): number {
  const target = dir ?? ".";
  const accountPath = path.join(target, STARTER_FILE);
  if (existsSync(accountPath) && !options.force) {
    throw new UsageError(`${accountPath} already exists; use --force to overwrite it`);
  }
  writeFileAtomic(accountPath, readFileSync(path.join(DEFAULT_TEMPLATES_DIR, "starter-account.yaml")));
  writeFileAtomic(path.join(target, SCHEMA_FILE), `${JSON.stringify(accountJsonSchema(), null, 2)}\n`);
  io.out(
    `Wrote ${accountPath} and ${path.join(target, SCHEMA_FILE)}. Fill it in, then: qbr validate ${accountPath}`,
  );
  return 0;
}
