/**
 * pptxgenjs 4.0.1 writes <p:notesMasterIdLst> after <p:sldIdLst> in presentation.xml; the schema
 * (CT_Presentation: sldMasterIdLst, notesMasterIdLst, handoutMasterIdLst, sldIdLst, sldSz, …)
 * wants it before, and PowerPoint offers to repair the file. Move it to just after the slide
 * master list.
 */
const NOTES_MASTER_LIST = /<p:notesMasterIdLst>[\s\S]*?<\/p:notesMasterIdLst>/;

export function notesMasterListBeforeSlides(presentationXml: string): string {
  const list = NOTES_MASTER_LIST.exec(presentationXml)?.[0];
  const slides = presentationXml.indexOf("<p:sldIdLst");
  const notes = presentationXml.indexOf("<p:notesMasterIdLst>");
  if (list === undefined || slides < 0 || notes < slides) return presentationXml;
  const without = presentationXml.replace(list, "");
  return `${without.slice(0, slides)}${list}${without.slice(slides)}`;
}
