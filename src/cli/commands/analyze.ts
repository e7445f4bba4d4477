import { analyseAccount } from "../../analysis/analyse-account.js";
import { analysisToJson } from "../../analysis/analysis-json.js";
import { DEFAULT_THRESHOLDS } from "../../analysis/thresholds.js";
import { loadTemplates, readAccount, readRules } from "../../batch/resources.js";
import { todayIso } from "../../dates.js";
import { formatIssue } from "../../errors.js";
import { formatAnalysisReport } from "../analysis-report.js";
import type { Io } from "../io.js";
import { parseDateOption, resolveAsOf } from "../options.js";

export interface AnalyzeOptions {
  json?: boolean;
  asOf?: string;
  rules?: string;
  templates?: string;
}

export function analyzeCommand(file: string, options: AnalyzeOptions, io: Io): number {
  const cliAsOf = parseDateOption("--as-of", options.asOf);
  const thresholds = options.rules ? readRules(options.rules) : DEFAULT_THRESHOLDS;
  const templates = loadTemplates(options.templates);
  const today = todayIso();
  const { account, warnings } = readAccount(file, { asOf: cliAsOf, today });
  for (const warning of warnings) io.err(`warning: ${formatIssue(warning)}`);
  const analysis = analyseAccount(account, {
    asOf: resolveAsOf(account, cliAsOf, today),
    templates,
    thresholds,
  });
  io.out(options.json ? JSON.stringify(analysisToJson(analysis), null, 2) : formatAnalysisReport(analysis));
  return 0;
}
