import path from "node:path";
import type { PptxTemplate, TemplateLayout } from "./template-model.js";
import { relationships, relativeTarget, relsPartOf, resolveTarget } from "./package-xml.js";

/**
 * Which of a template's parts go into every deck, and under which names: the master's theme
 * becomes the deck's theme1.xml (the part pptxgenjs's presentation and notes master point to),
 * the master becomes slideMaster1.xml, the layouts keep their names, and everything they use
 * (pictures, a theme's image fills) is copied with a "template-" prefix so it cannot collide with
 * our own media. Relationships are rewritten to the new names. Slides, notes, the presentation
 * part and other masters are never copied: the template's sample slides cannot leak.
 */

export const DECK_THEME = "ppt/theme/theme1.xml";
export const DECK_MASTER = "ppt/slideMasters/slideMaster1.xml";

type CopiedParts = Pick<PptxTemplate, "parts" | "contentTypes" | "defaultTypes">;

const decoder = new TextDecoder();

export function copyTemplateParts(
  entries: Record<string, Uint8Array>,
  contentTypesXml: string,
  roots: { master: string; theme: string; layouts: readonly TemplateLayout[] },
): CopiedParts {
  const names = new Map<string, string>([
    [roots.master, DECK_MASTER],
    [roots.theme, DECK_THEME],
    ...roots.layouts.map((layout): [string, string] => [layout.part, layout.part]),
  ]);
  const result: CopiedParts = { parts: new Map(), contentTypes: new Map(), defaultTypes: new Map() };
  const queue = [...names.keys()];
  for (let index = 0; index < queue.length; index++) {
    const source = queue[index]!;
    const target = names.get(source)!;
    const content = entries[source];
    if (!content) continue;
    result.parts.set(target, content);
    recordContentType(result, contentTypesXml, source, target);
    const relsXml = entries[relsPartOf(source)];
    if (!relsXml) continue;
    const rewritten = relationships(decoder.decode(relsXml))
      .filter((rel) => rel.external || isCopied(rel.type, resolveTarget(source, rel.target), names))
      .map((rel) => {
        if (rel.external) return relationship(rel.id, rel.type, rel.target, true);
        const targetSource = resolveTarget(source, rel.target);
        if (!names.has(targetSource)) {
          names.set(targetSource, prefixed(targetSource));
          queue.push(targetSource);
        }
        return relationship(rel.id, rel.type, relativeTarget(target, names.get(targetSource)!), false);
      });
    result.parts.set(relsPartOf(target), relsDocument(rewritten));
  }
  return result;
}

/**
 * A layout of another master, a slide or a notes part is not carried over (and nothing in a
 * master or layout should point to one); every other target (media, tags, image fills) is.
 */
function isCopied(type: string, part: string, names: ReadonlyMap<string, string>): boolean {
  if (names.has(part)) return true;
  return !["slideLayout", "slideMaster", "slide", "notesSlide", "notesMaster", "vbaProject"].includes(type);
}

function prefixed(part: string): string {
  return path.posix.join(path.posix.dirname(part), `template-${path.posix.basename(part)}`);
}

const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

function relationship(id: string, type: string, target: string, external: boolean): string {
  const mode = external ? ' TargetMode="External"' : "";
  return `<Relationship Id="${id}" Type="${REL_NS}/${type}" Target="${escapeAttribute(target)}"${mode}/>`;
}

function escapeAttribute(value: string): string {
  return value.replace(/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/g, "&amp;").replace(/"/g, "&quot;");
}

function relsDocument(items: readonly string[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items.join("")}</Relationships>`;
}

function recordContentType(
  result: CopiedParts,
  contentTypesXml: string,
  source: string,
  target: string,
): void {
  const override = new RegExp(`<Override\\s[^>]*PartName="/${escapeRegExp(source)}"[^>]*>`, "i").exec(
    contentTypesXml,
  )?.[0];
  const type = override ? /ContentType="([^"]*)"/.exec(override)?.[1] : undefined;
  if (type) {
    result.contentTypes.set(`/${target}`, type);
    return;
  }
  const extension = path.posix.extname(source).slice(1).toLowerCase();
  const byDefault = new RegExp(
    `<Default\\s[^>]*Extension="${escapeRegExp(extension)}"[^>]*ContentType="([^"]*)"`,
    "i",
  ).exec(contentTypesXml)?.[1];
  if (byDefault) result.defaultTypes.set(extension, byDefault);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
