import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { ISO_DATE_PATTERN } from "../input/account-schema.js";
import { MANIFEST_FILE } from "../batch/manifest.js";
import { UsageError } from "../errors.js";

/**
 * The part of `out/manifest.json` that sending relies on, checked field by field: which account
 * file each entry came from, and the decks it wrote (path, format, audience, kind, sha256). Risk
 * fields are neither needed nor read, so a customer-only manifest without them is read the same.
 */

const HEX_SHA256 = /^[0-9a-f]{64}$/;

const manifestFileSchema = z.object({
  path: z.string().min(1),
  format: z.string(),
  audience: z.string(),
  kind: z.string(),
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(HEX_SHA256),
});

const manifestEntrySchema = z.object({
  source: z.string().min(1),
  account: z.object({ id: z.string().nullable(), name: z.string() }).nullable(),
  slug: z.string().nullable(),
  status: z.string(),
  asOf: z.string().regex(ISO_DATE_PATTERN).nullable().optional(),
  files: z.array(manifestFileSchema),
  error: z.string().optional(),
});

const sendManifestSchema = z.object({
  tool: z.literal("qbr-deck"),
  generatedAt: z.string().regex(ISO_DATE_PATTERN),
  accounts: z.array(manifestEntrySchema),
});

export type SendManifest = z.output<typeof sendManifestSchema>;
export type SendManifestEntry = SendManifest["accounts"][number];
export type SendManifestFile = SendManifestEntry["files"][number];

export function readSendManifest(outDir: string): SendManifest {
  const file = path.join(outDir, MANIFEST_FILE);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      code === "ENOENT"
        ? `${file} not found: run qbr generate -o ${outDir} --audience customer -f pdf first`
        : code
          ? `cannot read ${file} (${code})`
          : `${file} is not valid JSON`,
    );
  }
  const parsed = sendManifestSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UsageError(`${file} is not a qbr-deck manifest (${issue.path.join(".")}: ${issue.message})`);
  }
  return parsed.data;
}

/**
 * The absolute path of a manifest file, or null when its path would leave the output folder
 * (absolute, or climbing out with ..): a manifest names files, it never points elsewhere.
 */
export function fileInOutDir(outDir: string, file: SendManifestFile): string | null {
  if (path.isAbsolute(file.path) || file.path.split(/[\\/]/).includes("..")) return null;
  const resolved = path.resolve(outDir, file.path);
  const root = path.resolve(outDir);
  return resolved.startsWith(root + path.sep) ? resolved : null;
}
