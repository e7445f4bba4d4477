import type { Box } from "../../../deck/deck-model.js";
import { InvalidInputError } from "../../../errors.js";
import type { AppliedTemplate, LayoutNames, PptxTemplate, TemplateLayout } from "./template-model.js";
import { attribute, boundingBox, placeholders, type Placeholder } from "./package-xml.js";

/** Placeholder types that hold a slide's content (text, tables, charts, pictures). */
const CONTENT_TYPES = new Set(["obj", "body", "tbl", "chart", "dgm", "pic", "media", "clipArt"]);
const TITLE_TYPES = new Set(["title", "ctrTitle"]);

interface MasterPlaceholders {
  title?: Box;
  body?: Box;
  slideNumber?: Box;
}

export function masterPlaceholders(masterXml: string): MasterPlaceholders {
  const all = placeholders(masterXml);
  return {
    title: all.find((ph) => TITLE_TYPES.has(ph.type))?.box,
    body: all.find((ph) => ph.type === "body")?.box,
    slideNumber: all.find((ph) => ph.type === "sldNum")?.box,
  };
}

/**
 * What a layout offers our slides: its title placeholder (where it sits, its own box or the
 * master's), a subtitle on title slide layouts, and the content area — its content placeholders
 * together, else the master's body, else the slide below the title. The content area never
 * reaches above the title's bottom.
 */
export function describeLayout(
  part: string,
  layoutXml: string,
  master: MasterPlaceholders,
  slide: { width: number; height: number },
): TemplateLayout {
  const all = placeholders(layoutXml);
  const titlePh = all.find((ph) => TITLE_TYPES.has(ph.type));
  const title = titlePh ? (titlePh.box ?? master.title) : undefined;
  const subtitlePh = all.find((ph) => ph.type === "subTitle");
  const slideNumberPh = all.find((ph) => ph.type === "sldNum");
  const subtitleBox = subtitlePh?.box ?? (subtitlePh ? master.body : undefined);
  const content = contentArea(
    all.filter((ph) => CONTENT_TYPES.has(ph.type)),
    master,
    title,
    slide,
  );
  return {
    part,
    name: attribute(layoutXml, "p:cSld", "name") ?? "",
    type: attribute(layoutXml, "p:sldLayout", "type") ?? "cust",
    title,
    titleType: titlePh ? (titlePh.type === "ctrTitle" ? "ctrTitle" : "title") : undefined,
    subtitle: subtitlePh && subtitleBox ? { box: subtitleBox, idx: subtitlePh.idx } : undefined,
    slideNumber: slideNumberPh ? (slideNumberPh.box ?? master.slideNumber) : undefined,
    content,
  };
}

function contentArea(
  content: Placeholder[],
  master: MasterPlaceholders,
  title: Box | undefined,
  slide: { width: number; height: number },
): Box {
  const own = boundingBox(content.flatMap((ph) => (ph.box ? [ph.box] : [])));
  const margin = Math.min(0.5, slide.width * 0.04);
  const fallback: Box = {
    x: title?.x ?? margin,
    y: title ? title.y + title.h + 0.15 : margin,
    w: title?.w ?? slide.width - 2 * margin,
    h: 0,
  };
  fallback.h = slide.height - margin - fallback.y;
  const area = own ?? master.body ?? fallback;
  const titleBottom = title ? title.y + title.h + 0.1 : 0;
  if (area.y >= titleBottom) return area;
  const top = Math.min(titleBottom, area.y + area.h - 1);
  return { ...area, y: top, h: area.y + area.h - top };
}

/** Layout types in order of preference for a content slide: our blocks are not placeholder content. */
const CONTENT_PREFERENCE = ["titleOnly", "obj", "tx", "twoObj", "objTx", "txAndObj", "cust"];

/** The layout our content slides use: by name when given, else the best type with a title. */
export function chooseContentLayout(
  layouts: readonly TemplateLayout[],
  name?: string,
): TemplateLayout | undefined {
  if (name !== undefined) return layouts.find((layout) => layout.name === name);
  const titled = layouts.filter((layout) => layout.title && layout.type !== "title");
  for (const type of CONTENT_PREFERENCE) {
    const match = titled.find((layout) => layout.type === type);
    if (match) return match;
  }
  return titled[0];
}

/** The layout of the cover: by name, else the title slide layout, else the content layout. */
export function chooseCoverLayout(
  layouts: readonly TemplateLayout[],
  content: TemplateLayout,
  name?: string,
): TemplateLayout | undefined {
  if (name !== undefined) return layouts.find((layout) => layout.name === name);
  // LibreOffice writes its "Title Slide" layout with type="tx": the name says what it is.
  return (
    layouts.find((layout) => layout.type === "title" && layout.title) ??
    layouts.find((layout) => layout.titleType === "ctrTitle") ??
    layouts.find((layout) => /^title slide$/i.test(layout.name) && layout.title) ??
    content
  );
}

/**
 * The layouts our slides go on, as the theme file names them or by type; a name the template
 * does not have is an error that lists the names it has.
 */
export function chooseLayouts(template: PptxTemplate, names: LayoutNames = {}): AppliedTemplate {
  const unknown = (role: string, name: string) =>
    new InvalidInputError([
      {
        file: template.file,
        line: 0,
        column: 0,
        path: "",
        message: `the theme file names the ${role} layout "${name}", which the template does not have (it has ${template.layouts.map((layout) => `"${layout.name}"`).join(", ")})`,
      },
    ]);
  const content = chooseContentLayout(template.layouts, names.content);
  if (!content) throw unknown("content", names.content ?? "");
  if (!content.title) {
    throw new InvalidInputError([
      {
        file: template.file,
        line: 0,
        column: 0,
        path: "",
        message: `layout "${content.name}" has no title placeholder; choose a layout with a title for content slides`,
      },
    ]);
  }
  const cover = chooseCoverLayout(template.layouts, content, names.cover);
  if (!cover) throw unknown("cover", names.cover ?? "");
  return { template, cover, content };
}
