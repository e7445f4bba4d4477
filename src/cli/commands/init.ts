import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { PACKAGE_ROOT } from "../../package-root.js";
import { writeFileAtomic } from "../../io/atomic-write.js";
import { DEFAULT_TEMPLATES_DIR, readAccount } from "../../io/resources.js";
import { UsageError } from "../../errors.js";
import { writeWorkbook } from "../../input/spreadsheet/write-workbook.js";
import type { Io } from "../../io/terminal.js";
import { accountJsonSchemaText } from "./schema.js";

export const STARTER_FILE = "account.yaml";
export const SCHEMA_FILE = "qbr-account.schema.json";

/** The sample whose account fills the starter workbook (the README's full example). */
export const WORKBOOK_EXAMPLE = path.join(PACKAGE_ROOT, "samples/northwind-logistics.yaml");

/** `qbr init --workbook plans.xlsx`: the portfolio workbook with one filled example account. */
async function initWorkbook(target: string, force: boolean, io: Io): Promise<number> {
  if (!/\.xlsx$/i.test(target))
    throw new UsageError(`--workbook ${target}: expected a file name ending in .xlsx`);
  if (existsSync(target) && !force)
    throw new UsageError(`${target} already exists; use --force to overwrite it`);
  const { account } = readAccount(WORKBOOK_EXAMPLE);
  // The sample's logo lives beside the sample, not beside a new workbook.
  const example = { ...account, account: { ...account.account, logo: undefined } };
  writeFileAtomic(target, await writeWorkbook([example]));
  io.out(
    `Wrote ${target} with one example account (${account.account.name}): replace it with yours, add rows, then: qbr validate ${target}`,
  );
  return 0;
}

/**
 * Writes a commented starter account and, beside it, the JSON Schema its first line points editors
 * to (`$schema=./qbr-account.schema.json`). A relative path beside the file is what VS Code's YAML
 * extension resolves wherever the starter is written; a path into the installed package would
 * break as soon as the folder moves to another machine or the package is reinstalled elsewhere.
 */
export async function initCommand(
  dir: string | undefined,
  options: { force?: boolean; workbook?: string },
  io: Io,
): Promise<number> {
  if (options.workbook !== undefined) {
    const target = dir && dir !== "." ? path.join(dir, options.workbook) : options.workbook;
    return initWorkbook(target, Boolean(options.force), io);
  }
  const target = dir ?? ".";
  const accountPath = path.join(target, STARTER_FILE);
  if (existsSync(accountPath) && !options.force) {
    throw new UsageError(`${accountPath} already exists; use --force to overwrite it`);
  }
  writeFileAtomic(accountPath, readFileSync(path.join(DEFAULT_TEMPLATES_DIR, "starter-account.yaml")));
  writeFileAtomic(path.join(target, SCHEMA_FILE), accountJsonSchemaText());
  io.out(
    `Wrote ${accountPath} and ${path.join(target, SCHEMA_FILE)}. Fill it in, then: qbr validate ${accountPath}`,
  );
  return 0;
}
