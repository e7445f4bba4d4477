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
  fonts?: { heading: string; body: string },
): void {
  for (const name of [...files.keys()]) {
    if (isReplaced(name)) files.delete(name);
  }
  for (const [name, content] of template.parts) files.set(name, content);
  if (fonts) renameFonts(files, template, fonts);
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

/**
 * A theme file's brand fonts over the template's font scheme: the major (headings) and minor
 * (body) Latin faces of the deck's theme become the brand's, so PowerPoint's font picker and
 * every run without a face of its own show them. Untouched when the fonts are the template's.
 */
function renameFonts(
  files: PackageFiles,
  template: PptxTemplate,
  fonts: { heading: string; body: string },
): void {
  if (fonts.heading === template.fonts.major && fonts.body === template.fonts.minor) return;
  const theme = textPart(files, DECK_THEME);
  if (theme === undefined) return;
  const rename = (xml: string, which: "major" | "minor", face: string) =>
    xml.replace(
      new RegExp(`(<a:${which}Font>\\s*<a:latin\\s[^>]*?typeface=")[^"]*"`),
      `$1${escapeAttribute(face)}"`,
    );
  files.set(DECK_THEME, rename(rename(theme, "major", fonts.heading), "minor", fonts.body));
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
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
