import type { Theme } from "../../../deck/deck-model.js";
import type { PptxTemplate } from "./template-model.js";

type ThemeColors = Theme["colors"];

/**
 * The deck theme's colours and fonts as a template's theme gives them, for every format (the PDF
 * looks like the PPTX): text and background are what the master's colour map makes of tx1 and
 * bg1 (so a dark template gives light text), headings and table headers take tx2, panels bg2,
 * the accent and the chart series the accents. The status colours (good, warn, bad) keep their
 * meaning and stay the theme file's.
 */
export function templateTheme(template: PptxTemplate): {
  colors: Partial<ThemeColors>;
  fonts: Theme["fonts"];
} {
  const { colors, colorMap } = template;
  const text = colors[colorMap.tx1];
  const background = colors[colorMap.bg1];
  const muted = blend(text, background, 0.62);
  return {
    colors: {
      primary: colors[colorMap.tx2],
      accent: colors.accent1,
      text,
      muted,
      background,
      surface: colors[colorMap.bg2],
      plan: blend(text, background, 0.45),
      actual: colors.accent1,
      forecast: colors.accent2,
      target: colors.accent3,
    },
    fonts: { heading: template.fonts.major, body: template.fonts.minor },
  };
}

/** `weight` of `front` over `back`, channel by channel (hex without '#'). */
function blend(front: string, back: string, weight: number): string {
  const channel = (hex: string, index: number) => parseInt(hex.slice(index * 2, index * 2 + 2), 16);
  return [0, 1, 2]
    .map((index) =>
      Math.round(channel(front, index) * weight + channel(back, index) * (1 - weight))
        .toString(16)
        .padStart(2, "0"),
    )
    .join("")
    .toUpperCase();
}
