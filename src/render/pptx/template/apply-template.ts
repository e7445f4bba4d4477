import { textPart, type PackageFiles } from "../postprocess/package.js";
import type { PptxTemplate } from "./template-model.js";
import { relativeTarget } from "./package-xml.js";
import { DECK_THEME } from "./template-parts.js";

/**
 * Post-processing of a deck drawn for a template: pptxgenjs's theme, master and layouts are
 * replaced by the template's (template-parts.ts says which parts and under which names), each
 * slide is pointed at the layout chosen for it, and the content types follow. The slides
 * themselves, their charts and notes are ours; nothing else of the template is copied.
 */
export function applyTemplate(
  files: PackageFiles,
  template: PptxTemplate,
  slideLayouts: readonly string[],
): void {
  for (const name of [...files.keys()]) {
    if (isReplaced(name)) files.delete(name);
  }
  for (const [name, content] of template.parts) files.set(name, content);
  slideLayouts.forEach((layout, index) => {
    const slide = `ppt/slides/slide${index + 1}.xml`;
    const relsName = `ppt/slides/_rels/slide${index + 1}.xml.rels`;
    const rels = textPart(files, relsName);
    if (rels === undefined) return;
    const target = relativeTarget(slide, layout);
    files.set(relsName, rels.replace(/(Type="[^"]*\/slideLayout"\s+Target=")[^"]*"/, `$1${target}"`));
  });
  const presentation = textPart(files, "ppt/presentation.xml");
  if (presentation !== undefined) {
    files.set(
      "ppt/presentation.xml",
      presentation.replace(/(<p:sldMasterId\s[^>]*?\bid=")\d+"/, `$1${template.masterId}"`),
    );
  }
  const contentTypes = textPart(files, "[Content_Types].xml");
  if (contentTypes !== undefined)
    files.set("[Content_Types].xml", templateContentTypes(contentTypes, template));
}

function isReplaced(name: string): boolean {
  return (
    name.startsWith("ppt/slideLayouts/") ||
    name.startsWith("ppt/slideMasters/") ||
    name === DECK_THEME ||
    name === "ppt/theme/_rels/theme1.xml.rels"
  );
}

/** Our overrides for the replaced parts out, the template's in; its media types as defaults. */
function templateContentTypes(xml: string, template: PptxTemplate): string {
  const kept = xml.replace(/<Override\s+PartName="\/([^"]+)"[^>]*\/>/g, (override, part: string) =>
    isReplaced(part) ? "" : override,
  );
  const defaults = [...template.defaultTypes]
    .filter(([extension]) => !new RegExp(`<Default\\s+Extension="${extension}"`, "i").test(kept))
    .map(([extension, type]) => `<Default Extension="${extension}" ContentType="${type}"/>`)
    .join("");
  const overrides = [...template.contentTypes]
    .map(([part, type]) => `<Override PartName="${part}" ContentType="${type}"/>`)
    .join("");
  return kept.replace(/(<Types\b[^>]*>)/, `$1${defaults}`).replace("</Types>", `${overrides}</Types>`);
}
