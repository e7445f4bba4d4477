import { randomInt } from "node:crypto";
import type { Shard } from "./shard.js";

/**
 * `--pdf-password-per-account`: each account's customer PDFs open with their own random password,
 * listed in `passwords.csv` beside the manifest for the CSM to pass on by another channel (a call,
 * a chat) — never in the email that carries the PDF. The file is internal: mode 0600, and `qbr send`
 * attaches only files the manifest lists, which it never does. The file itself is written by
 * passwords-csv.ts, loaded only by runs that make passwords.
 */

export const PASSWORDS_FILE = "passwords.csv";

/** Shards may share one output folder, so each writes its own list, as with the manifest. */
export function passwordsFileName(shard: Shard | undefined): string {
  return shard && shard.count > 1 ? `passwords-shard-${shard.index}-of-${shard.count}.csv` : PASSWORDS_FILE;
}

/** No 0/O, 1/l/I: a password read out over the phone or typed from a chat must survive it. */
const ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
const GROUPS = 4;
const GROUP_LENGTH = 4;

/** Four groups of four from a 55-character alphabet: about 92 bits, from the system's CSPRNG. */
export function newPdfPassword(): string {
  const groups: string[] = [];
  for (let group = 0; group < GROUPS; group++) {
    let text = "";
    for (let index = 0; index < GROUP_LENGTH; index++) text += ALPHABET[randomInt(ALPHABET.length)];
    groups.push(text);
  }
  return groups.join("-");
}

export interface AccountPassword {
  id: string | null;
  name: string;
  /** The encrypted PDFs, "/"-separated and relative to the output folder. */
  files: string[];
  password: string;
}
