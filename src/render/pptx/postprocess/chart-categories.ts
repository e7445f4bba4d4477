/**
 * pptxgenjs 4.0.1 writes flat category labels as a multi-level reference (<c:multiLvlStrRef>
 * with a single <c:lvl>). Google Slides' importer (PR #1273, issue #1466) and other readers do not
 * implement that form and show 1, 2, 3… instead of the labels. A single level is a plain string
 * reference, which is also what PowerPoint itself writes.
 */
const MULTI_LEVEL_REF =
  /<c:multiLvlStrRef>\s*<c:f>([^<]*)<\/c:f>\s*<c:multiLvlStrCache>\s*<c:ptCount val="(\d+)"\/>\s*((?:<c:lvl>[\s\S]*?<\/c:lvl>\s*)+)<\/c:multiLvlStrCache>\s*<\/c:multiLvlStrRef>/g;
const LEVEL = /<c:lvl>([\s\S]*?)<\/c:lvl>/g;

export function singleLevelCategoriesAsStrRef(chartXml: string): string {
  return chartXml.replace(MULTI_LEVEL_REF, (original, formula: string, count: string, levels: string) => {
    const found = [...levels.matchAll(LEVEL)];
    if (found.length !== 1) return original;
    const points = (found[0]?.[1] ?? "").trim();
    return `<c:strRef><c:f>${formula}</c:f><c:strCache><c:ptCount val="${count}"/>${points}</c:strCache></c:strRef>`;
  });
}
