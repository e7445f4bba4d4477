/**
 * Slide XML that PowerPoint repairs on open (pptxgenjs 4.0.1, issues #1441 and #1442, open PR
 * #1457). LibreOffice and Keynote accept both forms; PowerPoint rewrites them.
 */

/** #1442: a solid slide background needs the effect list that image backgrounds already get. */
export function addBackgroundEffectList(slideXml: string): string {
  return slideXml.replace(/<p:bgPr>((?:(?!<\/p:bgPr>)[\s\S])*?)<\/p:bgPr>/g, (background, content: string) =>
    content.includes("<a:effectLst") ? background : `<p:bgPr>${content}<a:effectLst/></p:bgPr>`,
  );
}

const EMPTY_TEXT_BODY =
  '<p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:endParaRPr lang="en-US"/></a:p></p:txBody>';

/** #1441: shapes drawn without text (rules, stripes, panels) get the empty text body PowerPoint adds. */
export function addMissingTextBodies(slideXml: string): string {
  return slideXml.replace(/<p:sp>((?:(?!<\/p:sp>)[\s\S])*?)<\/p:sp>/g, (shape, content: string) =>
    content.includes("<p:txBody>") ? shape : `<p:sp>${content}${EMPTY_TEXT_BODY}</p:sp>`,
  );
}
