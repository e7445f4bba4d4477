import { mapElements } from "./xml-elements.js";

/**
 * pptxgenjs draws a slide title as a plain text box; PowerPoint's outline view, "Reset slide",
 * theme switches and screen readers look for the title *placeholder*. The shapes the renderer
 * names "Title" (and, on a template's cover, "Subtitle") become placeholders here.
 *
 * Without a template the shape keeps its position and formatting (our layouts have no title
 * placeholder to inherit from) and only gains `<p:ph type="title"/>`. On a template's layout it
 * inherits everything from the layout and master — position, font, colour — and keeps only its
 * text and, when the renderer had to shrink it to fit, its size.
 */

export const TITLE_SHAPE = "Title";
export const SUBTITLE_SHAPE = "Subtitle";

export interface SlidePlaceholders {
  /** The placeholder type of the title: "ctrTitle" on a title slide layout. */
  title: "title" | "ctrTitle";
  /** The subtitle placeholder's idx on the layout (template covers only). */
  subtitleIdx?: string;
  /** Inherit position and style from the layout (decks on a template). */
  inherit: boolean;
}

export function titlePlaceholders(slideXml: string, spec: SlidePlaceholders): string {
  return mapElements(slideXml, "p:sp", (shape) => {
    const name = /<p:cNvPr\s[^>]*?name="([^"]*)"/.exec(shape)?.[1];
    if (name === TITLE_SHAPE) return placeholderShape(shape, `<p:ph type="${spec.title}"/>`, spec.inherit);
    if (name === SUBTITLE_SHAPE && spec.subtitleIdx !== undefined) {
      return placeholderShape(shape, `<p:ph type="subTitle" idx="${spec.subtitleIdx}"/>`, spec.inherit);
    }
    return shape;
  });
}

const LOCKS = '<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr>';

function placeholderShape(shape: string, ph: string, inherit: boolean): string {
  if (!inherit) {
    return shape
      .replace(/<p:cNvSpPr\/>|<p:cNvSpPr><\/p:cNvSpPr>/, LOCKS)
      .replace(/<p:nvPr><\/p:nvPr>|<p:nvPr\/>/, `<p:nvPr>${ph}</p:nvPr>`);
  }
  const cNvPr = /<p:cNvPr\b[^>]*?(?:\/>|>[\s\S]*?<\/p:cNvPr>)/.exec(shape)?.[0] ?? "";
  const lang = /<a:rPr\b[^>]*?\slang="([^"]*)"/.exec(shape)?.[1] ?? "en-US";
  const size = /<a:rPr\b[^>]*?\ssz="(\d+)"/.exec(shape)?.[1];
  const paragraphs = [...shape.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)].map(([, content = ""]) =>
    [...content.matchAll(/<a:t>([\s\S]*?)<\/a:t>/g)].map(([, text]) => text).join(""),
  );
  const runProperties = `<a:rPr lang="${lang}"${size ? ` sz="${size}"` : ""} dirty="0"/>`;
  const body = paragraphs
    .filter((text) => text !== "")
    .map((text) => `<a:p><a:r>${runProperties}<a:t>${text}</a:t></a:r></a:p>`)
    .join("");
  return `<p:sp><p:nvSpPr>${cNvPr}${LOCKS}<p:nvPr>${ph}</p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr><a:normAutofit/></a:bodyPr><a:lstStyle/>${body || `<a:p><a:endParaRPr lang="${lang}"/></a:p>`}</p:txBody></p:sp>`;
}
