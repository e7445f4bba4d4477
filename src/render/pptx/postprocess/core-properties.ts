import type { DeckMeta } from "../../../deck/deck-model.js";

/**
 * docProps/core.xml: pptxgenjs stamps created/modified with the wall clock. The deck's as-of date
 * is its document date, which makes the bytes reproducible; the language comes from the deck.
 */
export function normaliseCoreDates(coreXml: string, date: Date): string {
  const stamp = date.toISOString().replace(/\.\d{3}Z$/, "Z");
  return coreXml.replace(
    /(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g,
    (_match, open: string, _name: string, close: string) => `${open}${stamp}${close}`,
  );
}

export function setCoreLanguage(coreXml: string, language: string): string {
  if (language.trim() === "" || coreXml.includes("<dc:language>")) return coreXml;
  return coreXml.replace(
    "</cp:coreProperties>",
    `<dc:language>${escapeXml(language)}</dc:language></cp:coreProperties>`,
  );
}

export function normaliseCoreProperties(coreXml: string, meta: DeckMeta, date: Date): string {
  return setCoreLanguage(normaliseCoreDates(coreXml, date), meta.language);
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
