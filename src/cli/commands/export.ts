import { existsSync } from "node:fs";
import path from "node:path";
import { readAccountSources, rebaseLogo, type SourcedAccount } from "../../batch/account-sources.js";
import { writeFileAtomic, writeFilesAtomic } from "../../io/atomic-write.js";
import { discoverAccountFiles, requireInputs } from "../../io/discover.js";
import { outputName } from "../../io/output-names.js";
import { formatIssue, InvalidInputError, UsageError } from "../../errors.js";
import { accountToYaml } from "../../input/spreadsheet/account-yaml.js";
import { isWorkbookFile } from "../../input/spreadsheet/read-table.js";
import { workbookGaps } from "../../input/spreadsheet/workbook-gaps.js";
import { writeWorkbook } from "../../input/spreadsheet/write-workbook.js";
import { plural } from "../../text/format.js";
import type { Io } from "../../io/terminal.js";

/**
 * `qbr export <inputs...> -o plans.xlsx`: account files into one portfolio workbook; and back,
 * `qbr export plans.xlsx -o accounts/`: a workbook's accounts as YAML files. All or nothing: an
 * invalid input writes nothing.
 */

export interface ExportCliOptions {
  output?: string;
  force?: boolean;
}

/** The workbook joins its sheets by account id: every account needs one, and each id once. */
function checkIds(accounts: readonly SourcedAccount[]): void {
  const seen = new Map<string, string>();
  const problems: string[] = [];
  for (const { account, file } of accounts) {
    const id = account.account.id;
    if (id === undefined) {
      problems.push(
        `${file}: account "${account.account.name}" has no account.id; a workbook joins its sheets by id`,
      );
    } else if (seen.has(id)) {
      problems.push(`${file}: account id "${id}" is also the id of an account in ${seen.get(id)}`);
    } else {
      seen.set(id, file);
    }
  }
  if (problems.length > 0) throw new UsageError(problems.join("\n"));
}

function yamlFiles(accounts: readonly SourcedAccount[], dir: string): { target: string; bytes: string }[] {
  const used = new Set<string>();
  return accounts.map(({ account, file }) => {
    const slug = outputName.slug(account);
    let name = `${slug}.yaml`;
    for (let count = 2; used.has(name); count++) name = `${slug}-${count}.yaml`;
    used.add(name);
    const target = path.join(dir, name);
    return { target, bytes: accountToYaml(rebaseLogo(account, file, target)) };
  });
}

export async function exportCommand(inputs: string[], options: ExportCliOptions, io: Io): Promise<number> {
  requireInputs(inputs);
  const output = options.output;
  if (!output) throw new UsageError("-o <file.xlsx|folder> is required: where to write the accounts");
  const { files, unreadableFolders } = await discoverAccountFiles(inputs);
  if (unreadableFolders.length > 0) {
    // An export must not silently miss the accounts of a folder it cannot read.
    const lines = unreadableFolders.map((folder) => `${folder.path} — ${folder.message}`);
    throw new UsageError(["some folders cannot be read", ...lines].join("\n"));
  }
  const read = await readAccountSources(files);
  for (const note of read.notes) io.err(`note: ${formatIssue(note)}`);
  if (read.issues.length > 0) throw new InvalidInputError(read.issues);
  if (read.accounts.length === 0) throw new UsageError(`no accounts found in ${inputs.join(", ")}`);
  if (isWorkbookFile(output)) {
    checkIds(read.accounts);
    if (existsSync(output) && !options.force) {
      throw new UsageError(`${output} already exists; use --force to overwrite it`);
    }
    for (const { account, file } of read.accounts) {
      const gaps = workbookGaps(account);
      if (gaps.length > 0) {
        io.err(
          `warning: ${file}: the workbook has no columns for ${gaps.join(", ")}; they are not exported (keep the account file for them)`,
        );
      }
    }
    const accounts = read.accounts.map(({ account, file }) => rebaseLogo(account, file, output));
    writeFileAtomic(output, await writeWorkbook(accounts));
    io.out(`Wrote ${plural(accounts.length, "account")} to ${output}.`);
    return 0;
  }
  const targets = yamlFiles(read.accounts, output);
  const existing = targets.filter(({ target }) => existsSync(target)).map(({ target }) => target);
  if (existing.length > 0 && !options.force) {
    throw new UsageError(
      `${existing.join(", ")} already exist${existing.length === 1 ? "s" : ""}; use --force to overwrite`,
    );
  }
  writeFilesAtomic(targets);
  io.out(`Wrote ${plural(targets.length, "account file")} to ${output}.`);
  return 0;
}
