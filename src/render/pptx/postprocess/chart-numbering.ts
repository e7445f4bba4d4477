import { textPart, type PackageFiles } from "./package.js";

/**
 * pptxgenjs numbers chart parts with a counter that lives as long as the process, so the second
 * deck rendered by a worker names its charts chart4.xml… instead of chart1.xml… and its bytes
 * differ from the same deck rendered first. Renumber each deck's charts 1…n, keeping their order
 * (the counter follows the order addChart was called), and rename the parts that carry the number.
 */
const CHART_PART = /^ppt\/charts\/chart(\d+)\.xml$/;
const NUMBERED_NAME = /\b(chart|Microsoft_Excel_Worksheet)(\d+)\.(xml|xlsx)\b/g;

export function renumberCharts(files: PackageFiles): PackageFiles {
  const numbers = [...files.keys()]
    .map((name) => CHART_PART.exec(name)?.[1])
    .filter((number): number is string => number !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
  const renumbered = new Map(numbers.map((number, index) => [number, index + 1]));
  if (numbers.every((number, index) => number === index + 1)) return files;

  const rename = (text: string): string =>
    text.replace(NUMBERED_NAME, (match, stem: string, number: string, extension: string) => {
      const next = renumbered.get(Number(number));
      return next === undefined ? match : `${stem}${next}.${extension}`;
    });
  const result: PackageFiles = new Map();
  for (const name of [...files.keys()]) {
    const carriesNumber = name.startsWith("ppt/charts/") || name.startsWith("ppt/embeddings/");
    const refersToCharts = name === "[Content_Types].xml" || name.endsWith(".rels");
    const content = refersToCharts ? rename(textPart(files, name) ?? "") : files.get(name);
    result.set(carriesNumber ? rename(name) : name, content ?? new Uint8Array());
  }
  return result;
}
