import { analyseAccount } from "../../analysis/analyse-account.js";
import { analysisToJson } from "../../analysis/analysis-json.js";
import { DEFAULT_THRESHOLDS } from "../../analysis/thresholds.js";
import { readWorkbookFile } from "../../batch/account-sources.js";
import { loadTemplates, readAccount, readRules } from "../../io/resources.js";
import { todayIso } from "../../dates.js";
import { formatIssue, InvalidInputError, UsageError } from "../../errors.js";
import type { Account } from "../../input/account-schema.js";
import type { LoadAccountOptions } from "../../input/load-account.js";
import { isWorkbookFile } from "../../input/spreadsheet/spreadsheet-kind.js";
import { formatAnalysisReport } from "../analysis-report.js";
import type { Io } from "../../io/terminal.js";
import { parseDateOption, resolveAsOf } from "../options.js";

export interface AnalyzeOptions {
  json?: boolean;
  asOf?: string;
  rules?: string;
  templates?: string;
  account?: string;
}

/** One account of a portfolio workbook: the one --account names (or the only one). */
async function workbookAccount(
  file: string,
  id: string | undefined,
  options: LoadAccountOptions,
  io: Io,
): Promise<Account> {
  const contents = await readWorkbookFile(file, options);
  if (contents.issues.length > 0) throw new InvalidInputError(contents.issues);
  const ids = contents.accounts.map((entry) => entry.id);
  if (id === undefined && ids.length !== 1) {
    throw new UsageError(
      `${file} holds ${ids.length} accounts; name one with --account (${ids.slice(0, 10).join(", ")})`,
    );
  }
  const entry = contents.accounts.find((candidate) => id === undefined || candidate.id === id);
  if (!entry)
    throw new UsageError(`--account ${id}: no such account in ${file} (${ids.slice(0, 10).join(", ")})`);
  if (!entry.account) throw new InvalidInputError(entry.issues);
  for (const warning of entry.warnings) io.err(`warning: ${formatIssue(warning)}`);
  return entry.account;
}

export async function analyzeCommand(file: string, options: AnalyzeOptions, io: Io): Promise<number> {
  const cliAsOf = parseDateOption("--as-of", options.asOf);
  const thresholds = options.rules ? readRules(options.rules) : DEFAULT_THRESHOLDS;
  const templates = loadTemplates(options.templates);
  if (options.account !== undefined && !isWorkbookFile(file)) {
    throw new UsageError(
      "--account applies to portfolio workbooks (.xlsx); an account file holds one account",
    );
  }
  const today = todayIso();
  let account: Account;
  if (isWorkbookFile(file)) {
    account = await workbookAccount(file, options.account, { asOf: cliAsOf, today }, io);
  } else {
    const read = readAccount(file, { asOf: cliAsOf, today });
    for (const warning of read.warnings) io.err(`warning: ${formatIssue(warning)}`);
    account = read.account;
  }
  const analysis = analyseAccount(account, {
    asOf: resolveAsOf(account, cliAsOf, today),
    templates,
    thresholds,
  });
  io.out(options.json ? JSON.stringify(analysisToJson(analysis), null, 2) : formatAnalysisReport(analysis));
  return 0;
}
