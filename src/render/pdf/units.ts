import type { Box, Theme, Tone } from "../../deck/deck-model.js";

/** PDF user space is 72 points per inch; the deck model is in inches. */
export const POINTS_PER_INCH = 72;

/** A rectangle in PDF points, origin top-left (pdfkit flips the y axis for us). */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export function pt(inches: number): number {
  return inches * POINTS_PER_INCH;
}

export function rectOf(box: Box): Rect {
  return { x: pt(box.x), y: pt(box.y), w: pt(box.w), h: pt(box.h) };
}

/** Theme colours are hex without '#'; pdfkit wants CSS-style '#RRGGBB'. */
export function css(hex: string): string {
  return `#${hex}`;
}

export function toneColor(
  theme: Theme,
  tone: Tone | undefined,
  fallback: string = theme.colors.text,
): string {
  switch (tone) {
    case "good":
      return theme.colors.good;
    case "warn":
      return theme.colors.warn;
    case "bad":
      return theme.colors.bad;
    case "accent":
      return theme.colors.accent;
    case "muted":
      return theme.colors.muted;
    case "neutral":
    case undefined:
      return fallback;
  }
}

/** Accent stripes (KPI tiles, callouts) use the primary colour where the text would be neutral. */
export function accentColor(theme: Theme, tone: Tone | undefined): string {
  return tone === undefined || tone === "neutral" ? theme.colors.primary : toneColor(theme, tone);
}
