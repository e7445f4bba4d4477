import path from "node:path";
import type { ImageData } from "../deck/deck-model.js";
import { imageInfo } from "../deck/image-info.js";
import { isFontFile, type ThemeFile } from "../deck/theme.js";
import { InvalidInputError, type ValidationIssue } from "../errors.js";
import type { ParsedSource } from "../input/parse-source.js";
import { MAX_FONT_BYTES, readBrandFont, type BrandFonts } from "../render/brand-fonts.js";
import { readInputFile } from "./resources.js";

/**
 * The files a theme file names besides a template: brand fonts (`fonts.heading: ./Brand-Bold.ttf`)
 * and the vendor's logo (`logo.file`), both relative to the theme file. Each is read and checked
 * here, and a problem is reported at its key in the theme file (`theme.yaml:7:12 fonts.heading —
 * ./Brand-Bold.ttf: file not found`), all of them at once; no deck is made with a broken brand.
 */

/** Logos are small; the account logo has the same limit. */
const MAX_LOGO_BYTES = 2 * 1024 * 1024;

export interface BrandAssets {
  /** The theme file with each font file replaced by the family name it holds (what the PPTX names). */
  theme: ThemeFile;
  fonts: BrandFonts | undefined;
  vendorLogo: ImageData | undefined;
}

/** The reason a file could not be read, from readInputFile's located message. */
function readProblem(error: unknown): string {
  if (error instanceof InvalidInputError) return error.issues.map((issue) => issue.message).join("; ");
  throw error;
}

export function readBrandAssets(source: ParsedSource, theme: ThemeFile): BrandAssets {
  const issues: ValidationIssue[] = [];
  const resolve = (relative: string) => path.resolve(path.dirname(source.file), relative);
  const problem = (keyPath: readonly string[], value: string, message: string) =>
    issues.push({
      file: source.file,
      ...source.locate(keyPath),
      path: keyPath.join("."),
      message: `${value}: ${message}`,
    });

  const fonts: BrandFonts = {};
  const names: NonNullable<ThemeFile["fonts"]> = { ...theme.fonts };
  for (const role of ["heading", "body"] as const) {
    const value = theme.fonts?.[role];
    if (!value || !isFontFile(value)) continue;
    try {
      const checked = readBrandFont(readInputFile(resolve(value), MAX_FONT_BYTES));
      if ("problem" in checked) problem(["fonts", role], value, checked.problem);
      else {
        fonts[role] = checked.font;
        names[role] = checked.font.family;
      }
    } catch (error) {
      problem(["fonts", role], value, readProblem(error));
    }
  }

  let vendorLogo: ImageData | undefined;
  const logoFile = theme.logo?.file;
  if (logoFile) {
    try {
      const image = imageInfo(readInputFile(resolve(logoFile), MAX_LOGO_BYTES));
      if (image) vendorLogo = image;
      else problem(["logo", "file"], logoFile, "is not a PNG or JPEG image");
    } catch (error) {
      problem(["logo", "file"], logoFile, readProblem(error));
    }
  }

  if (issues.length > 0) throw new InvalidInputError(issues);
  const hasFonts = fonts.heading !== undefined || fonts.body !== undefined;
  return {
    theme: theme.fonts ? { ...theme, fonts: names } : theme,
    fonts: hasFonts ? fonts : undefined,
    vendorLogo,
  };
}

/** The files a theme file names (fonts, vendor logo), for the input hash; none when it cannot be read. */
export function brandFilesOf(themeFile: string, theme: ThemeFile): string[] {
  const resolve = (relative: string) => path.resolve(path.dirname(themeFile), relative);
  const fontFiles = Object.values(theme.fonts ?? {}).filter(
    (value): value is string => typeof value === "string" && isFontFile(value),
  );
  return [...fontFiles, ...(theme.logo?.file ? [theme.logo.file] : [])].map(resolve);
}
