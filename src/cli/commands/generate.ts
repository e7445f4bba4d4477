import { readFileSync } from "node:fs";
import { discoverAccountFiles, requireInputs } from "../../batch/discover.js";
import { generateAccount, type GenerateSettings } from "../../batch/generate-account.js";
import { todayIso } from "../../dates.js";
import type { Audience, DeckKind } from "../../deck/deck-model.js";
import { formatIssue, InvalidInputError, isQbrError, UsageError } from "../../errors.js";
import { OUTPUT_FORMATS, type OutputFormat } from "../../render/renderer.js";
import type { Io } from "../io.js";
import { parseDateOption, parseIntegerOption } from "../options.js";

export interface GenerateCliOptions {
  output: string;
  format: string;
  audience: string;
  kind: string;
  asOf?: string;
  renewalWithin?: string;
  theme?: string;
  templates?: string;
  rules?: string;
  pdfPassword?: string;
  pdfPasswordFile?: string;
  pdfStandard?: string;
  compareTo?: string;
  appendix?: boolean;
  debug?: boolean;
}

function parseList<T extends string>(name: string, value: string, allowed: readonly T[]): T[] {
  const items = [
    ...new Set(
      value
        .split(",")
        .map((item) => item.trim())
        .filter(Boolean),
    ),
  ];
  const bad = items.filter((item) => !allowed.includes(item as T));
  if (items.length === 0 || bad.length > 0) {
    throw new UsageError(`${name} ${value}: expected ${allowed.join(" or ")} (comma-separated for several)`);
  }
  return items as T[];
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
    templatesDir: options.templates,
    rulesFile: options.rules,
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
  const files = await discoverAccountFiles(inputs);
  if (files.length === 0)
    throw new UsageError(`no account files (*.yaml, *.yml, *.json) found in ${inputs.join(", ")}`);
  const single = files.length === 1;
  let failed = 0;
  for (const file of files) {
    try {
      const outcome = await generateAccount(file, settings);
      if (outcome.status === "filtered") {
        io.out(`${file}: skipped (${outcome.reason})`);
        continue;
      }
      for (const warning of outcome.warnings) io.err(`warning: ${warning}`);
      for (const written of outcome.files)
        io.out(`${written.path} (${written.format}, ${written.audience}, ${written.bytes} bytes)`);
    } catch (error) {
      if (single) throw error;
      failed++;
      if (error instanceof InvalidInputError) for (const issue of error.issues) io.err(formatIssue(issue));
      else
        io.err(
          `${file}: ${isQbrError(error) || !options.debug ? (error as Error).message : (error as Error).stack}`,
        );
    }
  }
  return failed > 0 ? 1 : 0;
}
