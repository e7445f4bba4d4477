import path from "node:path";
import type { Box } from "../../../deck/deck-model.js";

/**
 * Reading the few things a template's parts tell us, with small patterns rather than a DOM: the
 * parts are PowerPoint's own, and only attributes and a handful of elements are needed.
 */

const EMU_PER_INCH = 914400;

/** An attribute of the first `<tag …>` in `xml` (any prefix spelled as given). */
export function attribute(xml: string, tag: string, name: string): string | undefined {
  const element = new RegExp(`<${tag}(\\s[^>]*)?/?>`).exec(xml)?.[1] ?? "";
  return attributeOf(element, name);
}

/** An attribute inside one tag's text. */
export function attributeOf(tagText: string, name: string): string | undefined {
  return new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(tagText)?.[1];
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

export function relationships(relsXml: string): Relationship[] {
  return [...relsXml.matchAll(/<Relationship\s([^>]*?)\/?>/g)].map(([, attrs = ""]) => ({
    id: attributeOf(attrs, "Id") ?? "",
    type: (attributeOf(attrs, "Type") ?? "").replace(/^.*\//, ""),
    target: attributeOf(attrs, "Target") ?? "",
    external: attributeOf(attrs, "TargetMode") === "External",
  }));
}

/** The relationships part of a part: ppt/slides/slide1.xml → ppt/slides/_rels/slide1.xml.rels. */
export function relsPartOf(part: string): string {
  return path.posix.join(path.posix.dirname(part), "_rels", `${path.posix.basename(part)}.rels`);
}

/** A relationship's target as a part name, resolved against the part that holds it. */
export function resolveTarget(fromPart: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  return path.posix.normalize(path.posix.join(path.posix.dirname(fromPart), target));
}

/** The target to write in `fromPart`'s relationships for `toPart`. */
export function relativeTarget(fromPart: string, toPart: string): string {
  return path.posix.relative(path.posix.dirname(fromPart), toPart);
}

export interface Placeholder {
  /** ST_PlaceholderType; "obj" when the attribute is absent, as the standard says. */
  type: string;
  idx: string;
  box?: Box;
}

/** The placeholder shapes of a slide, layout or master, in document order. */
export function placeholders(xml: string): Placeholder[] {
  const found: Placeholder[] = [];
  for (const [shape] of xml.matchAll(/<p:sp[\s>][\s\S]*?<\/p:sp>/g)) {
    const ph = /<p:ph(\s[^>]*)?\/?>/.exec(shape);
    if (!ph) continue;
    const attrs = ph[1] ?? "";
    found.push({
      type: attributeOf(attrs, "type") ?? "obj",
      idx: attributeOf(attrs, "idx") ?? "0",
      box: xfrmBox(shape),
    });
  }
  return found;
}

function xfrmBox(shape: string): Box | undefined {
  const match =
    /<a:xfrm[^>]*>\s*<a:off x="(-?\d+)" y="(-?\d+)"\s*\/>\s*<a:ext cx="(\d+)" cy="(\d+)"\s*\/>/.exec(shape);
  if (!match) return undefined;
  const [x, y, w, h] = match.slice(1, 5).map((value) => Number(value) / EMU_PER_INCH);
  return { x: x!, y: y!, w: w!, h: h! };
}

export function emuToInches(emu: number): number {
  return emu / EMU_PER_INCH;
}

/** The smallest box holding all of `boxes`. */
export function boundingBox(boxes: readonly Box[]): Box | undefined {
  if (boxes.length === 0) return undefined;
  const left = Math.min(...boxes.map((box) => box.x));
  const top = Math.min(...boxes.map((box) => box.y));
  const right = Math.max(...boxes.map((box) => box.x + box.w));
  const bottom = Math.max(...boxes.map((box) => box.y + box.h));
  return { x: left, y: top, w: right - left, h: bottom - top };
}
