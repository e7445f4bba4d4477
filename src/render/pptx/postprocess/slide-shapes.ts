/**
 * Slide XML that PowerPoint repairs on open (pptxgenjs 4.0.1, issues #1441 and #1442, open PR
 * #1457). LibreOffice and Keynote accept both forms; PowerPoint rewrites them.
 */

/**
 * Rewrites the content of every `<tag>…</tag>` element (attribute-less opening tag, first closing
 * tag after it), scanning with indexOf: a regular expression with a tempered token was ~4 % of a
 * PPTX's cost.
 */
function mapElements(xml: string, tag: string, rewrite: (content: string) => string): string {
  const open = `<${tag}>`;
  const close = `</${tag}>`;
  let out = "";
  let from = 0;
  for (;;) {
    const start = xml.indexOf(open, from);
    if (start < 0) break;
    const end = xml.indexOf(close, start + open.length);
    if (end < 0) break;
    out += xml.slice(from, start) + open + rewrite(xml.slice(start + open.length, end)) + close;
    from = end + close.length;
  }
  return from === 0 ? xml : out + xml.slice(from);
}

/** #1442: a solid slide background needs the effect list that image backgrounds already get. */
export function addBackgroundEffectList(slideXml: string): string {
  return mapElements(slideXml, "p:bgPr", (content) =>
    content.includes("<a:effectLst") ? content : `${content}<a:effectLst/>`,
  );
}

const EMPTY_TEXT_BODY =
  '<p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:endParaRPr lang="en-US"/></a:p></p:txBody>';

/** #1441: shapes drawn without text (rules, stripes, panels) get the empty text body PowerPoint adds. */
export function addMissingTextBodies(slideXml: string): string {
  return mapElements(slideXml, "p:sp", (content) =>
    content.includes("<p:txBody>") ? content : `${content}${EMPTY_TEXT_BODY}`,
  );
}
