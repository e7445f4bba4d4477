import { readFileSync } from "node:fs";
import { discoverAccountFiles, requireInputs } from "../../batch/discover.js";
import type { GenerateSettings } from "../../batch/generate-account.js";
import { signalExitCode } from "../../batch/interrupt.js";
import { prepareOutputFolder } from "../../batch/output-folder.js";
import { defaultConcurrency, maxConcurrency } from "../../batch/pool.js";
import { runBatch } from "../../batch/run-batch.js";
import { parseShard } from "../../batch/shard.js";
import { todayIso } from "../../dates.js";
import type { Audience, DeckKind } from "../../deck/deck-model.js";
import { UsageError } from "../../errors.js";
import { isWorkbookFile } from "../../input/spreadsheet/read-table.js";
import { OUTPUT_FORMATS, type OutputFormat } from "../../render/renderer.js";
import type { Io } from "../io.js";
import { parseDateOption, parseIntegerOption, parseList, parseSecondsOption } from "../options.js";
import { reportBatch, reportSingleAccount } from "./batch-report.js";

export interface GenerateCliOptions {
  output: string;
  format: string;
  audience: string;
  kind: string;
  asOf?: string;
  renewalWithin?: string;
  theme?: string;
  template?: string;
  templates?: string;
  rules?: string;
  pdfPassword?: string;
  pdfPasswordFile?: string;
  pdfStandard?: string;
  compareTo?: string;
  appendix?: boolean;
  concurrency?: string;
  accountTimeout?: string;
  shard?: string;
  force?: boolean;
  allowOutsideAssets?: boolean;
  debug?: boolean;
}

/** The PDF password from --pdf-password-file, the QBR_PDF_PASSWORD variable, or --pdf-password. */
function pdfPassword(options: GenerateCliOptions, env: NodeJS.ProcessEnv): string | undefined {
  if (options.pdfPasswordFile) {
    try {
      return readFileSync(options.pdfPasswordFile, "utf8").replace(/\r?\n$/, "");
    } catch {
      throw new UsageError(`--pdf-password-file ${options.pdfPasswordFile}: cannot read the file`);
    }
  }
  return options.pdfPassword ?? env.QBR_PDF_PASSWORD ?? undefined;
}

export function generateSettings(
  options: GenerateCliOptions,
  env: NodeJS.ProcessEnv = process.env,
): GenerateSettings {
  const password = pdfPassword(options, env);
  if (password !== undefined && password.length === 0) throw new UsageError("the PDF password is empty");
  if (options.pdfStandard !== undefined && options.pdfStandard !== "pdfa-2b") {
    throw new UsageError(`--pdf-standard ${options.pdfStandard}: expected pdfa-2b`);
  }
  if (options.pdfStandard && password) {
    throw new UsageError(
      "--pdf-standard pdfa-2b and a PDF password cannot be combined: PDF/A forbids encryption",
    );
  }
  return {
    outDir: options.output,
    formats: parseList<OutputFormat>("--format", options.format, OUTPUT_FORMATS),
    audiences: parseList<Audience>("--audience", options.audience, ["internal", "customer"]),
    kinds: parseList<DeckKind>("--kind", options.kind, ["qbr", "renewal"]),
    asOf: parseDateOption("--as-of", options.asOf),
    today: todayIso(),
    renewalWithinDays: parseIntegerOption("--renewal-within", options.renewalWithin, 0),
    compareTo: options.compareTo === "none" ? null : parseDateOption("--compare-to", options.compareTo),
    customerAppendix: options.appendix ?? false,
    themeFile: options.theme,
    // Only when given, so the input hash of ordinary runs is what it was before the option existed.
    ...(options.template ? { templateFile: options.template } : {}),
    templatesDir: options.templates,
    rulesFile: options.rules,
    // Only when given, so the input hash of ordinary runs is what it was before the option existed.
    ...(options.allowOutsideAssets ? { allowOutsideAssets: true } : {}),
    render: {
      pdfUserPassword: password,
      pdfOwnerPassword: env.QBR_PDF_OWNER_PASSWORD || undefined,
      pdfStandard: options.pdfStandard === "pdfa-2b" ? "pdfa-2b" : undefined,
    },
  };
}

/** --concurrency, capped: more workers than a few per core only add memory and slow the run. */
function concurrencyOption(value: string | undefined, io: Io): number {
  const requested = parseIntegerOption("--concurrency", value, 1) ?? defaultConcurrency();
  const limit = maxConcurrency();
  if (requested <= limit) return requested;
  io.err(
    `note: --concurrency ${requested} is more than this machine can use; rendering ${limit} accounts at a time (4 per core)`,
  );
  return limit;
}

/** A --compare-to on or after --as-of leaves "what changed" out: say so rather than drop it silently. */
function warnAboutCompareTo(settings: GenerateSettings, io: Io): void {
  if (settings.asOf && settings.compareTo && settings.compareTo >= settings.asOf) {
    io.err(
      `warning: --compare-to ${settings.compareTo} is not before --as-of ${settings.asOf}; the decks have no "what changed" slide`,
    );
  }
}

/** `qbr generate`: decks for every account named; one failing account never stops the others. */
export async function generateCommand(
  inputs: string[],
  options: GenerateCliOptions,
  io: Io,
): Promise<number> {
  requireInputs(inputs);
  const settings = generateSettings(options);
  const shard = parseShard(options.shard);
  const concurrency = concurrencyOption(options.concurrency, io);
  const timeoutSeconds = parseSecondsOption("--account-timeout", options.accountTimeout);
  const { files, skippedLinks, unreadableFolders } = await discoverAccountFiles(inputs);
  for (const link of skippedLinks) io.err(`warning: ${link.path} — ${link.message}`);
  const workbook = files.find(isWorkbookFile);
  if (workbook) {
    // Workbooks join the batch with the planned pipeline restructuring (issue 11); until then, one step more.
    throw new UsageError(
      `${workbook}: generate reads account files; export the workbook first: qbr export ${workbook} -o accounts/ && qbr generate accounts/`,
    );
  }
  if (files.length === 0) {
    const unread = unreadableFolders.map((folder) => `${folder.path} — ${folder.message}`);
    throw new UsageError(
      [`no account files (*.yaml, *.yml, *.json) found in ${inputs.join(", ")}`, ...unread].join("\n"),
    );
  }
  prepareOutputFolder(settings.outDir);
  warnAboutCompareTo(settings, io);
  const result = await runBatch(
    files,
    {
      settings,
      shard,
      concurrency,
      force: Boolean(options.force),
      unreadableFolders,
      ...(timeoutSeconds ? { accountTimeoutMs: timeoutSeconds * 1000 } : {}),
    },
    io,
  );
  if (files.length === 1 && !shard && unreadableFolders.length === 0) {
    // SPEC: a single file keeps its own exit code (2 for invalid input), like `qbr validate`.
    const failure = result.failures.find((candidate) => candidate.source !== "portfolio");
    if (failure) throw failure.cause ?? new Error(failure.oneLine);
    reportSingleAccount(result, settings.outDir, io);
  } else {
    reportBatch(result, settings, io, options.debug);
  }
  if (result.interrupted) return signalExitCode(result.interrupted);
  // Without a manifest, a run that wrote no deck produced nothing usable: like an unwritable -o.
  if (result.manifestError && result.counts.written === 0) return 2;
  return result.failures.length > 0 || result.manifestError ? 1 : 0;
}
