import { createRequire } from "node:module";
import path from "node:path";
import { PACKAGE_ROOT } from "../package-root.js";

/**
 * The package's own templates, parsed and compiled when the package is built
 * (scripts/precompile-templates.mjs writes dist/text/templates.precompiled.cjs), so that a
 * `qbr generate` does not spend a tenth of its time parsing YAML and compiling Handlebars
 * before its first deck.
 *
 * Both lookups are keyed by content — a template's source text, a template file's whole text —
 * so the cache can only ever answer what compiling would: a template edited after the build, or
 * one from a `--templates` folder, is simply not found and is compiled as before. Without the
 * file (tests run from src/), everything is compiled at run time.
 */
export interface PrecompiledTemplates {
  /** Handlebars template specs (Handlebars.precompile's output), by template source text. */
  templates: Record<string, TemplateSpec>;
  /** Parsed and validated template files, by name ("deck.yaml", "prompts/watermelon.yaml"). */
  files: Record<string, { text: string; value: unknown }>;
}

/** What Handlebars.template() takes: the compiled functions and their compiler version. */
export type TemplateSpec = Record<string, unknown>;

export const PRECOMPILED_FILE = "templates.precompiled.cjs";

let loaded: PrecompiledTemplates | null | undefined;

/**
 * In dist/text/, beside the build of this module; from a chunk of the bundled CLI (at another
 * depth) it is found through the package's folder. Run from src/ (the tests), there is none.
 */
function precompiledPath(): string | null {
  if (import.meta.url.endsWith(".ts")) return null;
  return path.join(PACKAGE_ROOT, "dist", "text", PRECOMPILED_FILE);
}

function precompiledTemplates(): PrecompiledTemplates | null {
  if (loaded === undefined) {
    const file = precompiledPath();
    try {
      loaded = file ? (createRequire(import.meta.url)(file) as PrecompiledTemplates) : null;
    } catch {
      loaded = null;
    }
  }
  return loaded;
}

/** The compiled spec of a template source, if the build compiled this very text. */
export function precompiledSpec(source: string): TemplateSpec | undefined {
  const templates = precompiledTemplates()?.templates;
  return templates && Object.hasOwn(templates, source) ? templates[source] : undefined;
}

/** The parsed value of a template file if the build parsed this very text, else undefined. */
export function precompiledFile(name: string, bytes: Uint8Array): unknown {
  const files = precompiledTemplates()?.files;
  const entry = files && Object.hasOwn(files, name) ? files[name] : undefined;
  if (!entry) return undefined;
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");
  return text === entry.text ? entry.value : undefined;
}
