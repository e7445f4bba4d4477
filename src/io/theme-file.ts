import path from "node:path";
import type { Theme } from "../deck/deck-model.js";
import { mergeThemes, themeFileSchema } from "../deck/theme.js";
import { parseSource } from "../input/parse-source.js";
import { validateSource } from "../input/validate-source.js";
import { DEFAULT_TEMPLATES_DIR, fileCacheKey, readInputFile } from "./resources.js";

const themes = new Map<string, Theme>();

function readThemeFile(file: string) {
  return validateSource(parseSource(file, readInputFile(file)), themeFileSchema);
}

/** The default theme (templates/theme.yaml), overridden by `--theme FILE`; cached per process. */
export function loadTheme(customFile?: string): Theme {
  const key = customFile ? fileCacheKey(customFile) : "";
  let theme = themes.get(key);
  if (!theme) {
    const files = [readThemeFile(path.join(DEFAULT_TEMPLATES_DIR, "theme.yaml"))];
    if (customFile) files.push(readThemeFile(customFile));
    theme = mergeThemes(files);
    themes.set(key, theme);
  }
  return theme;
}
