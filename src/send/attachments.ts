import { readFileSync } from "node:fs";
import path from "node:path";
import { sha256 } from "../io/input-hash.js";
import { OUTPUT_FORMAT_SPECS, type OutputFormat } from "../render/renderer.js";
import { fileInOutDir, type SendManifestEntry, type SendManifestFile } from "./manifest-view.js";
import { isPdfEncrypted, readPdfAudience } from "./pdf-audience.js";

/**
 * Which of an account's files may be attached, and the checks every one of them passes right
 * before it is attached — when the outbox is written and again when it is sent. Kinds are data:
 * a kind the manifest lists (qbr, renewal, and later onepager…) is attachable by its name; the
 * titles below only make the wording nicer, an unknown kind is titled by its name.
 */

export const KIND_TITLES: Readonly<Record<string, string>> = {
  qbr: "Quarterly Business Review",
  renewal: "Renewal Review",
  kickoff: "Kick-off",
  onepager: "Value One-Pager",
};

export function kindTitle(kind: string): string {
  return KIND_TITLES[kind] ?? kind.charAt(0).toUpperCase() + kind.slice(1);
}

export interface CheckedAttachment {
  /** "/"-separated, relative to the output folder, as in the manifest. */
  path: string;
  kind: string;
  filename: string;
  /** What the file is; its media type in the message comes from the format registry. */
  format: OutputFormat;
  sha256: string;
  bytes: Buffer;
  /** Opens only with a password (--pdf-password-per-account): the email says it comes separately. */
  encrypted: boolean;
}

/** The customer PDFs of the given kinds that the manifest lists for an account. */
export function customerPdfs(entry: SendManifestEntry, kinds: readonly string[]): SendManifestFile[] {
  return entry.files.filter(
    (file) => kinds.includes(file.kind) && file.format === "pdf" && file.audience === "customer",
  );
}

/**
 * Reads and checks one file for attaching; returns it, or the reason it must not go. Each check
 * stands on its own, so a manifest that lies about a file is caught by the file itself:
 * - the manifest calls it a customer PDF, its name ends in the format's extension (so a mail
 *   client opens it as what the message says it is) and does not say "internal";
 * - it lies inside the output folder;
 * - its bytes on disk still have the manifest's sha256 (not replaced or re-generated since);
 * - the PDF itself declares the customer audience (the marker the PDF writer sets from the deck).
 */
export function checkAttachment(
  outDir: string,
  file: SendManifestFile,
): { ok: true; attachment: CheckedAttachment } | { ok: false; reason: string } {
  const refuse = (reason: string) => ({ ok: false as const, reason: `${file.path}: ${reason}` });
  if (file.audience !== "customer") return refuse(`the manifest marks it ${file.audience}, not customer`);
  const { format } = file;
  if (format !== "pdf") return refuse(`is ${format}; only PDFs are sent`);
  const filename = path.posix.basename(file.path);
  const { extension } = OUTPUT_FORMAT_SPECS[format];
  if (!filename.toLowerCase().endsWith(`.${extension}`)) {
    return refuse(`its name does not end in .${extension}, as a ${format} file's does`);
  }
  if (/(^|[-_.])internal([-_.]|$)/i.test(filename)) {
    return refuse("its name says internal");
  }
  const location = fileInOutDir(outDir, file);
  if (!location) return refuse("lies outside the output folder");
  let bytes: Buffer;
  try {
    bytes = readFileSync(location);
  } catch (error) {
    return refuse(`cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"})`);
  }
  const actual = sha256(bytes);
  if (actual !== file.sha256) {
    return refuse("changed on disk since the manifest was written (sha256 differs): run qbr generate again");
  }
  const audience = readPdfAudience(bytes);
  if (audience !== "customer") {
    return refuse(
      audience === null
        ? "the PDF does not declare a customer audience (made by another tool or an older qbr-deck): re-generate it"
        : `the PDF itself is a ${audience} deck`,
    );
  }
  return {
    ok: true,
    attachment: {
      path: file.path,
      kind: file.kind,
      filename,
      format,
      sha256: actual,
      bytes,
      encrypted: isPdfEncrypted(bytes),
    },
  };
}
