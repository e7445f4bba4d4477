import type { Theme, Tone } from "../../deck/deck-model.js";

/** Theme colours and fonts as pptxgenjs wants them (hex without '#', upper case). */
export function hex(color: string): string {
  return color.replace(/^#/, "").toUpperCase();
}

export function toneColor(theme: Theme, tone: Tone | undefined): string {
  const { colors } = theme;
  switch (tone ?? "neutral") {
    case "neutral":
      return hex(colors.text);
    case "good":
      return hex(colors.good);
    case "warn":
      return hex(colors.warn);
    case "bad":
      return hex(colors.bad);
    case "accent":
      return hex(colors.accent);
    case "muted":
      return hex(colors.muted);
  }
}

/**
 * The font face a text run names: none for the theme's body font, which the presentation theme
 * holds as its minor font and every run without a face uses. A named face costs ~150 bytes of
 * XML a run (a fifth of a deck's slide XML), and text without one follows the theme's fonts if a
 * user changes them.
 */
export function runFontFace(theme: Theme, face: string): string | undefined {
  return face === theme.fonts.body ? undefined : face;
}

/** Accent stripes (KPI tiles, callouts) use the primary colour where the text would be neutral. */
export function accentColor(theme: Theme, tone: Tone | undefined): string {
  return tone === undefined || tone === "neutral" ? hex(theme.colors.primary) : toneColor(theme, tone);
}
