import type { Theme } from "./deck-model.js";

/**
 * WCAG 2.x contrast of the colour pairs a deck draws text with: a theme or a company template
 * whose text colour is too close to the fill behind it gives slides people cannot read (and
 * fails accessibility reviews). Each pair names the slide elements that use it, so the warning
 * says what to change.
 */

type ColorKey = keyof Theme["colors"];

interface TextPair {
  element: string;
  text: ColorKey;
  fill: ColorKey;
  /** Titles and KPI values are large text: WCAG AA asks 3:1 of them, 4.5:1 of everything else. */
  large?: boolean;
}

const PAIRS: readonly TextPair[] = [
  { element: "body text", text: "text", fill: "background" },
  { element: "titles and headings", text: "primary", fill: "background", large: true },
  { element: "subtitles and captions (muted)", text: "muted", fill: "background" },
  { element: '"on track" status text', text: "good", fill: "background" },
  { element: '"at risk" status text', text: "warn", fill: "background" },
  { element: '"behind" status text and the classification', text: "bad", fill: "background" },
  { element: "table header text", text: "background", fill: "primary" },
  { element: "KPI tile and table row text", text: "text", fill: "surface" },
];

function luminance(hex: string): number {
  const [r, g, b] = [0, 2, 4].map((index) => {
    const channel = parseInt(hex.slice(index, index + 2), 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

export function contrastRatio(first: string, second: string): number {
  const [light, dark] = [luminance(first), luminance(second)].sort((a, b) => b - a);
  return (light! + 0.05) / (dark! + 0.05);
}

/**
 * One warning per pair of the theme's colours below WCAG AA. Pairs that are exactly as in
 * `baseline` (the default theme, whose amber "at risk" is a deliberate 4.2:1) are not repeated
 * on every run: only what a template or a theme file changed is checked.
 */
export function contrastWarnings(theme: Theme, baseline?: Theme): string[] {
  return PAIRS.flatMap((pair) => {
    const text = theme.colors[pair.text];
    const fill = theme.colors[pair.fill];
    if (baseline && baseline.colors[pair.text] === text && baseline.colors[pair.fill] === fill) return [];
    const ratio = contrastRatio(text, fill);
    const needed = pair.large ? 3 : 4.5;
    if (ratio >= needed) return [];
    return [
      `${pair.element} (${pair.text} ${text} on ${pair.fill} ${fill}) has a contrast of ${ratio.toFixed(1)}:1; WCAG AA asks ${needed}:1`,
    ];
  });
}
