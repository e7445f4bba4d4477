import type { Box } from "../../deck/deck-model.js";

/**
 * Writing HTML by hand, safely: every text and attribute value goes through `escapeText` /
 * `attrs`, so account data cannot open a tag, close an attribute or start a comment.
 */
const TEXT_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

export function escapeText(text: string): string {
  return text.replace(/[&<>"]/g, (char) => TEXT_ESCAPES[char] ?? char);
}

const UNESCAPES: Record<string, string> = Object.fromEntries(
  Object.entries(TEXT_ESCAPES).map(([char, entity]) => [entity, char]),
);

/**
 * The text a page written with these functions shows: its markup without the tags (attributes,
 * style values and data: URIs go with them; escapeText leaves no `<` or `>` inside one) and
 * without SVG <title> and <desc>, which only tooltips and screen readers read, in their own fonts.
 */
export function shownText(markup: string): string {
  return markup
    .replace(/<(title|desc)\b[^>]*>[^<]*<\/\1>/g, " ")
    .replace(/<[^>]*>/g, " ")
    .replace(/&(amp|lt|gt|quot);/g, (entity) => UNESCAPES[entity] ?? entity);
}

export type AttrValue = string | number | boolean | null | undefined;

/** ` name="value"` pairs in the order given; false, null and undefined are left out, true is bare. */
export function attrs(values: Record<string, AttrValue>): string {
  let out = "";
  for (const [name, value] of Object.entries(values)) {
    if (value === false || value === null || value === undefined) continue;
    out += value === true ? ` ${name}` : ` ${name}="${escapeText(String(value))}"`;
  }
  return out;
}

export function element(tag: string, attributes: Record<string, AttrValue>, content: string): string {
  return `<${tag}${attrs(attributes)}>${content}</${tag}>`;
}

/** An element without content (img, col). */
export function voidElement(tag: string, attributes: Record<string, AttrValue>): string {
  return `<${tag}${attrs(attributes)}>`;
}

/** Numbers written with at most two decimals, and no "-0": the same deck gives the same bytes. */
export function num(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

const POINTS_PER_INCH = 72;

/** A length in points of the 960 × 540 pt slide, scaled to the slide's width on screen (styles.ts). */
export function pt(points: number): string {
  return `calc(var(--pt)*${num(points)})`;
}

export function inches(value: number): string {
  return pt(value * POINTS_PER_INCH);
}

/** Absolute position and size of a deck box on its slide (without the height for content that sizes itself). */
export function boxStyle(box: Box, { height = true }: { height?: boolean } = {}): string {
  const place = `left:${inches(box.x)};top:${inches(box.y)};width:${inches(box.w)}`;
  return height ? `${place};height:${inches(box.h)}` : place;
}

export function hex(color: string): string {
  return `#${color}`;
}
