import { readAccountSources } from "../../batch/account-sources.js";
import { DEFAULT_THRESHOLDS } from "../../analysis/thresholds.js";
import { todayIso } from "../../dates.js";
import { formatIssue } from "../../errors.js";
import { buildInsights, DEFAULT_LEAD_DAYS } from "../../insights/insights.js";
import { discoverAccountFiles, requireInputs } from "../../io/discover.js";
import { prepareOutputFolder } from "../../io/output-folder.js";
import { loadTemplates, readRules } from "../../io/resources.js";
import type { Io } from "../../io/terminal.js";
import { loadTheme } from "../../io/theme-file.js";
import { formatInsightsReport } from "../insights-report.js";
import { parseIntegerOption } from "../options.js";

/**
 * `qbr insights <inputs...>`: the backtest of the risk rules against recorded outcomes and the
 * portfolio's patterns (src/insights/). Writes insights-internal.csv, and the internal insights
 * deck unless --json prints the object instead. An account that cannot be read is reported at
 * its location and left out; the others are still counted, and the exit code is then 2.
 */

export interface InsightsCliOptions {
  leadDays?: string;
  rules?: string;
  templates?: string;
  theme?: string;
  json?: boolean;
  output?: string;
}

export async function insightsCommand(
  inputs: string[],
  options: InsightsCliOptions,
  io: Io,
): Promise<number> {
  requireInputs(inputs);
  const leadDays = parseIntegerOption("--lead-days", options.leadDays, 0) ?? DEFAULT_LEAD_DAYS;
  const thresholds = options.rules ? readRules(options.rules) : DEFAULT_THRESHOLDS;
  const templates = loadTemplates(options.templates);
  const outDir = options.output ?? "out";
  const { files, skippedLinks, unreadableFolders } = await discoverAccountFiles(inputs);
  for (const link of skippedLinks) io.err(`warning: ${link.path} — ${link.message}`);
  for (const folder of unreadableFolders) io.err(`${folder.path} — ${folder.message}`);
  const read = await readAccountSources(files);
  for (const note of read.notes) io.err(`note: ${formatIssue(note)}`);
  for (const issue of read.issues) io.err(formatIssue(issue));
  if (read.accounts.length === 0) {
    io.err(`no readable accounts found in ${inputs.join(", ")}`);
    return 2;
  }
  const today = todayIso();
  const insights = buildInsights(
    read.accounts.map(({ account, file }) => ({ account, source: file })),
    { leadDays, thresholds, templates, today },
  );
  prepareOutputFolder(outDir);
  // Loaded here: the renderers are needed only for the deck.
  const { writeInsights } = await import("../../batch/write-insights.js");
  const written = await writeInsights(outDir, insights, {
    formats: options.json ? [] : ["pdf", "pptx"],
    theme: loadTheme(options.theme),
    templates,
    today,
  });
  for (const warning of written.warnings) io.err(`warning: ${warning}`);
  if (options.json) io.out(JSON.stringify(insights, null, 2));
  else io.out(formatInsightsReport(insights, written.files));
  return read.issues.length > 0 || unreadableFolders.length > 0 ? 2 : 0;
}
