import path from "node:path";
import { unzipSync } from "fflate";
import { InvalidInputError } from "../../../errors.js";
import {
  checkZipArchive,
  DEFAULT_ZIP_LIMITS,
  isCompoundFile,
  type ZipDocument,
} from "../../../input/zip-guard.js";
import { copyTemplateParts } from "./template-parts.js";
import { describeLayout, masterPlaceholders } from "./template-layouts.js";
import { SCHEME_COLORS, type ColorMap, type PptxTemplate, type SchemeColor } from "./template-model.js";
import {
  attribute,
  attributeOf,
  emuToInches,
  relationships,
  relsPartOf,
  resolveTarget,
} from "./package-xml.js";

/**
 * A .potx / .pptx file → PptxTemplate, or an InvalidInputError naming the file and what is wrong
 * with it (exit 2, no deck). The archive is checked for zip bombs before it is inflated; macros
 * are refused rather than carried into customer decks.
 */

const TEMPLATE: ZipDocument = {
  noun: "template",
  description: "a PowerPoint template",
  expected: ".potx or .pptx",
};

/** A corporate template with fonts and photos is a few MB; 50 MB is generous. */
export const MAX_TEMPLATE_BYTES = 50 * 1024 * 1024;
const TEMPLATE_LIMITS = { ...DEFAULT_ZIP_LIMITS, maxEntries: 1_000, maxTotalBytes: 200 * 1024 * 1024 };

const MACRO_EXTENSIONS = new Set([".potm", ".pptm", ".ppsm"]);
const ACCEPTED_EXTENSIONS = new Set([".potx", ".pptx"]);
const MAIN_TYPES = /presentationml\.(template|presentation|slideshow)\.main\+xml/;

function refuse(file: string, message: string): InvalidInputError {
  return new InvalidInputError([{ file, line: 0, column: 0, path: "", message }]);
}

const decoder = new TextDecoder();

export function readTemplate(file: string, bytes: Uint8Array): PptxTemplate {
  const extension = path.extname(file).toLowerCase();
  if (MACRO_EXTENSIONS.has(extension)) {
    throw refuse(file, `macro-enabled templates (${extension}) are not accepted; save it as .potx`);
  }
  if (!ACCEPTED_EXTENSIONS.has(extension)) {
    throw refuse(
      file,
      `expected a PowerPoint template (.potx) or presentation (.pptx), not "${extension || file}"`,
    );
  }
  if (bytes.byteLength > MAX_TEMPLATE_BYTES) {
    throw refuse(
      file,
      `the template is ${(bytes.byteLength / 1024 / 1024).toFixed(0)} MB; expected at most ${MAX_TEMPLATE_BYTES / 1024 / 1024} MB`,
    );
  }
  if (isCompoundFile(bytes)) {
    throw refuse(
      file,
      "file is an old binary .pot/.ppt or a password-protected one; save it as .potx without a password",
    );
  }
  checkZipArchive(file, bytes, TEMPLATE_LIMITS, TEMPLATE);
  const entries = unzipSync(bytes);
  const text = (part: string): string | undefined => {
    const content = entries[part];
    return content ? decoder.decode(content) : undefined;
  };
  return describeTemplate(file, entries, text);
}

function describeTemplate(
  file: string,
  entries: Record<string, Uint8Array>,
  text: (part: string) => string | undefined,
): PptxTemplate {
  const contentTypes = text("[Content_Types].xml") ?? "";
  if (
    /macroEnabled/i.test(contentTypes) ||
    Object.keys(entries).some((name) => /vbaProject\.bin$/i.test(name))
  ) {
    throw refuse(file, "the template contains macros (VBA); save it as a macro-free .potx");
  }
  const presentation = text("ppt/presentation.xml");
  if (presentation === undefined || !MAIN_TYPES.test(contentTypes)) {
    throw refuse(file, "file is not a PowerPoint presentation or template (no ppt/presentation.xml)");
  }
  const presentationRels = relationships(text("ppt/_rels/presentation.xml.rels") ?? "");
  const masterRef = /<p:sldMasterId\s([^>]*?)\/?>/.exec(presentation)?.[1] ?? "";
  const masterRelId = /r:id="([^"]*)"/.exec(masterRef)?.[1];
  const masterRel = presentationRels.find((rel) => rel.id === masterRelId && rel.type === "slideMaster");
  const masterPart = masterRel ? resolveTarget("ppt/presentation.xml", masterRel.target) : undefined;
  const masterXml = masterPart ? text(masterPart) : undefined;
  if (!masterPart || masterXml === undefined) throw refuse(file, "the template has no slide master");

  const masterRels = relationships(text(relsPartOf(masterPart)) ?? "");
  const themeRel = masterRels.find((rel) => rel.type === "theme");
  const themePart = themeRel ? resolveTarget(masterPart, themeRel.target) : undefined;
  const themeXml = themePart ? text(themePart) : undefined;
  if (!themePart || themeXml === undefined) throw refuse(file, "the template's slide master has no theme");

  const slide = slideSize(presentation);
  const master = masterPlaceholders(masterXml);
  const layoutIds = [...masterXml.matchAll(/<p:sldLayoutId\s[^>]*?r:id="([^"]*)"/g)].map(([, id]) => id);
  const layouts = layoutIds.flatMap((id) => {
    const rel = masterRels.find((candidate) => candidate.id === id && candidate.type === "slideLayout");
    const part = rel ? resolveTarget(masterPart, rel.target) : undefined;
    const xml = part ? text(part) : undefined;
    return part && xml !== undefined ? [describeLayout(part, xml, master, slide)] : [];
  });
  if (!layouts.some((layout) => layout.title && layout.type !== "title")) {
    throw refuse(
      file,
      `no usable layout: none of the master's ${layouts.length} layouts has a title placeholder (expected a "Title Only" or "Title and Content" layout)`,
    );
  }
  const copied = copyTemplateParts(entries, contentTypes, { master: masterPart, theme: themePart, layouts });
  return {
    file,
    slide,
    themeName: attribute(themeXml, "a:theme", "name") ?? "",
    colors: schemeColors(file, themeXml),
    colorMap: colorMap(masterXml),
    fonts: fontScheme(file, themeXml),
    titleSizePt: titleSize(masterXml),
    masterId: attributeOf(masterRef, "id") ?? "2147483648",
    layouts,
    ...copied,
  };
}

function slideSize(presentation: string): { width: number; height: number } {
  const cx = Number(attribute(presentation, "p:sldSz", "cx") ?? 12192000);
  const cy = Number(attribute(presentation, "p:sldSz", "cy") ?? 6858000);
  return { width: emuToInches(cx), height: emuToInches(cy) };
}

/** System colours carry their last value; windowText and window are black and white otherwise. */
function schemeColors(file: string, themeXml: string): Record<SchemeColor, string> {
  const scheme = /<a:clrScheme[\s\S]*?<\/a:clrScheme>/.exec(themeXml)?.[0];
  if (!scheme) throw refuse(file, "the template's theme has no colour scheme");
  const colors = {} as Record<SchemeColor, string>;
  for (const name of SCHEME_COLORS) {
    const element = new RegExp(`<a:${name}>\\s*<a:(srgbClr|sysClr)\\s([^>]*?)\\/?>`).exec(scheme);
    const attrs = element?.[2] ?? "";
    const value =
      element?.[1] === "sysClr"
        ? (/lastClr="([0-9A-Fa-f]{6})"/.exec(attrs)?.[1] ??
          (/val="window"/.test(attrs) ? "FFFFFF" : "000000"))
        : /val="([0-9A-Fa-f]{6})"/.exec(attrs)?.[1];
    if (!value) throw refuse(file, `the template's colour scheme has no ${name} colour`);
    colors[name] = value.toUpperCase();
  }
  return colors;
}

function colorMap(masterXml: string): ColorMap {
  const get = (name: keyof ColorMap, fallback: SchemeColor): SchemeColor => {
    const value = attribute(masterXml, "p:clrMap", name);
    return (SCHEME_COLORS as readonly string[]).includes(value ?? "") ? (value as SchemeColor) : fallback;
  };
  return { bg1: get("bg1", "lt1"), tx1: get("tx1", "dk1"), bg2: get("bg2", "lt2"), tx2: get("tx2", "dk2") };
}

function fontScheme(file: string, themeXml: string): { major: string; minor: string } {
  const face = (which: string) =>
    new RegExp(`<a:${which}Font>\\s*<a:latin\\s[^>]*?typeface="([^"]*)"`).exec(themeXml)?.[1];
  const major = face("major");
  const minor = face("minor");
  if (!major || !minor) throw refuse(file, "the template's theme has no font scheme (major and minor fonts)");
  return { major, minor };
}

/** The title style's first-level size in points; PowerPoint's own default when the master has none. */
function titleSize(masterXml: string): number {
  const style = /<p:titleStyle>[\s\S]*?<\/p:titleStyle>/.exec(masterXml)?.[0] ?? "";
  const size = Number(/<a:defRPr\b[^>]*?\ssz="(\d+)"/.exec(style)?.[1] ?? 4400) / 100;
  return size >= 8 && size <= 200 ? size : 44;
}
