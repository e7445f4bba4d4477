import path from "node:path";
import type { Theme } from "../deck/deck-model.js";
import { contrastWarnings } from "../deck/contrast.js";
import { mergeThemes, themeFileSchema, type ThemeFile } from "../deck/theme.js";
import { parseSource } from "../input/parse-source.js";
import { validateSource } from "../input/validate-source.js";
import { readTemplate, MAX_TEMPLATE_BYTES } from "../render/pptx/template/read-template.js";
import { chooseLayouts } from "../render/pptx/template/template-layouts.js";
import type { AppliedTemplate, LayoutNames } from "../render/pptx/template/template-model.js";
import { templateTheme } from "../render/pptx/template/template-theme.js";
import { DEFAULT_TEMPLATES_DIR, fileCacheKey, readInputFile } from "./resources.js";

/**
 * The deck's look: the default theme (templates/theme.yaml), a company PowerPoint template's
 * colours and fonts (`--template FILE`, or `template:` in the theme file), then `--theme FILE`'s
 * own keys over both. Read once per process and cached, like every other shared input.
 */

interface Brand {
  theme: Theme;
  template: AppliedTemplate | undefined;
  /** Text colours of the template or theme file too close to their fill (WCAG AA). */
  warnings: string[];
}

const brands = new Map<string, Brand>();

function readThemeFile(file: string): ThemeFile {
  return validateSource(parseSource(file, readInputFile(file)), themeFileSchema);
}

interface TemplateReference {
  file: string;
  layouts: LayoutNames;
}

/** `--template` wins over the theme file's `template:`, whose path is relative to the theme file. */
function templateReference(
  themeFile: string | undefined,
  custom: ThemeFile | undefined,
  templateFile?: string,
): TemplateReference | undefined {
  const fromTheme = custom?.template;
  const layouts = typeof fromTheme === "object" ? (fromTheme.layouts ?? {}) : {};
  if (templateFile) return { file: templateFile, layouts };
  if (!fromTheme || !themeFile) return undefined;
  const relative = typeof fromTheme === "string" ? fromTheme : fromTheme.file;
  return { file: path.resolve(path.dirname(themeFile), relative), layouts };
}

function loadBrand(customFile?: string, templateFile?: string): Brand {
  // Keyed by each file's path, modification time and size: a long-lived process (the API, a
  // preview) sees an edited theme or template.
  const key = JSON.stringify([
    customFile ? fileCacheKey(customFile) : "",
    templateFile ? fileCacheKey(templateFile) : "",
  ]);
  let brand = brands.get(key);
  if (!brand) {
    const custom = customFile ? readThemeFile(customFile) : undefined;
    const reference = templateReference(customFile, custom, templateFile);
    const template = reference
      ? chooseLayouts(
          readTemplate(reference.file, readInputFile(reference.file, MAX_TEMPLATE_BYTES)),
          reference.layouts,
        )
      : undefined;
    const files: ThemeFile[] = [readThemeFile(path.join(DEFAULT_TEMPLATES_DIR, "theme.yaml"))];
    const defaults = mergeThemes(files);
    if (template) files.push(templateTheme(template.template));
    if (custom) files.push(custom);
    const theme = mergeThemes(files);
    const source = [customFile, reference?.file].filter(Boolean).join(" + ");
    const warnings = contrastWarnings(theme, defaults).map((warning) => `${source}: ${warning}`);
    brand = { theme, template, warnings };
    brands.set(key, brand);
  }
  return brand;
}

/** The deck theme: defaults, then the template's colours and fonts, then `--theme FILE`. */
export function loadTheme(customFile?: string, templateFile?: string): Theme {
  return loadBrand(customFile, templateFile).theme;
}

/** The company template the PPTX decks are built on, if any, with its layouts chosen. */
export function loadPptxTemplate(customFile?: string, templateFile?: string): AppliedTemplate | undefined {
  return loadBrand(customFile, templateFile).template;
}

/** Contrast warnings for the theme in use (none for the default theme). */
export function themeWarnings(customFile?: string, templateFile?: string): string[] {
  return loadBrand(customFile, templateFile).warnings;
}

/** The template file in use (for the input hash), without reading it. */
export function templateFileOf(customFile?: string, templateFile?: string): string | undefined {
  if (templateFile) return templateFile;
  if (!customFile) return undefined;
  try {
    return templateReference(customFile, readThemeFile(customFile))?.file;
  } catch {
    return undefined;
  }
}
