import { closeSync, openSync, readdir, readSync, realpathSync, statSync, type Dirent } from "node:fs";
import path from "node:path";
import { UsageError } from "../errors.js";
import { isInside } from "./assets.js";

/**
 * Account files named on the command line: files as given, folders searched recursively for
 * *.yaml, *.yml and *.json (skipping hidden folders and node_modules), and glob patterns.
 * Sorted and without duplicates, so runs and shards are deterministic.
 *
 * A search never leaves the folder the user named (for a glob, its fixed leading folders):
 * symbolic links are followed only to files inside it, each real file is read once (under its
 * own name when it has one in the search), and links to folders are never followed — the real
 * folders inside are searched anyway, so a link to `.` or in a loop cannot read anything twice.
 * Links that leave the folder or lead nowhere are skipped and reported; folders that cannot be
 * read are reported too, since the accounts inside them would otherwise go missing unnoticed.
 */

const ACCOUNT_EXTENSIONS = /\.(ya?ml|json)$/i;
const FOLDER_PATTERN = "**/*.{yaml,yml,json,YAML,YML,JSON}";
const IGNORED = [
  "**/node_modules/**",
  "**/.*/**",
  // Manifests are JSON too; an output folder inside the input folder must not be read back.
  "**/manifest.json",
  "**/manifest-shard-*-of-*.json",
  // `qbr init` writes the account's JSON Schema beside it (and editors' schemas are named so).
  "**/*.schema.json",
];

/**
 * A folder holding this file is left out when a folder above it is searched, and read when it
 * is named itself: samples/history/ (accounts with outcomes, for `qbr insights samples/history`)
 * is no part of `qbr generate samples`.
 */
export const SKIP_MARKER = ".qbr-skip";

export interface DiscoveryNote {
  /** The link or folder, as a path from the input the user named. */
  path: string;
  message: string;
}

/** A file found: the name it is read under, its real path (what duplicates share), whether the name is a link. */
interface Found {
  file: string;
  identity: string;
  isLink: boolean;
}

export interface Discovery {
  files: string[];
  /** Links not followed: outside the searched folder, looping or broken. Reported, not failures. */
  skippedLinks: DiscoveryNote[];
  /** Folders that could not be read: the accounts inside them are missing, which is a failure. */
  unreadableFolders: DiscoveryNote[];
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? "error";
}

/** A JSON file whose first key is a `$schema` of json-schema.org: a schema, not an account. */
function isJsonSchemaFile(file: string): boolean {
  if (!/\.json$/i.test(file)) return false;
  const head = Buffer.alloc(512);
  let length = 0;
  try {
    const fd = openSync(file, "r");
    try {
      length = readSync(fd, head, 0, head.length, 0);
    } finally {
      closeSync(fd);
    }
  } catch {
    return false; // the planner reports a file it cannot read
  }
  return /^\s*\{\s*"\$schema"\s*:\s*"https?:\/\/json-schema\.org\//.test(head.toString("utf8", 0, length));
}

type Tinyglobby = typeof import("tinyglobby");
let tinyglobby: Tinyglobby | undefined;

/** tinyglobby, loaded when an input is a folder or a pattern: a named file (`qbr generate one.yaml`) needs no walk. */
async function globber(): Promise<Tinyglobby> {
  return (tinyglobby ??= await import("tinyglobby"));
}

/** Splits a glob into its fixed leading folders and the dynamic rest: `a/b/**\/*.yaml` → `a/b`, `**\/*.yaml`. */
function splitGlob(
  pattern: string,
  isDynamicPattern: Tinyglobby["isDynamicPattern"],
): { base: string; rest: string } {
  const segments = pattern.split("/");
  const firstDynamic = segments.findIndex((segment) => isDynamicPattern(segment));
  const fixed = segments.slice(0, Math.max(0, firstDynamic));
  const base = fixed.join("/") || (pattern.startsWith("/") ? "/" : ".");
  return { base, rest: segments.slice(fixed.length).join("/") };
}

class Search {
  readonly skippedLinks: DiscoveryNote[] = [];
  readonly unreadableFolders: DiscoveryNote[] = [];
  /** Absolute paths of the links to files this search kept (a real name wins over a link). */
  readonly keptLinks = new Set<string>();
  /** Overlapping inputs (a folder and a glob inside it) meet the same link twice: noted once. */
  private readonly noted = new Set<string>();

  private note(list: DiscoveryNote[], absolute: string, shown: string, message: string): void {
    if (this.noted.has(absolute)) return;
    this.noted.add(absolute);
    list.push({ path: shown, message });
  }

  /**
   * Files matching `pattern` under `base`, never leaving it. tinyglobby walks the folders; its
   * `fs` option lets this search see each folder's entries first, so links are judged (and
   * unreadable folders noted) before the walk could follow them.
   */
  async files(base: string, pattern: string, ignore: string[]): Promise<Found[]> {
    const root = realpathSync.native(base);
    const descends = pattern.includes("/");
    const shown = (absolute: string) => path.join(base, path.relative(root, absolute)) || base;
    const judge = (folder: string, entries: Dirent[]): Dirent[] =>
      folder !== root && entries.some((entry) => entry.name === SKIP_MARKER && !entry.isDirectory())
        ? []
        : entries.filter((entry) => {
            if (!entry.isSymbolicLink()) return true;
            const link = path.resolve(folder, entry.name);
            const verdict = this.judgeLink(link, root, base);
            if (verdict.keep) this.keptLinks.add(link);
            else if (verdict.reason && (descends || ACCOUNT_EXTENSIONS.test(entry.name)))
              this.note(this.skippedLinks, link, shown(link), verdict.reason);
            return verdict.keep;
          });
    const watchedReaddir = (
      folder: string,
      options: { withFileTypes: true },
      callback: (error: NodeJS.ErrnoException | null, entries: Dirent[]) => void,
    ) =>
      readdir(folder, options, (error, entries) => {
        if (error) {
          const absolute = path.resolve(folder);
          const message = `cannot read the folder (${error.code ?? "error"}); the accounts in it are missing`;
          this.note(this.unreadableFolders, absolute, shown(absolute), message);
          callback(error, []);
        } else {
          callback(null, judge(path.resolve(folder), entries));
        }
      });
    const { glob } = await globber();
    const found = await glob(pattern, {
      cwd: root,
      ignore,
      onlyFiles: true,
      // Called as fdir (tinyglobby's walker) calls fs.readdir: (folder, { withFileTypes: true }, callback).
      fs: { readdir: watchedReaddir as unknown as typeof readdir },
    });
    return found.map((file) => {
      // The walk never enters a link to a folder, so only a link to a file needs resolving.
      const absolute = path.join(root, file);
      const isLink = this.keptLinks.has(absolute);
      return {
        file: path.normalize(path.join(base, file)),
        identity: isLink ? identity(absolute) : absolute,
        isLink,
      };
    });
  }

  /** A link inside the searched folder: kept when it leads to a file inside it, reported otherwise. */
  private judgeLink(link: string, root: string, base: string): { keep: boolean; reason?: string } {
    let target: string;
    try {
      target = realpathSync.native(link);
    } catch (error) {
      const code = errorCode(error);
      return {
        keep: false,
        reason: code === "ELOOP" ? "link loops; skipped" : `broken link (${code}); skipped`,
      };
    }
    if (!isInside(target, root))
      return { keep: false, reason: `link to ${target}, outside ${base}; skipped` };
    let isFolder: boolean;
    try {
      isFolder = statSync(target).isDirectory();
    } catch {
      return { keep: false };
    }
    if (!isFolder) return { keep: true };
    // The folder's files are found under their real names; only a loop is worth a word.
    return isInside(path.dirname(link), target)
      ? { keep: false, reason: "link to a folder that contains it (a loop); skipped" }
      : { keep: false };
  }
}

/** The real path of a file (or its absolute path when it does not exist): the identity duplicates share. */
function identity(file: string): string {
  try {
    return realpathSync.native(file);
  } catch {
    return path.resolve(file);
  }
}

export async function discoverAccountFiles(inputs: readonly string[]): Promise<Discovery> {
  const search = new Search();
  /** real path → the name it is read under */
  const byIdentity = new Map<string, Found>();
  const add = (found: Found) => {
    const known = byIdentity.get(found.identity);
    // A file reached both by its own name and through a link is read once, under its own name.
    if (known === undefined || (known.isLink && !found.isLink)) byIdentity.set(found.identity, found);
  };
  const named = (file: string): Found => ({
    file: path.normalize(file),
    identity: identity(file),
    isLink: false,
  });
  for (const input of inputs) {
    const stats = statSync(input, { throwIfNoEntry: false });
    if (stats?.isFile()) {
      // Named by the user: taken as given, even as a link to anywhere.
      add(named(input));
    } else if (stats?.isDirectory()) {
      for (const found of await search.files(input, FOLDER_PATTERN, IGNORED)) {
        if (!isJsonSchemaFile(found.file)) add(found);
      }
    } else {
      const { isDynamicPattern } = await globber();
      if (!isDynamicPattern(input)) {
        add(named(input));
        continue;
      }
      const { base, rest } = splitGlob(input, isDynamicPattern);
      if (!statSync(base, { throwIfNoEntry: false })?.isDirectory()) continue;
      for (const found of await search.files(base, rest, ["**/node_modules/**", "**/*.schema.json"])) {
        if (ACCOUNT_EXTENSIONS.test(found.file) && !isJsonSchemaFile(found.file)) add(found);
      }
    }
  }
  return {
    files: [...byIdentity.values()].map((found) => found.file).sort(),
    skippedLinks: search.skippedLinks,
    unreadableFolders: search.unreadableFolders,
  };
}

export function requireInputs(inputs: readonly string[]): void {
  if (inputs.length === 0) throw new UsageError("expected at least one account file, folder or glob");
}
