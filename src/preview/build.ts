import path from "node:path";
import { DEFAULT_THRESHOLDS } from "../analysis/thresholds.js";
import { readLogo } from "../batch/generate-account.js";
import { todayIso, type IsoDate } from "../dates.js";
import type { Audience, Deck, DeckKind } from "../deck/deck-model.js";
import { formatIssue, InvalidInputError, isQbrError } from "../errors.js";
import { locateAccountAsset } from "../io/assets.js";
import { sha256 } from "../io/input-hash.js";
import { loadTemplates, readAccount, readDeckSettings, readRules } from "../io/resources.js";
import {
  brandFilesOfTheme,
  loadBrandFonts,
  loadTheme,
  templateFileOf,
  themeWarnings,
} from "../io/theme-file.js";
import { analyzeAccount, buildDecks } from "../pipeline.js";
import type { RenderOptions, RenderResult } from "../render/renderer.js";
import { VERSION } from "../version.js";
import { loadPreviewWording, type PreviewWording } from "./wording.js";

/**
 * One preview build: the account file and the files it uses → the HTML deck, through the same
 * read → analyse → build steps as `qbr generate` (batch/generate-account.ts). Every input is
 * read again on each build; the io/ caches are keyed by modification time, so only what was
 * edited is parsed again.
 */

export interface PreviewSettings {
  /** The account file. */
  source: string;
  audience: Audience;
  kind: DeckKind;
  /** --as-of; else the account's review.asOf; else today (read at each build). */
  asOf?: IsoDate;
  compareTo?: IsoDate | null;
  customerAppendix?: boolean;
  themeFile?: string;
  templateFile?: string;
  templatesDir?: string;
  rulesFile?: string;
  deckFile?: string;
  allowOutsideAssets?: boolean;
}

/** Draws a deck as one HTML page: the "html" renderer, or a stand-in in tests. */
export type RenderHtml = (deck: Deck, options: RenderOptions) => Promise<RenderResult>;

export type PreviewBuild =
  | {
      ok: true;
      html: Uint8Array;
      title: string;
      /** The page's own wording, read again with every build (a --templates folder's preview.yaml). */
      wording: PreviewWording;
      warnings: string[];
      inputs: string[];
    }
  | { ok: false; problems: string[]; inputs: string[] };

/**
 * The lines the CLI prints for an error (cli/main.ts): located `file:line:col path — message`
 * lines for invalid input, `qbr: message` for the rest.
 */
export function problemLines(error: unknown): string[] {
  if (error instanceof InvalidInputError) return error.issues.map(formatIssue);
  if (isQbrError(error)) return [`qbr: ${error.message}`];
  return [`qbr: internal error: ${error instanceof Error ? error.message : String(error)}`];
}

/**
 * The files a build reads, known before reading any: the account and the files named on the
 * command line, and the company template and font and logo files a theme file names (when it
 * can be read), so that saving a new version of the brand font shows it.
 */
export function namedInputs(settings: PreviewSettings): string[] {
  const template = templateFileOf(settings.themeFile, settings.templateFile);
  return [
    settings.source,
    settings.themeFile,
    template,
    settings.templatesDir,
    settings.rulesFile,
    settings.deckFile,
    ...brandFilesOfTheme(settings.themeFile),
  ].filter((file): file is string => file !== undefined);
}

export async function buildPreview(settings: PreviewSettings, render: RenderHtml): Promise<PreviewBuild> {
  const inputs = namedInputs(settings);
  try {
    const today = todayIso();
    const { source } = settings;
    const { account, bytes, warnings: loaded } = readAccount(source, { asOf: settings.asOf, today });
    const warnings = loaded.map(formatIssue);
    if (account.account.logo) {
      const logo = locateAccountAsset(source, account.account.logo, settings.allowOutsideAssets ?? false);
      if ("file" in logo) inputs.push(logo.file);
    }
    const templates = loadTemplates(settings.templatesDir);
    // The page's wording is an input like the deck's: an invalid preview.yaml is a located
    // problem shown over the last good page (which keeps the wording it was built with).
    const wording = loadPreviewWording(settings.templatesDir);
    const analyses = analyzeAccount(account, {
      asOf: settings.asOf,
      today,
      compareTo: settings.compareTo,
      kinds: [settings.kind],
      templates,
      thresholds: settings.rulesFile ? readRules(settings.rulesFile) : DEFAULT_THRESHOLDS,
    });
    const theme = loadTheme(settings.themeFile, settings.templateFile);
    warnings.push(...themeWarnings(settings.themeFile, settings.templateFile));
    const [deck] = buildDecks(analyses, {
      kinds: [settings.kind],
      audiences: [settings.audience],
      theme,
      templates,
      logo: readLogo(source, account.account.logo, settings.allowOutsideAssets ?? false, warnings),
      producer: `qbr-deck ${VERSION}`,
      provenance: { sourceName: path.basename(source), sha256: sha256(bytes), toolVersion: VERSION },
      customerAppendix: settings.customerAppendix,
      ...(settings.deckFile ? { deckSettings: readDeckSettings(settings.deckFile) } : {}),
    });
    // One kind × one audience: exactly one deck.
    if (!deck) throw new Error("no deck was built");
    // The theme's brand fonts, as `qbr generate -f html` embeds them (batch/generate-account.ts).
    const brandFonts = loadBrandFonts(settings.themeFile, settings.templateFile);
    const result = await render(deck, brandFonts ? { brandFonts } : {});
    warnings.push(...result.warnings.map((warning) => `${source}: ${warning}`));
    return {
      ok: true,
      html: result.bytes,
      title: deck.meta.title,
      wording,
      warnings: [...new Set(warnings)],
      inputs,
    };
  } catch (error) {
    return { ok: false, problems: problemLines(error), inputs };
  }
}
