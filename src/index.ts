import type { Thresholds } from "./analysis/thresholds.js";
import type { GenerateResult } from "./batch/generate.js";
import type { Shard } from "./batch/shard.js";
import { todayIso, type IsoDate } from "./dates.js";
import type { Audience, Deck, DeckKind, ImageData, Theme } from "./deck/deck-model.js";
import { imageInfo } from "./deck/image-info.js";
import type { Provenance } from "./deck/slides/appendix.js";
import type { Account } from "./input/account-schema.js";
import { loadAccountWithWarnings } from "./input/load-account.js";
import type { DeckSettings } from "./input/deck-settings.js";
import { loadTemplates, readDeckSettings, readRules } from "./io/resources.js";
import type { Io } from "./io/terminal.js";
import { brandRenderOptions, loadTheme } from "./io/theme-file.js";
import * as pipeline from "./pipeline.js";
import type { AccountAnalyses } from "./pipeline.js";
import { loadRenderer, type OutputFormat, type RenderOptions } from "./render/renderer.js";
import type { TemplateSet } from "./text/template-set.js";
import { VERSION } from "./version.js";

/**
 * qbr-deck's programmatic API: the stages of `qbr generate` one by one (load → analyse → build →
 * render), and generate() for the whole command. Nothing here writes to the console or ends the
 * process; errors are thrown as the classes exported below. Options left out take the CLI's
 * defaults (the package's own templates, theme and thresholds; today's date).
 */

export type { Account } from "./input/account-schema.js";
export type { Analysis, Finding } from "./analysis/analyse-account.js";
export type { Thresholds } from "./analysis/thresholds.js";
export type { DeckSettings } from "./input/deck-settings.js";
export type { AccountAnalyses } from "./pipeline.js";
export type { Audience, Block, Deck, DeckKind, ImageData, Slide, Theme } from "./deck/deck-model.js";
export type { OutputFormat, RenderOptions } from "./render/renderer.js";
export type { BrandFont, BrandFonts } from "./render/brand-fonts.js";
export type { GenerateResult } from "./batch/generate.js";
export type { Manifest, ManifestAccount } from "./batch/manifest.js";
export type { Io } from "./io/terminal.js";
export type { IsoDate } from "./dates.js";
export type { ValidationIssue } from "./errors.js";
export { formatIssue, InvalidInputError, OutputError, QbrError, UsageError } from "./errors.js";
export { VERSION } from "./version.js";

/** An account file's text (YAML or JSON) → a validated Account; throws InvalidInputError listing every problem. */
export function loadAccount(text: string | Uint8Array, fileName: string): Account {
  const bytes = typeof text === "string" ? new TextEncoder().encode(text) : text;
  return loadAccountWithWarnings(fileName, bytes).account;
}

export interface AnalyzeAccountOptions {
  /** The review date; default the account's review.asOf, else `today`. */
  asOf?: IsoDate;
  /** Default: the current date. */
  today?: IsoDate;
  /** The previous review date for "what changed"; default one quarter before; null for none. */
  compareTo?: IsoDate | null;
  /** A folder of templates replacing the default wording (like --templates). */
  templatesDir?: string;
  /** Finding thresholds, or a YAML/JSON rules file (like --rules). */
  thresholds?: Thresholds | string;
}

function templatesOf(options: { templatesDir?: string }): TemplateSet {
  return loadTemplates(options.templatesDir);
}

/** The account's figures and findings at its review date, and at the previous one for "what changed". */
export function analyzeAccount(account: Account, options: AnalyzeAccountOptions = {}): AccountAnalyses {
  const { thresholds } = options;
  return pipeline.analyzeAccount(account, {
    asOf: options.asOf,
    today: options.today ?? todayIso(),
    compareTo: options.compareTo,
    templates: templatesOf(options),
    thresholds: typeof thresholds === "string" ? readRules(thresholds) : thresholds,
  });
}

export interface BuildDecksOptions {
  /** Default ["qbr"]. */
  kinds?: readonly DeckKind[];
  /** Default ["internal"]: the CSM's preparation deck. "customer" is the sponsor-facing one. */
  audiences?: readonly Audience[];
  /** The same folder given to analyzeAccount, if any. */
  templatesDir?: string;
  /** A YAML theme file (like --theme), or a theme already loaded. */
  theme?: string | Theme;
  /** The account's logo: PNG or JPEG bytes (anything else is left out), or an image already read. */
  logo?: Uint8Array | ImageData | null;
  /** Written as each document's creator; default "qbr-deck <version>". */
  producer?: string;
  /** Where the figures come from; internal decks (and customer decks with customerAppendix) end with it. */
  provenance?: Provenance | null;
  customerAppendix?: boolean;
  /** Customer decks print value ÷ ARR only at or above this multiple; default 1. */
  customerRatioMin?: number;
  /** The slides to leave out per kind and audience, like a `--deck` file (a path, or the settings). */
  deck?: string | DeckSettings;
}

function logoOf(logo: BuildDecksOptions["logo"]): ImageData | null {
  if (!logo) return null;
  return logo instanceof Uint8Array ? imageInfo(logo) : logo;
}

/** One deck per kind × audience (kinds outermost): renderer-neutral data, ready for renderDeck. */
export function buildDecks(analyses: AccountAnalyses, options: BuildDecksOptions = {}): Deck[] {
  return pipeline.buildDecks(analyses, {
    kinds: options.kinds ?? ["qbr"],
    audiences: options.audiences ?? ["internal"],
    theme: typeof options.theme === "object" ? options.theme : loadTheme(options.theme),
    templates: templatesOf(options),
    logo: logoOf(options.logo),
    producer: options.producer ?? `qbr-deck ${VERSION}`,
    provenance: options.provenance ?? null,
    customerAppendix: options.customerAppendix,
    customerRatioMin: options.customerRatioMin,
    ...(options.deck
      ? { deckSettings: typeof options.deck === "string" ? readDeckSettings(options.deck) : options.deck }
      : {}),
  });
}

export interface RenderDeckOptions extends RenderOptions {
  /** Problems that did not stop rendering (a glyph the font lacks, say); default: ignored. */
  onWarning?: (message: string) => void;
  /**
   * The theme file given to buildDecks: its company template (PPTX) and brand font files (PDF)
   * are read from it, as `qbr generate --theme` does.
   */
  theme?: string;
}

/** A deck's file bytes. The renderer (pptxgenjs, pdfkit or the HTML writer) is loaded on first use. */
export async function renderDeck(
  deck: Deck,
  format: OutputFormat,
  options: RenderDeckOptions = {},
): Promise<Uint8Array> {
  const { onWarning, theme, ...given } = options;
  const renderOptions = theme ? { ...brandRenderOptions(theme), ...given } : given;
  const result = await (await loadRenderer(format)).render(deck, renderOptions);
  for (const warning of result.warnings) onWarning?.(warning);
  return result.bytes;
}

export interface GenerateOptions extends Omit<AnalyzeAccountOptions, "thresholds"> {
  /** Output folder; default "out". */
  outDir?: string;
  /** Default ["pptx", "pdf"]. */
  formats?: readonly OutputFormat[];
  kinds?: readonly DeckKind[];
  audiences?: readonly Audience[];
  /** Only accounts whose renewal is this many days ahead or fewer. */
  renewalWithinDays?: number;
  customerAppendix?: boolean;
  /** Customer decks print value ÷ ARR only at or above this multiple; default 1. */
  customerRatioMin?: number;
  themeFile?: string;
  rulesFile?: string;
  /** Like --deck: a YAML/JSON file of the slides to leave out per kind and audience. */
  deckFile?: string;
  allowOutsideAssets?: boolean;
  render?: RenderOptions;
  /** Accounts rendered at once on worker threads; default one per core. */
  concurrency?: number;
  shard?: Shard;
  /** Render every account again, even those unchanged since the last run. */
  force?: boolean;
  accountTimeoutMs?: number;
  /** Where progress and warnings go; default nowhere. */
  io?: Io;
}

const SILENT: Io = { out: () => {}, err: () => {}, isTty: false };

/**
 * What `qbr generate` does: every account file in `inputs` (files, folders, globs) to decks in
 * `outDir`, with manifest.json and, for several accounts, the portfolio summary. One failing
 * account does not stop the others: it is listed in the result's `failures`.
 */
export async function generate(
  inputs: readonly string[],
  options: GenerateOptions = {},
): Promise<GenerateResult> {
  const { generateRun } = await import("./batch/generate.js");
  return generateRun(
    inputs,
    {
      settings: {
        outDir: options.outDir ?? "out",
        formats: [...(options.formats ?? ["pptx", "pdf"])],
        audiences: [...(options.audiences ?? ["internal"])],
        kinds: [...(options.kinds ?? ["qbr"])],
        asOf: options.asOf,
        today: options.today ?? todayIso(),
        renewalWithinDays: options.renewalWithinDays,
        compareTo: options.compareTo,
        customerAppendix: options.customerAppendix ?? false,
        customerRatioMin: options.customerRatioMin,
        themeFile: options.themeFile,
        templatesDir: options.templatesDir,
        rulesFile: options.rulesFile,
        ...(options.deckFile ? { deckFile: options.deckFile } : {}),
        ...(options.allowOutsideAssets ? { allowOutsideAssets: true } : {}),
        render: options.render ?? {},
      },
      shard: options.shard,
      concurrency: options.concurrency,
      force: options.force,
      accountTimeoutMs: options.accountTimeoutMs,
    },
    options.io ?? SILENT,
  );
}
