import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { IsoDate } from "../dates.js";
import { VERSION } from "../version.js";
import { locateAccountAsset } from "./assets.js";
import { DEFAULT_TEMPLATES_DIR } from "./resources.js";
import { brandFilesOfTheme, templateFileOf } from "./theme-file.js";

/**
 * The content hash behind incremental runs. An account's decks are up to date when the hash of
 * everything they are made from is the one recorded in the manifest: the account file's bytes,
 * its logo's bytes, the settings that change the output, the templates/theme/rules files and
 * the tool version. Computed in the main thread, so an unchanged run never starts a worker.
 */

export function sha256(bytes: Uint8Array | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

function filesUnder(dir: string, prefix = ""): string[] {
  const names: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) names.push(...filesUnder(path.join(dir, entry.name), relative));
    else if (entry.isFile()) names.push(relative);
  }
  return names.sort();
}

/** Hash of a file or of every file under a folder; "missing" when it cannot be read (the run reports it). */
function contentHash(target: string | undefined): string {
  if (!target) return "none";
  try {
    if (statSync(target).isDirectory()) {
      const hash = createHash("sha256");
      for (const name of filesUnder(target)) {
        hash.update(`${name}\0${sha256(readFileSync(path.join(target, name)))}\0`);
      }
      return hash.digest("hex");
    }
    return sha256(readFileSync(target));
  } catch {
    return "missing";
  }
}

/**
 * What runHash reads of a run's settings (batch/generate-account.ts's GenerateSettings) by name;
 * every other field is hashed as it is.
 */
export interface RunSettings {
  outDir: string;
  today: IsoDate;
  asOf?: IsoDate;
  templatesDir?: string;
  themeFile?: string;
  templateFile?: string;
  rulesFile?: string;
  deckFile?: string;
  render: { pdfUserPassword?: string; pdfOwnerPassword?: string };
}

/**
 * The part of the hash shared by every account of a run: every setting except those that do
 * not change the output (the output folder; concurrency and shard are not settings at all) and
 * the dates, which enter per account as the resolved as-of date. Taking all the other settings,
 * rather than a list, keeps a setting added later from being silently ignored.
 */
export function runHash(settings: RunSettings): string {
  const { outDir: _outDir, today: _today, asOf: _asOf, render, ...outputSettings } = settings;
  const pptxTemplate = templateFileOf(settings.themeFile, settings.templateFile);
  const brandFiles = brandFilesOfTheme(settings.themeFile);
  const { pdfUserPassword: _password, pdfOwnerPassword: _ownerPassword, ...renderOptions } = render;
  return sha256(
    JSON.stringify({
      tool: VERSION,
      settings: outputSettings,
      render: renderOptions,
      defaultTemplates: contentHash(DEFAULT_TEMPLATES_DIR),
      templates: contentHash(settings.templatesDir),
      theme: contentHash(settings.themeFile),
      ...(pptxTemplate ? { template: contentHash(pptxTemplate) } : {}),
      // Only when the theme names font or logo files, so other runs keep their hash.
      ...(brandFiles.length > 0 ? { brand: brandFiles.map((file) => contentHash(file)) } : {}),
      rules: contentHash(settings.rulesFile),
      // Only with --deck, so the hash of ordinary runs is what it was before the option existed.
      ...(settings.deckFile ? { deck: contentHash(settings.deckFile) } : {}),
    }),
  );
}

export interface AccountHashInput {
  runHash: string;
  /** The as-of date the account is analysed at (--as-of, else review.asOf, else today). */
  asOf: IsoDate;
  slug: string;
  accountSha256: string;
  /** sha256 of the logo file, "none" without a logo, "missing" when it cannot be read, "refused" outside the account's folder. */
  logoSha256: string;
}

export function accountInputHash(input: AccountHashInput): string {
  return sha256(
    JSON.stringify([input.runHash, input.asOf, input.slug, input.accountSha256, input.logoSha256]),
  );
}

const logoHashes = new Map<string, string>();

/** Logos are often shared by many accounts: each is read and hashed once per run. */
export function logoHash(accountFile: string, logo: string | null, allowOutside = false): string {
  if (!logo) return "none";
  const location = locateAccountAsset(accountFile, logo, allowOutside);
  if ("refused" in location) return "refused";
  const { file } = location;
  let hash = logoHashes.get(file);
  if (hash === undefined) {
    hash = contentHash(file);
    logoHashes.set(file, hash);
  }
  return hash;
}
