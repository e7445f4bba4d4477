#!/usr/bin/env node
import { realpathSync } from "node:fs";
import module from "node:module";
import { fileURLToPath } from "node:url";
import { Command, CommanderError, Option } from "commander";
import { formatIssue, InvalidInputError, isQbrError } from "../errors.js";
import { VERSION } from "../version.js";
import { processIo, type Io } from "../io/terminal.js";
import { finishPrestart, prestartForOneAccount, type PrestartOptions } from "./prestart.js";

/** What only the process entry adds to a command: work that changes the whole process. */
export interface ProcessHooks {
  /** Called with `generate`'s arguments as soon as they are parsed (cli/prestart.ts). */
  beforeGenerate?: (inputs: readonly string[], options: PrestartOptions) => void;
}

/**
 * The entry point. Commands are imported lazily (so `qbr --help` and `qbr validate` never load
 * pptxgenjs or pdfkit); `run` returns the exit code and only `main` ends the process. `run` leaves
 * the process as it found it, so tests can call it in theirs: `hooks` are for `main` alone.
 */
export async function run(
  argv: readonly string[],
  io: Io = processIo,
  hooks: ProcessHooks = {},
): Promise<number> {
  const program = new Command("qbr");
  let exitCode = 0;
  program
    .description(
      "Value-realization figures, hidden-risk findings and QBR/renewal decks from customer account files.",
    )
    .version(VERSION, "-V, --version")
    .option("--debug", "print stack traces for errors")
    .showHelpAfterError("(run qbr --help for usage)")
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.out(text), writeErr: (text) => io.err(text) });

  program
    .command("validate")
    .description("check account files and list every problem (exit 0 valid, 2 invalid)")
    .argument("<inputs...>", "account files, folders, globs or portfolio workbooks (.xlsx)")
    .action(async (inputs: string[]) => {
      const { validateCommand } = await import("./commands/validate.js");
      exitCode = await validateCommand(inputs, io);
    });

  program
    .command("analyze")
    .description("print an account's figures and findings (--json: the machine-readable object)")
    .argument("<file>", "account file (YAML or JSON), or a portfolio workbook (.xlsx) with --account")
    .option("--account <id>", "the account of a workbook to analyse")
    .option("--json", "print the analysis as JSON on stdout")
    .option("--as-of <date>", "compute the figures at this date (YYYY-MM-DD)")
    .option("--rules <file>", "YAML/JSON file overriding the finding thresholds")
    .option("--templates <dir>", "folder of templates replacing the default wording")
    .action(async (file: string, options) => {
      const { analyzeCommand } = await import("./commands/analyze.js");
      exitCode = await analyzeCommand(file, options, io);
    });

  program
    .command("insights")
    .description(
      "check the risk rules against recorded renewal outcomes (contract.outcome); patterns across accounts (internal)",
    )
    .argument("<inputs...>", "account files, folders, globs or portfolio workbooks (.xlsx)")
    .option("--lead-days <days>", "replay the rules this many days before each outcome", "120")
    .option("--rules <file>", "YAML/JSON file overriding the finding thresholds")
    .option("--templates <dir>", "folder of templates replacing the default wording")
    .option("--theme <file>", "theme file for the insights deck")
    .option("--json", "print the insights as JSON on stdout (no deck)")
    .option("-o, --output <dir>", "folder for insights-internal.csv, .pdf and .pptx", "out")
    .action(async (inputs: string[], options) => {
      const { insightsCommand } = await import("./commands/insights.js");
      exitCode = await insightsCommand(inputs, options, io);
    });

  program
    .command("schema")
    .description("print the JSON Schema of the account file (for editor validation and completion)")
    .action(async () => {
      const { schemaCommand } = await import("./commands/schema.js");
      exitCode = schemaCommand(io);
    });

  program
    .command("init")
    .description("write a commented starter account file (and its JSON Schema) to fill in")
    .argument("[dir]", "folder to write account.yaml into", ".")
    .addOption(new Option("--force", "overwrite an existing account.yaml (or workbook)"))
    .option("--workbook <file>", "write a portfolio workbook (.xlsx) with one example account instead")
    .action(async (dir: string, options: { force?: boolean; workbook?: string }) => {
      const { initCommand } = await import("./commands/init.js");
      exitCode = await initCommand(dir, options, io);
    });

  program
    .command("export")
    .description(
      "account files into one portfolio workbook (-o plans.xlsx), or a workbook's accounts into files (-o dir)",
    )
    .argument("<inputs...>", "account files, folders, globs or workbooks")
    .option("-o, --output <target>", "a .xlsx workbook, or a folder for YAML account files")
    .option("--force", "overwrite existing files")
    .action(async (inputs: string[], options: { output?: string; force?: boolean }) => {
      const { exportCommand } = await import("./commands/export.js");
      exitCode = await exportCommand(inputs, options, io);
    });

  program
    .command("import")
    .description(
      "add measurements from a CSV/XLSX export to the account files (comments and formatting kept)",
    )
    .argument("<file>", "measurements: .csv or .xlsx, one row per account, goal, date and value")
    .option(
      "--into <dir|plans.xlsx>",
      "folder of account files (searched recursively), or a portfolio workbook (its Actuals sheet)",
    )
    .option("--sheet <name>", "the workbook's sheet to read (default: the first)")
    .option("--map <file>", "YAML file naming the export's headers for account, goal, date, value, note")
    .option("--date-format <format>", "YYYY-MM-DD, DD/MM/YYYY, MM/DD/YYYY or DD.MM.YYYY", "YYYY-MM-DD")
    .option("--replace", "write imported values over different values already recorded on the same date")
    .option("--dry-run", "print what would change, write nothing")
    .action(async (file: string, options) => {
      const { importCommand } = await import("./commands/import.js");
      exitCode = await importCommand(file, options, io);
    });

  program
    .command("generate")
    .description("render QBR or renewal decks (PPTX, PDF, HTML) for account files, folders or globs")
    .argument("<inputs...>", "account files, folders (searched recursively) or globs")
    .option("-o, --output <dir>", "output folder", "out")
    .option("-f, --format <formats>", "pptx, pdf, html; comma-separated for several", "pptx,pdf")
    .option(
      "--audience <audience>",
      "internal (CSM preparation) or customer (sponsor-facing); comma-separated for both",
      "internal",
    )
    .option(
      "--kind <kind>",
      "qbr (the quarter), renewal (the contract term), kickoff (the success plan) or onepager (the ROI one-pager); comma-separated for several",
      "qbr",
    )
    .option("--as-of <date>", "compute the figures at this date (YYYY-MM-DD)")
    .option("--renewal-within <days>", "only accounts whose renewal is within DAYS of the as-of date")
    .option(
      "--meeting-within <days>",
      "only accounts whose review.meetingDate is within DAYS of the as-of date (a weekly run: 7)",
    )
    .option("--theme <file>", "YAML theme file (colours, fonts, logo placement)")
    .option("--template <file>", "company PowerPoint template (.potx or .pptx) the PPTX decks are built on")
    .option("--templates <dir>", "folder of templates replacing the default wording")
    .option("--rules <file>", "YAML/JSON file overriding the finding thresholds")
    .option(
      "--deck <file>",
      "YAML/JSON file of the slides to leave out per kind and audience, e.g. qbr: { customer: { hide: [value] } }",
    )
    .option(
      "--pdf-password <password>",
      "password to open the PDF (prefer --pdf-password-file or QBR_PDF_PASSWORD)",
    )
    .option("--pdf-password-file <file>", "read the PDF password from a file")
    .option(
      "--pdf-password-per-account",
      "give each account's customer PDF its own random password, listed in passwords.csv (owner-only)",
    )
    .option("--pdf-standard <standard>", "pdfa-2b: archival PDF/A-2b (cannot be combined with a password)")
    .option(
      "--compare-to <date>",
      "previous review date for the 'what changed' slide (default: one quarter before as-of; 'none' to leave it out)",
    )
    .option("--appendix", "add the provenance appendix to customer decks too (internal decks always have it)")
    .option(
      "--concurrency <n>",
      "accounts rendered in parallel on worker threads (default: number of cores; at most 4 per core)",
    )
    .option(
      "--account-timeout <seconds>",
      "in a batch, stop an account whose render takes longer than this; it fails alone (default: 120)",
    )
    .option("--shard <k/n>", "render only share K of N (job arrays); join them with qbr merge-manifests")
    .option("--force", "render every account again, even those unchanged since the last run")
    .option(
      "--allow-outside-assets",
      "read logos outside the account file's folder (absolute paths, ../, links); only for trusted account files",
    )
    .action(async (inputs: string[], options) => {
      hooks.beforeGenerate?.(inputs, options);
      const { generateCommand } = await import("./commands/generate.js");
      exitCode = await generateCommand(inputs, { ...options, debug: program.opts().debug }, io);
    });

  program
    .command("preview")
    .description(
      "serve an account's deck as a web page on 127.0.0.1 that updates on every save (Ctrl-C stops)",
    )
    .argument("<file>", "account file (YAML or JSON)")
    .option("--port <port>", "port to listen on (default: a free one)")
    .option("--open", "open the page in the default browser")
    .option("--audience <audience>", "internal (CSM preparation) or customer (sponsor-facing)", "internal")
    .option("--kind <kind>", "qbr, renewal, kickoff or onepager", "qbr")
    .option("--as-of <date>", "compute the figures at this date (YYYY-MM-DD)")
    .option(
      "--compare-to <date>",
      "previous review date for the 'what changed' slide (default: one quarter before as-of; 'none' to leave it out)",
    )
    .option("--appendix", "add the provenance appendix to a customer deck too")
    .option("--theme <file>", "YAML theme file (colours, fonts, logo placement)")
    .option(
      "--template <file>",
      "company PowerPoint template (.potx or .pptx) whose colours and fonts to use",
    )
    .option("--templates <dir>", "folder of templates replacing the default wording")
    .option("--rules <file>", "YAML/JSON file overriding the finding thresholds")
    .option("--deck <file>", "YAML/JSON file of the slides to leave out per kind and audience")
    .option(
      "--allow-outside-assets",
      "read logos outside the account file's folder (absolute paths, ../, links); only for trusted account files",
    )
    .action(async (file: string, options) => {
      const { previewCommand } = await import("./commands/preview.js");
      exitCode = await previewCommand(file, options, io);
    });

  program
    .command("merge-manifests")
    .description("join the manifests of sharded runs and build the portfolio summary from them")
    .argument("<dirs...>", "output folders (or manifest files) of the shards")
    .option("-o, --output <dir>", "folder for the merged manifest and the portfolio", "out")
    .action(async (dirs: string[], options: { output: string }) => {
      const { mergeManifestsCommand } = await import("./commands/merge-manifests.js");
      exitCode = await mergeManifestsCommand(dirs, { ...options, debug: program.opts().debug }, io);
    });

  program
    .command("send")
    .description(
      "email customer PDFs: write an outbox of .eml files to review (default), then --test-to or --send them",
    )
    .argument("<out-dir>", "output folder of qbr generate (holds manifest.json)")
    .option("--roles <roles>", "stakeholder roles to mail, comma-separated (default executive-sponsor)")
    .option("--kinds <kinds>", "deck kinds whose customer PDF is attached, comma-separated (default qbr)")
    .option("--attach <kinds>", "further customer PDFs to attach when the manifest has them (e.g. onepager)")
    .option(
      "--from <address>",
      'sender, e.g. "Dana Reyes <dana@vendor.example>" (needed to write the outbox)',
    )
    .option("--templates <dir>", "folder whose email/ replaces subject.hbs, text.hbs or html.hbs")
    .option("--test-to <address>", "send every outbox message to this address only, subject marked [TEST]")
    .option("--send", "send the messages left in the outbox to their recipients")
    .option(
      "--smtp-url <url>",
      "smtp://user@host:587 (STARTTLS) or smtps://user@host:465; default QBR_SMTP_URL",
    )
    .option("--smtp-password-file <file>", "read the SMTP password from a file (else QBR_SMTP_PASSWORD)")
    .option("--rate <n>", "at most N messages a minute", "30")
    .option("--resend", "send again to recipients who already received the same attachment")
    .option("--insecure-tls", "do not check the SMTP server's certificate")
    .action(async (outDir: string, options) => {
      const { sendCommand } = await import("./commands/send.js");
      exitCode = await sendCommand(outDir, options, io);
    });

  const debug = argv.includes("--debug");
  try {
    await program.parseAsync(argv as string[], { from: "user" });
    return exitCode;
  } catch (error) {
    return reportError(error, io, debug);
  }
}

function reportError(error: unknown, io: Io, debug: boolean): number {
  if (error instanceof CommanderError) {
    // Help and version exit 0; every other commander error is a usage error.
    return error.exitCode === 0 ||
      error.code === "commander.helpDisplayed" ||
      error.code === "commander.version"
      ? 0
      : 2;
  }
  if (error instanceof InvalidInputError) {
    for (const issue of error.issues) io.err(formatIssue(issue));
    if (debug) io.err(error.stack ?? "");
    return error.exitCode;
  }
  if (isQbrError(error)) {
    io.err(`qbr: ${error.message}`);
    if (debug) io.err(error.stack ?? "");
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.err(`qbr: internal error: ${message}${debug ? "" : " (run with --debug for the stack trace)"}`);
  if (debug && error instanceof Error) io.err(error.stack ?? "");
  return 1;
}

/** node:module's compile cache, where Node has one (≥ 22.1; Node 20, which we support, has not). */
function enableCompileCache(): void {
  const enable: unknown = Reflect.get(module, "enableCompileCache");
  if (typeof enable === "function") enable.call(module);
}

async function main(): Promise<void> {
  // V8's on-disk compile cache (Node ≥ 22.1): a second `qbr` run skips compiling the modules it
  // loads. Enabled before any command is imported (they all load lazily); a no-op on Node 20.
  enableCompileCache();
  try {
    process.exitCode = await run(process.argv.slice(2), processIo, {
      beforeGenerate: prestartForOneAccount,
    });
  } finally {
    await finishPrestart();
  }
}

function isEntryPoint(): boolean {
  if (!process.argv[1]) return false;
  try {
    return realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) await main();
