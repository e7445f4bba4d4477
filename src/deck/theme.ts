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

/**
 * A font file named in the theme (`heading: ./fonts/Brand-Bold.ttf`), relative to the theme file.
 * Collections and web fonts are recognised here so that the loader can say why it refuses them.
 */
export function isFontFile(value: string): boolean {
  return /\.(ttf|otf|ttc|otc|woff2?)$/i.test(value);
}

const fontName = z
  .string()
  .refine(
    (value) => isFontFile(value) || /^[\w .-]{1,64}$/.test(value),
    "expected a font name such as Calibri, or a font file (.ttf or .otf) relative to the theme file",
  );

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
  logo: z
    .strictObject({
      placement: z.enum(["title", "every-slide", "none"]).optional(),
      /** Your own (the vendor's) logo, PNG or JPEG, relative to the theme file: on the cover beside the customer's. */
      file: z.string().min(1).optional(),
    })
    .optional(),
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
