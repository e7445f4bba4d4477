import { z } from "zod";
import type { Theme } from "./deck-model.js";

/**
 * The theme file: `templates/theme.yaml` holds the defaults; `--theme FILE` may override any
 * subset of keys. Validated like account files (located errors).
 */
const color = z
  .string()
  .transform((value) => value.replace(/^#/, "").toUpperCase())
  .refine((value) => /^[0-9A-F]{6}$/.test(value), "expected a hex colour such as 1F3A5F or #1F3A5F");

const fontName = z.string().regex(/^[\w .-]{1,64}$/, "expected a font name such as Calibri");

const colorKeys = [
  "primary",
  "accent",
  "text",
  "muted",
  "background",
  "surface",
  "good",
  "warn",
  "bad",
  "plan",
  "actual",
  "forecast",
  "target",
] as const;

/**
 * A company PowerPoint template (.potx/.pptx), as a path relative to the theme file, or with the
 * layouts our cover and content slides should use (by the names PowerPoint shows).
 */
const templateReference = z.union([
  z.string().min(1),
  z.strictObject({
    file: z.string().min(1),
    layouts: z
      .strictObject({ cover: z.string().min(1).optional(), content: z.string().min(1).optional() })
      .optional(),
  }),
]);

export const themeFileSchema = z.strictObject({
  name: z.string().min(1).optional(),
  colors: z.strictObject(Object.fromEntries(colorKeys.map((key) => [key, color.optional()]))).optional(),
  fonts: z.strictObject({ heading: fontName.optional(), body: fontName.optional() }).optional(),
  logo: z.strictObject({ placement: z.enum(["title", "every-slide", "none"]).optional() }).optional(),
  template: templateReference.optional(),
});

export type ThemeFile = z.output<typeof themeFileSchema>;

/** Applies theme files in order (defaults first); every key of Theme must end up set. */
export function mergeThemes(files: ThemeFile[]): Theme {
  const merged = {
    name: "",
    colors: {} as Record<string, string>,
    fonts: {} as Record<string, string>,
    logo: {} as Record<string, string>,
  };
  for (const file of files) {
    if (file.name) merged.name = file.name;
    for (const [key, value] of Object.entries(file.colors ?? {})) if (value) merged.colors[key] = value;
    for (const [key, value] of Object.entries(file.fonts ?? {})) if (value) merged.fonts[key] = value;
    if (file.logo?.placement) merged.logo.placement = file.logo.placement;
  }
  const missing = [
    ...colorKeys.filter((key) => !merged.colors[key]).map((key) => `colors.${key}`),
    ...(["heading", "body"] as const).filter((key) => !merged.fonts[key]).map((key) => `fonts.${key}`),
    ...(merged.logo.placement ? [] : ["logo.placement"]),
  ];
  if (missing.length > 0) throw new Error(`theme is missing ${missing.join(", ")}`);
  return merged as unknown as Theme;
}
