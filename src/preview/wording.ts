import { statSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { parseSource } from "../input/parse-source.js";
import { validateSource } from "../input/validate-source.js";
import { DEFAULT_TEMPLATES_DIR, readInputFile } from "../io/resources.js";

/** The preview page's own wording (templates/preview.yaml); the deck's is in deck.yaml. */

const previewWordingSchema = z.strictObject({
  pageTitle: z.string(),
  frameTitle: z.string(),
  problems: z.string(),
  problemsNoDeck: z.string(),
  warnings: z.string(),
  building: z.string(),
  noDeck: z.string(),
  stopped: z.string(),
});

export type PreviewWording = z.output<typeof previewWordingSchema>;

const FILE = "preview.yaml";

function readWording(file: string): Partial<PreviewWording> {
  return validateSource(parseSource(file, readInputFile(file)), previewWordingSchema.partial());
}

/** The default wording, with a --templates folder's preview.yaml (if it has one) over it. */
export function loadPreviewWording(templatesDir?: string): PreviewWording {
  const defaults = validateSource(
    parseSource(FILE, readInputFile(path.join(DEFAULT_TEMPLATES_DIR, FILE))),
    previewWordingSchema,
  );
  const custom = templatesDir ? path.join(templatesDir, FILE) : undefined;
  if (!custom || !statSync(custom, { throwIfNoEntry: false })?.isFile()) return defaults;
  return { ...defaults, ...readWording(custom) };
}
