import addressparser from "nodemailer/lib/addressparser";
import { normaliseAddress } from "../input/email-address.js";
import type { MailAddress } from "./compose.js";

/** `--from "Dana Reyes <dana@vendor.example>"` or a bare address; null when it is not one mailbox. */
export function parseSenderAddress(text: string): MailAddress | null {
  const entries = addressparser(text, { flatten: true });
  if (entries.length !== 1) return null;
  const address = normaliseAddress(entries[0]!.address ?? "");
  return address.ok ? { name: entries[0]!.name || null, address: address.value } : null;
}
