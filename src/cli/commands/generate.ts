import { readFileSync } from "node:fs";
import { requireInputs } from "../../io/discover.js";
import type { GenerateSettings } from "../../batch/generate-account.js";
import { signalExitCode } from "../../batch/interrupt.js";
import { generateRun } from "../../batch/generate.js";
import { parseShard } from "../../batch/shard.js";
import { todayIso } from "../../dates.js";
import type { Audience, DeckKind } from "../../deck/deck-model.js";
import { DECK_KIND_NAMES } from "../../deck/kinds/index.js";
import { UsageError } from "../../errors.js";
import { OUTPUT_FORMATS, type OutputFormat } from "../../render/renderer.js";
import type { Io } from "../../io/terminal.js";
import { parseDateOption, parseIntegerOption, parseList, parseSecondsOption } from "../options.js";
import { reportBatch, reportPasswords, reportSingleAccount } from "./batch-report.js";

export interface GenerateCliOptions {
  output: string;
  format: string;
  audience: string;
  kind: string;
  asOf?: string;
  renewalWithin?: string;
  meetingWithin?: string;
  pdfPasswordPerAccount?: boolean;
  theme?: string;
  template?: string;
  templates?: string;
  rules?: string;
  deck?: string;
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
  if (options.pdfPasswordPerAccount && password !== undefined) {
    throw new UsageError(
      "--pdf-password-per-account gives each account its own password: leave out --pdf-password, --pdf-password-file and QBR_PDF_PASSWORD",
    );
  }
  if (options.pdfStandard && (password || options.pdfPasswordPerAccount)) {
    throw new UsageError(
      "--pdf-standard pdfa-2b and a PDF password cannot be combined: PDF/A forbids encryption",
    );
  }
  return {
    outDir: options.output,
    formats: parseList<OutputFormat>("--format", options.format, OUTPUT_FORMATS),
    audiences: parseList<Audience>("--audience", options.audience, ["internal", "customer"]),
    kinds: parseList<DeckKind>("--kind", options.kind, DECK_KIND_NAMES),
    asOf: parseDateOption("--as-of", options.asOf),
    today: todayIso(),
    renewalWithinDays: parseIntegerOption("--renewal-within", options.renewalWithin, 0),
    // Only when given, so the input hash of ordinary runs is what it was before these options existed.
    ...(options.meetingWithin !== undefined
      ? { meetingWithinDays: parseIntegerOption("--meeting-within", options.meetingWithin, 0) }
      : {}),
    ...(options.pdfPasswordPerAccount ? { pdfPasswordPerAccount: true } : {}),
    compareTo: options.compareTo === "none" ? null : parseDateOption("--compare-to", options.compareTo),
    customerAppendix: options.appendix ?? false,
    themeFile: options.theme,
    // Only when given, so the input hash of ordinary runs is what it was before the option existed.
    ...(options.template ? { templateFile: options.template } : {}),
    templatesDir: options.templates,
    rulesFile: options.rules,
    // Only when given, so the input hash of ordinary runs is what it was before the option existed.
    ...(options.deck ? { deckFile: options.deck } : {}),
    // Only when given, so the input hash of ordinary runs is what it was before the option existed.
    ...(options.allowOutsideAssets ? { allowOutsideAssets: true } : {}),
    render: {
      pdfUserPassword: password,
      pdfOwnerPassword: env.QBR_PDF_OWNER_PASSWORD || undefined,
      pdfStandard: options.pdfStandard === "pdfa-2b" ? "pdfa-2b" : undefined,
    },
  };
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
  const concurrency = parseIntegerOption("--concurrency", options.concurrency, 1);
  const timeoutSeconds = parseSecondsOption("--account-timeout", options.accountTimeout);
  const result = await generateRun(
    inputs,
    {
      settings,
      shard,
      concurrency,
      force: Boolean(options.force),
      ...(timeoutSeconds ? { accountTimeoutMs: timeoutSeconds * 1000 } : {}),
    },
    io,
  );
  if (result.accountFiles.length === 1 && !shard && result.unreadableFolders.length === 0) {
    // SPEC: a single file keeps its own exit code (2 for invalid input), like `qbr validate`.
    const failure = result.failures.find((candidate) => candidate.source !== "portfolio");
    if (failure) throw failure.cause ?? new Error(failure.oneLine);
    reportSingleAccount(result, settings.outDir, io);
    reportPasswords(result, io);
  } else {
    reportBatch(result, settings, io, options.debug);
    reportPasswords(result, io);
  }
  if (result.interrupted) return signalExitCode(result.interrupted);
  // Without a manifest, a run that wrote no deck produced nothing usable: like an unwritable -o.
  if (result.manifestError && result.counts.written === 0) return 2;
  return result.failures.length > 0 || result.manifestError ? 1 : 0;
}
