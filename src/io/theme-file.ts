import path from "node:path";
import type { Theme } from "../deck/deck-model.js";
import { contrastWarnings } from "../deck/contrast.js";
import { mergeThemes, themeFileSchema, type ThemeFile } from "../deck/theme.js";
import { parseSource, type ParsedSource } from "../input/parse-source.js";
import { validateSource } from "../input/validate-source.js";
import type { BrandFonts } from "../render/brand-fonts.js";
import type { RenderOptions } from "../render/renderer.js";
import { readTemplate, MAX_TEMPLATE_BYTES } from "../render/pptx/template/read-template.js";
import { chooseLayouts } from "../render/pptx/template/template-layouts.js";
import type { AppliedTemplate, LayoutNames } from "../render/pptx/template/template-model.js";
import { templateTheme } from "../render/pptx/template/template-theme.js";
import { brandFilesOf, readBrandAssets } from "./brand-assets.js";
import { DEFAULT_TEMPLATES_DIR, fileCacheKey, readInputFile } from "./resources.js";

/**
 * The deck's look: the default theme (templates/theme.yaml), a company PowerPoint template's
 * colours and fonts (`--template FILE`, or `template:` in the theme file), then `--theme FILE`'s
 * own keys over both. Read once per process and cached, like every other shared input.
 */

interface Brand {
  theme: Theme;
  template: AppliedTemplate | undefined;
  /** The theme file's font files, read and checked (render options for the PDF and HTML). */
  fonts: BrandFonts | undefined;
  /** Text colours of the template or theme file too close to their fill (WCAG AA). */
  warnings: string[];
}

const brands = new Map<string, Brand>();

function readThemeSource(file: string): { source: ParsedSource; data: ThemeFile } {
  const source = parseSource(file, readInputFile(file));
  return { source, data: validateSource(source, themeFileSchema) };
}

function readThemeFile(file: string): ThemeFile {
  return readThemeSource(file).data;
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
    const read = customFile ? readThemeSource(customFile) : undefined;
    // Font files become the family names they hold; the vendor logo is read beside them.
    const assets = read ? readBrandAssets(read.source, read.data) : undefined;
    const custom = assets?.theme;
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
    const merged = mergeThemes(files);
    const theme: Theme = assets?.vendorLogo
      ? { ...merged, logo: { ...merged.logo, vendor: assets.vendorLogo } }
      : merged;
    const source = [customFile, reference?.file].filter(Boolean).join(" + ");
    const warnings = contrastWarnings(theme, defaults).map((warning) => `${source}: ${warning}`);
    brand = { theme, template, fonts: assets?.fonts, warnings };
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

/** The render options the brand brings: the company template (PPTX) and the brand fonts (PDF, HTML). */
export function brandRenderOptions(
  customFile?: string,
  templateFile?: string,
): Pick<RenderOptions, "pptxTemplate" | "brandFonts"> {
  const { template, fonts } = loadBrand(customFile, templateFile);
  return { ...(template ? { pptxTemplate: template } : {}), ...(fonts ? { brandFonts: fonts } : {}) };
}

/** The theme file's brand fonts, if it names font files (RenderOptions.brandFonts). */
export function loadBrandFonts(customFile?: string, templateFile?: string): BrandFonts | undefined {
  return loadBrand(customFile, templateFile).fonts;
}

/** Contrast warnings for the theme in use (none for the default theme). */
export function themeWarnings(customFile?: string, templateFile?: string): string[] {
  return loadBrand(customFile, templateFile).warnings;
}

/** The font and logo files the theme file names (for the input hash), without reading them. */
export function brandFilesOfTheme(customFile?: string): string[] {
  if (!customFile) return [];
  try {
    return brandFilesOf(customFile, readThemeFile(customFile));
  } catch {
    return [];
  }
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
