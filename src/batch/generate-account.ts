import path from "node:path";
import type { Analysis } from "../analysis/analyse-account.js";
import { formatIssue, type ValidationIssue } from "../errors.js";
import type { Account } from "../input/account-schema.js";
import type { LoadAccountOptions } from "../input/load-account.js";
import { isUneditedStarter } from "../input/starter.js";
import { sponsorStatus, type SponsorStatus } from "../analysis/sponsor-status.js";
import { DEFAULT_THRESHOLDS } from "../analysis/thresholds.js";
import { isWithinDays } from "../analysis/rules/rule.js";
import type { Audience, DeckKind, ImageData } from "../deck/deck-model.js";
import { imageInfo } from "../deck/image-info.js";
import { daysBetween, type IsoDate } from "../dates.js";
import { analyzeAccount, buildDecks } from "../pipeline.js";
import {
  loadRenderer,
  type OutputFormat,
  type RenderOptions,
  type RenderResult,
} from "../render/renderer.js";
import { sendsToThread, type RenderThread } from "./render-thread.js";
import { plural } from "../text/format.js";
import { VERSION } from "../version.js";
import { locateAccountAsset } from "../io/assets.js";
import { writeFileAtomic } from "../io/atomic-write.js";
import { newPdfPassword } from "./pdf-passwords.js";
import { sha256 } from "../io/input-hash.js";
import { outputName } from "../io/output-names.js";
import { loadTemplates, readAccount, readDeckSettings, readInputFile, readRules } from "../io/resources.js";
import { brandRenderOptions, loadTheme, themeWarnings } from "../io/theme-file.js";

/**
 * One account through the whole pipeline: read → analyse → build → render → write. Used as is
 * for a single file and inside each worker of a batch. Everything it needs is in the job, so
 * it runs the same in any thread.
 */

export interface GenerateSettings {
  outDir: string;
  formats: OutputFormat[];
  audiences: Audience[];
  kinds: DeckKind[];
  /** --as-of; else the account's review.asOf; else `today`. */
  asOf?: IsoDate;
  today: IsoDate;
  renewalWithinDays?: number;
  /** --meeting-within: only accounts whose review.meetingDate is within DAYS after the as-of date. */
  meetingWithinDays?: number;
  /** --pdf-password-per-account: each account's customer PDFs get their own random password. */
  pdfPasswordPerAccount?: boolean;
  /** The previous review date for "what changed"; undefined = one quarter before asOf; null = no comparison. */
  compareTo?: IsoDate | null;
  /** Give customer decks the provenance appendix too (internal decks always have it). */
  customerAppendix?: boolean;
  /** Customer decks print value ÷ ARR only at or above this multiple; default 1 (deck/context.ts). */
  customerRatioMin?: number;
  themeFile?: string;
  /** --template: a company .potx/.pptx (else the theme file's `template:`, if any). */
  templateFile?: string;
  templatesDir?: string;
  rulesFile?: string;
  /** --deck: a YAML/JSON file of the slides to leave out per kind and audience. */
  deckFile?: string;
  /** Read logos from anywhere, not only from the account file's folder (assets.ts). */
  allowOutsideAssets?: boolean;
  render: RenderOptions;
}

export interface WrittenFile {
  path: string;
  format: OutputFormat;
  audience: Audience;
  kind: DeckKind;
  bytes: number;
  sha256: string;
  /** Only on PDFs opened with a password; the password itself is never recorded here. */
  encrypted?: true;
}

export interface AccountSummary {
  name: string;
  id: string | null;
  slug: string;
  asOf: IsoDate;
  renewal: IsoDate;
  daysToRenewal: number;
  arr: number;
  currency: string;
  riskLevel: Analysis["riskLevel"];
  goals: Analysis["valueRealization"];
  topFinding: string | null;
  watermelon: boolean;
  riskScore: number;
  sponsor: SponsorStatus;
  csm: string | null;
  segment: string | null;
  /** The unedited `qbr init` starter (input/starter.ts): reported, never ranked. */
  starter: boolean;
}

export type AccountOutcome =
  | {
      status: "written";
      source: string;
      account: AccountSummary;
      files: WrittenFile[];
      warnings: string[];
      /** With --pdf-password-per-account: the password of this account's customer PDFs (for passwords.csv only). */
      pdfPassword?: string;
    }
  | { status: "filtered"; source: string; account: AccountSummary; reason: string; warnings: string[] };

const PRODUCER = `qbr-deck ${VERSION}`;

/** An account file already read and validated (by the batch planner), with its bytes' sha256. */
export interface LoadedAccount {
  account: Account;
  sha256: string;
  /** The loader's warnings (text cleaned, renewal date passed). */
  warnings: ValidationIssue[];
}

export function readLogo(
  accountFile: string,
  logoPath: string | undefined,
  allowOutside: boolean,
  warnings: string[],
): ImageData | null {
  if (!logoPath) return null;
  const location = locateAccountAsset(accountFile, logoPath, allowOutside);
  if ("refused" in location) {
    warnings.push(`${accountFile}: logo ${logoPath} ${location.refused}; the deck has no logo`);
    return null;
  }
  try {
    const info = imageInfo(readInputFile(location.file, 2 * 1024 * 1024));
    if (info) return info;
    warnings.push(`${accountFile}: logo ${logoPath} is not a PNG or JPEG image; the deck has no logo`);
  } catch (error) {
    warnings.push(
      `${accountFile}: logo ${logoPath} could not be read (${(error as Error).message.split(" — ").pop()}); the deck has no logo`,
    );
  }
  return null;
}

/**
 * --renewal-within keeps renewals still ahead: a renewal that has passed is not "within 0 days"
 * (it is overdue, and its contract data is out of date).
 */
function isUpcomingWithin(daysToRenewal: number, withinDays: number): boolean {
  return daysToRenewal >= 0 && isWithinDays(daysToRenewal, withinDays);
}

/** Why an account is outside the --renewal-within / --meeting-within window, or null when it is inside. */
function outsideWindow(analysis: Analysis, settings: GenerateSettings): string | null {
  if (
    settings.renewalWithinDays !== undefined &&
    !isUpcomingWithin(analysis.daysToRenewal, settings.renewalWithinDays)
  ) {
    return renewalDistance(analysis.daysToRenewal);
  }
  if (settings.meetingWithinDays !== undefined) {
    const meeting = analysis.account.review.meetingDate;
    if (!meeting) return "no review.meetingDate";
    const days = daysBetween(analysis.asOf, meeting);
    if (!isUpcomingWithin(days, settings.meetingWithinDays)) return meetingDistance(days);
  }
  return null;
}

export function meetingDistance(days: number): string {
  if (days < 0) return `meeting was ${plural(-days, "day")} ago`;
  return days === 0 ? "meeting is today" : `meeting is ${plural(days, "day")} away`;
}

export function renewalDistance(daysToRenewal: number): string {
  if (daysToRenewal < 0) return `renewal date passed ${plural(-daysToRenewal, "day")} ago`;
  return daysToRenewal === 0 ? "renewal is today" : `renewal is ${plural(daysToRenewal, "day")} away`;
}

export function summarise(analysis: Analysis, slug: string): AccountSummary {
  const { account } = analysis;
  return {
    name: account.account.name,
    id: account.account.id ?? null,
    slug,
    asOf: analysis.asOf,
    renewal: account.contract.renewal,
    daysToRenewal: analysis.daysToRenewal,
    arr: account.contract.arr,
    currency: account.contract.currency,
    riskLevel: analysis.riskLevel,
    goals: analysis.valueRealization,
    topFinding: analysis.findings[0]?.title ?? null,
    watermelon: analysis.findings.some((finding) => finding.rule === "watermelon"),
    riskScore: analysis.riskScore,
    sponsor: sponsorStatus(account, analysis.asOf, analysis.thresholds),
    csm: account.account.csm ?? null,
    segment: account.account.segment ?? null,
    starter: isUneditedStarter(account),
  };
}

/** What the loader needs to know of a run to warn about dates (a renewal date passed). */
export function loadOptions(settings: Pick<GenerateSettings, "asOf" | "today">): LoadAccountOptions {
  return { asOf: settings.asOf, today: settings.today };
}

function readAndHash(source: string, settings: GenerateSettings): LoadedAccount {
  const { account, bytes, warnings } = readAccount(source, loadOptions(settings));
  return { account, sha256: sha256(bytes), warnings };
}

export async function generateAccount(
  source: string,
  settings: GenerateSettings,
  slugOverride?: string,
  loaded?: LoadedAccount,
  /** A second thread for some formats (render-thread.ts): one-account runs only. */
  thread?: RenderThread,
): Promise<AccountOutcome> {
  const { account, sha256: accountSha256, ...read } = loaded ?? readAndHash(source, settings);
  const warnings = read.warnings.map(formatIssue);
  const templates = loadTemplates(settings.templatesDir);
  const analyses = analyzeAccount(account, {
    asOf: settings.asOf,
    today: settings.today,
    compareTo: settings.compareTo,
    kinds: settings.kinds,
    templates,
    thresholds: settings.rulesFile ? readRules(settings.rulesFile) : DEFAULT_THRESHOLDS,
  });
  const { current: analysis } = analyses;
  const asOf = analysis.asOf;
  const provenance = {
    sourceName: path.basename(source),
    sha256: accountSha256,
    toolVersion: VERSION,
  };
  const slug = slugOverride ?? outputName.slug(account);
  const summary = summarise(analysis, slug);
  const outside = outsideWindow(analysis, settings);
  if (outside !== null) return { status: "filtered", source, account: summary, reason: outside, warnings };
  // With --as-of the command warns once; with each account's own review date, per account.
  if (settings.compareTo && settings.asOf === undefined && settings.compareTo >= asOf) {
    warnings.push(
      `${source}: --compare-to ${settings.compareTo} is not before the account's as-of date ${asOf}; its decks have no "what changed" slide`,
    );
  }
  warnings.push(
    ...themeWarnings(settings.themeFile, settings.templateFile).map((warning) => `${source}: ${warning}`),
  );
  const renderOptions = {
    ...settings.render,
    ...brandRenderOptions(settings.themeFile, settings.templateFile),
  };
  const decks = buildDecks(analyses, {
    kinds: settings.kinds,
    audiences: settings.audiences,
    theme: loadTheme(settings.themeFile, settings.templateFile),
    templates,
    logo: readLogo(source, account.account.logo, settings.allowOutsideAssets ?? false, warnings),
    producer: PRODUCER,
    provenance,
    customerAppendix: settings.customerAppendix,
    customerRatioMin: settings.customerRatioMin,
    ...(settings.deckFile ? { deckSettings: readDeckSettings(settings.deckFile) } : {}),
  });
  const pdfPassword = settings.pdfPasswordPerAccount ? newPdfPassword() : undefined;
  const renders = decks.flatMap((deck) =>
    settings.formats.map((format) => {
      const encrypt = pdfPassword !== undefined && format === "pdf" && deck.meta.audience === "customer";
      const options = encrypt ? { ...renderOptions, pdfUserPassword: pdfPassword } : renderOptions;
      return { deck, format, options, encrypt };
    }),
  );
  // This thread renders one deck at a time, in order. After a failure it renders nothing more:
  // the later decks fail with it, and the run reports the first failure.
  let queue: Promise<unknown> = Promise.resolve();
  const renderHere = ({ deck, format, options }: (typeof renders)[number]): Promise<RenderResult> => {
    const result = queue.then(async () => (await loadRenderer(format)).render(deck, options));
    queue = result;
    return result;
  };
  // Decks for the render thread are sent first (this thread's renders start on the next
  // microtask), so it works while this thread renders the rest.
  const formats = renders.map(({ format }) => format);
  const toThread = thread ? sendsToThread(formats, thread) : [];
  const rendered = await Promise.all(
    renders.map(async (render, index) => {
      const onThread =
        thread && toThread[index] ? await thread.render(render.deck, render.format, render.options) : null;
      // null: the thread could not render it; here it renders (or fails) as it would without one.
      return { ...render, result: onThread ?? (await renderHere(render)) };
    }),
  );
  const files: WrittenFile[] = rendered.map(({ deck, format, encrypt, result }) => {
    const { kind, audience } = deck.meta;
    warnings.push(...result.warnings.map((warning) => `${source}: ${warning}`));
    const target = path.join(settings.outDir, outputName.file(slug, kind, audience, format));
    writeFileAtomic(target, result.bytes);
    return {
      path: target,
      format,
      audience,
      kind,
      bytes: result.bytes.byteLength,
      sha256: sha256(result.bytes),
      ...(encrypt || (format === "pdf" && settings.render.pdfUserPassword)
        ? { encrypted: true as const }
        : {}),
    };
  });
  return {
    status: "written",
    source,
    account: summary,
    files,
    warnings: [...new Set(warnings)],
    ...(pdfPassword !== undefined && files.some((file) => file.encrypted) ? { pdfPassword } : {}),
  };
}
