/**
 * Slide XML that PowerPoint repairs on open (pptxgenjs 4.0.1, issues #1441 and #1442, open PR
 * #1457). LibreOffice and Keynote accept both forms; PowerPoint rewrites them.
 */

/**
 * Appends `addition(content)` (when it returns text) to the content of every `<tag>…</tag>`
 * element (attribute-less opening tag, first closing tag after it), scanning with indexOf and
 * copying the XML only where something is inserted: a regular expression with a tempered token
 * was ~4 % of a PPTX's cost.
 */
function appendToElements(xml: string, tag: string, addition: (content: string) => string | null): string {
  const open = `<${tag}>`;
  const close = `</${tag}>`;
  const pieces: string[] = [];
  let copied = 0;
  let from = 0;
  for (;;) {
    const start = xml.indexOf(open, from);
    if (start < 0) break;
    const end = xml.indexOf(close, start + open.length);
    if (end < 0) break;
    const inserted = addition(xml.slice(start + open.length, end));
    if (inserted !== null) {
      pieces.push(xml.slice(copied, end), inserted);
      copied = end;
    }
    from = end + close.length;
  }
  if (pieces.length === 0) return xml;
  pieces.push(xml.slice(copied));
  return pieces.join("");
}

/** #1442: a solid slide background needs the effect list that image backgrounds already get. */
export function addBackgroundEffectList(slideXml: string): string {
  return appendToElements(slideXml, "p:bgPr", (content) =>
    content.includes("<a:effectLst") ? null : "<a:effectLst/>",
  );
}

const EMPTY_TEXT_BODY =
  '<p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:endParaRPr lang="en-US"/></a:p></p:txBody>';

/** #1441: shapes drawn without text (rules, stripes, panels) get the empty text body PowerPoint adds. */
export function addMissingTextBodies(slideXml: string): string {
  return appendToElements(slideXml, "p:sp", (content) =>
    content.includes("<p:txBody>") ? null : EMPTY_TEXT_BODY,
  );
}
