import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { PACKAGE_ROOT } from "../package-root.js";
import type { Thresholds } from "../analysis/thresholds.js";
import { InvalidInputError, UsageError, type ValidationIssue } from "../errors.js";
import type { Account } from "../input/account-schema.js";
import { loadAccountWithWarnings, type LoadAccountOptions } from "../input/load-account.js";
import { fileSizeMessage, MAX_INPUT_BYTES } from "../input/parse-source.js";
import { loadRules } from "../input/load-rules.js";
import { loadDeckSettings, type DeckSettings } from "../input/deck-settings.js";
import { compileTemplateSet, type TemplateFile, type TemplateSet } from "../text/template-set.js";

/**
 * Everything read from disk before the pure stages run: account files, rules, templates. The
 * templates and rules are read once per process and cached (batch workers reuse them).
 */

/** The package's own `templates/` folder (next to dist/ or src/). */
export const DEFAULT_TEMPLATES_DIR = path.join(PACKAGE_ROOT, "templates");

function fileProblem(file: string, message: string): InvalidInputError {
  return new InvalidInputError([{ file, line: 0, column: 0, path: "", message }]);
}

/** Reads an input file, refusing what is not a regular file or is too large before reading it. */
export function readInputFile(file: string, maxBytes = MAX_INPUT_BYTES): Buffer {
  let size: number;
  try {
    const stats = statSync(file);
    if (stats.isDirectory()) throw fileProblem(file, "is a directory; expected a YAML or JSON file");
    // A FIFO or a device would block the read (or never end): only regular files are input.
    if (!stats.isFile()) throw fileProblem(file, "is not a regular file; expected a YAML or JSON file");
    size = stats.size;
  } catch (error) {
    if (error instanceof InvalidInputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw fileProblem(
      file,
      code === "ENOENT" ? "file not found" : `cannot read the file (${code ?? "error"})`,
    );
  }
  if (size > maxBytes) throw fileProblem(file, fileSizeMessage(size, maxBytes));
  try {
    return readFileSync(file);
  } catch (error) {
    throw fileProblem(file, `cannot read the file (${(error as NodeJS.ErrnoException).code ?? "error"})`);
  }
}

/** An account file read and validated, with its bytes and its warnings (see loadAccountWithWarnings). */
export function readAccount(
  file: string,
  options: LoadAccountOptions = {},
): { account: Account; bytes: Buffer; warnings: ValidationIssue[] } {
  const bytes = readInputFile(file);
  return { ...loadAccountWithWarnings(file, bytes, options), bytes };
}

function templateFilesIn(dir: string, builtIn = false): TemplateFile[] {
  const files: TemplateFile[] = [];
  const add = (name: string) => {
    const file = path.join(dir, name);
    files.push({ name: name.split(path.sep).join("/"), file, bytes: readInputFile(file), builtIn });
  };
  for (const name of ["deck.yaml", "deck.yml"]) {
    if (statSync(path.join(dir, name), { throwIfNoEntry: false })?.isFile()) add(name);
  }
  const promptsDir = path.join(dir, "prompts");
  if (statSync(promptsDir, { throwIfNoEntry: false })?.isDirectory()) {
    for (const name of readdirSync(promptsDir).sort()) {
      if (/\.ya?ml$/.test(name)) add(path.join("prompts", name));
    }
  }
  return files;
}

const templateCache = new Map<string, TemplateSet>();

/**
 * The cache key of a `--templates` folder: its template files' paths, modification times and
 * sizes, so a long-lived process (`qbr preview`, the API) compiles an edited folder again.
 */
function templatesKey(customDir: string | undefined): string {
  if (!customDir || !statSync(customDir, { throwIfNoEntry: false })?.isDirectory()) return customDir ?? "";
  const promptsDir = path.join(customDir, "prompts");
  const prompts = statSync(promptsDir, { throwIfNoEntry: false })?.isDirectory()
    ? readdirSync(promptsDir).map((name) => path.join(promptsDir, name))
    : [];
  const files = [path.join(customDir, "deck.yaml"), path.join(customDir, "deck.yml"), ...prompts.sort()];
  return files.map(fileCacheKey).join("|");
}

/** The default templates, with the files of `customDir` (if given) replacing the defaults. */
export function loadTemplates(customDir?: string, requiredDeckKeys: readonly string[] = []): TemplateSet {
  const key = `${templatesKey(customDir)}|${requiredDeckKeys.join(",")}`;
  let set = templateCache.get(key);
  if (!set) {
    if (customDir && !statSync(customDir, { throwIfNoEntry: false })?.isDirectory()) {
      throw new UsageError(`--templates ${customDir}: not a folder`);
    }
    const files = templateFilesIn(DEFAULT_TEMPLATES_DIR, true);
    if (customDir) files.push(...templateFilesIn(customDir));
    set = compileTemplateSet(files, requiredDeckKeys);
    templateCache.set(key, set);
  }
  return set;
}

/**
 * A file's cache key: its path, modification time and size. The caches live as long as the
 * process, which for the API or `qbr preview` is longer than one run: an edited file is read again.
 */
export function fileCacheKey(file: string): string {
  const stats = statSync(file, { throwIfNoEntry: false });
  return stats ? `${file}|${stats.mtimeMs}|${stats.size}` : file;
}

const rulesCache = new Map<string, Thresholds>();

export function readRules(file: string): Thresholds {
  const key = fileCacheKey(file);
  let rules = rulesCache.get(key);
  if (!rules) {
    rules = loadRules(file, readInputFile(file));
    rulesCache.set(key, rules);
  }
  return rules;
}

const deckSettingsCache = new Map<string, DeckSettings>();

/** A `--deck` file read and validated once per version of it (see input/deck-settings.ts). */
export function readDeckSettings(file: string): DeckSettings {
  const key = fileCacheKey(file);
  let settings = deckSettingsCache.get(key);
  if (!settings) {
    settings = loadDeckSettings(file, readInputFile(file));
    deckSettingsCache.set(key, settings);
  }
  return settings;
}
