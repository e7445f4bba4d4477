import { readFileSync } from "node:fs";
import path from "node:path";
import type { IsoDate } from "../dates.js";
import type { Account } from "../input/account-schema.js";
import { VERSION } from "../version.js";
import { writeFileAtomic } from "../io/atomic-write.js";
import { outputName } from "../io/output-names.js";

/**
 * A cache of the few facts planning needs from each valid account file (its slug, review date
 * and logo), keyed by the file's absolute path and sha256. Parsing and validating YAML costs
 * milliseconds per file; a re-run over thousands of unchanged files should only read and hash
 * them. A hidden file in the output folder, never required: without it every file is parsed.
 */

export interface AccountFacts {
  id: string | null;
  name: string;
  slug: string;
  reviewAsOf: IsoDate | null;
  logo: string | null;
}

/** The slug is not stored: it is derived from the id or name, so a change of naming rule applies at once. */
interface IndexEntry extends Omit<AccountFacts, "slug"> {
  sha256: string;
}

interface IndexFile {
  tool: "qbr-deck";
  version: string;
  entries: Record<string, IndexEntry>;
}

export function accountFacts(account: Account): AccountFacts {
  return {
    id: account.account.id ?? null,
    name: account.account.name,
    slug: outputName.slug(account),
    reviewAsOf: account.review.asOf ?? null,
    logo: account.account.logo ?? null,
  };
}

export function inputIndexFileName(manifestFile: string): string {
  return `.qbr-input-index-${path.basename(manifestFile)}`;
}

export class InputIndex {
  private readonly entries: Record<string, IndexEntry>;
  private readonly next: Record<string, IndexEntry> = {};

  private constructor(entries: Record<string, IndexEntry>) {
    this.entries = entries;
  }

  /** The index of the previous run, or an empty one (a tool upgrade may validate differently). */
  static load(file: string): InputIndex {
    try {
      const data = JSON.parse(readFileSync(file, "utf8")) as Partial<IndexFile>;
      if (data.tool === "qbr-deck" && data.version === VERSION && typeof data.entries === "object") {
        return new InputIndex(data.entries ?? {});
      }
    } catch {
      // No usable index: every file is parsed, which is only slower.
    }
    return new InputIndex({});
  }

  get(file: string, sha256: string): AccountFacts | undefined {
    const entry = this.entries[path.resolve(file)];
    if (entry?.sha256 !== sha256) return undefined;
    return {
      id: entry.id,
      name: entry.name,
      slug: outputName.slugOf(entry.id ?? entry.name),
      reviewAsOf: entry.reviewAsOf,
      logo: entry.logo,
    };
  }

  /** Records a file seen in this run; only these are saved, so deleted files drop out. */
  set(file: string, sha256: string, facts: AccountFacts): void {
    const { slug: _derived, ...stored } = facts;
    this.next[path.resolve(file)] = { sha256, ...stored };
  }

  save(file: string): void {
    const data: IndexFile = { tool: "qbr-deck", version: VERSION, entries: this.next };
    writeFileAtomic(file, JSON.stringify(data));
  }
}
