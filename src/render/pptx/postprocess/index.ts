import type { DeckMeta } from "../../../deck/deck-model.js";
import { applyTemplate } from "../template/apply-template.js";
import type { PptxTemplate } from "../template/template-model.js";
import { removeOrphanAxisIds } from "./chart-axes.js";
import { axesInSchemaOrder } from "./chart-axis-order.js";
import { addBackgroundEffectList, addMissingTextBodies } from "./slide-shapes.js";
import { dropBlankCachePoints } from "./chart-blanks.js";
import { singleLevelCategoriesAsStrRef } from "./chart-categories.js";
import { unlinkDateAxisLabels } from "./chart-date-axis.js";
import { addLineChartGrouping } from "./chart-line-grouping.js";
import { lineSeriesInSchemaOrder } from "./chart-line-series.js";
import { labelReferenceLinesOnce } from "./chart-reference-label.js";
import { renumberCharts } from "./chart-numbering.js";
import { pruneContentTypeOverrides } from "./content-types.js";
import { normaliseCoreProperties } from "./core-properties.js";
import { packageDate, readPackage, textPart, writePackage, type PackageFiles } from "./package.js";
import { titlePlaceholders, type SlidePlaceholders } from "./placeholders.js";
import { notesMasterListBeforeSlides } from "./presentation-order.js";
import { normaliseWorkbook } from "./workbook.js";

/**
 * Rewrites the zip pptxgenjs produced: fixes its known chart defects and makes the bytes a pure
 * function of the Deck (same deck → same bytes, in any process, on any day). Each part is read
 * and written once.
 */
export interface SlideStructure {
  /** Per slide, in deck order: which of its shapes become placeholders, and how. */
  placeholders: readonly SlidePlaceholders[];
  /** The company template and the layout part of each slide, when the deck is built on one. */
  template?: {
    template: PptxTemplate;
    slideLayouts: readonly string[];
    /** The deck's fonts (a theme file's brand fonts may replace the template's). */
    fonts?: { heading: string; body: string };
  };
}

export async function postprocessPptx(
  pptx: Uint8Array | PackageFiles,
  meta: DeckMeta,
  structure: SlideStructure = { placeholders: [] },
): Promise<Uint8Array> {
  const date = packageDate(meta.asOf);
  const files = renumberCharts(pptx instanceof Map ? pptx : await readPackage(pptx));
  fixCharts(files);
  fixSlides(files, structure.placeholders);
  if (structure.template) {
    const { template, slideLayouts, fonts } = structure.template;
    applyTemplate(files, template, slideLayouts, fonts);
  }
  await fixWorkbooks(files, date);
  const presentation = textPart(files, "ppt/presentation.xml");
  if (presentation !== undefined) {
    files.set("ppt/presentation.xml", notesMasterListBeforeSlides(presentation));
  }
  const core = textPart(files, "docProps/core.xml");
  if (core !== undefined) files.set("docProps/core.xml", normaliseCoreProperties(core, meta, date));
  const contentTypes = textPart(files, "[Content_Types].xml");
  if (contentTypes !== undefined) {
    files.set("[Content_Types].xml", pruneContentTypeOverrides(contentTypes, new Set(files.keys())));
  }
  return writePackage(files, date);
}

const CHART_PART = /^ppt\/charts\/chart\d+\.xml$/;
/** Slides and slide layouts (the content master's chrome is drawn on its layout). */
const SLIDE_PART = /^ppt\/(slides\/slide|slideLayouts\/slideLayout)\d+\.xml$/;

function fixSlides(files: PackageFiles, placeholders: readonly SlidePlaceholders[]): void {
  for (const name of [...files.keys()]) {
    const slideXml = SLIDE_PART.test(name) ? textPart(files, name) : undefined;
    if (slideXml === undefined) continue;
    const fixed = addMissingTextBodies(addBackgroundEffectList(slideXml));
    const slideNumber = /^ppt\/slides\/slide(\d+)\.xml$/.exec(name)?.[1];
    const spec = slideNumber ? placeholders[Number(slideNumber) - 1] : undefined;
    files.set(name, spec ? titlePlaceholders(fixed, spec) : fixed);
  }
}

function fixCharts(files: PackageFiles): void {
  for (const name of [...files.keys()]) {
    const chartXml = CHART_PART.test(name) ? textPart(files, name) : undefined;
    if (chartXml === undefined) continue;
    const fixed = [
      removeOrphanAxisIds,
      singleLevelCategoriesAsStrRef,
      dropBlankCachePoints,
      addLineChartGrouping,
      lineSeriesInSchemaOrder,
      axesInSchemaOrder,
      labelReferenceLinesOnce,
      unlinkDateAxisLabels,
    ].reduce((xml, fix) => fix(xml), chartXml);
    files.set(name, fixed);
  }
}

async function fixWorkbooks(files: PackageFiles, date: Date): Promise<void> {
  const chartOfWorkbook = workbookCharts(files);
  const jobs = [...files].flatMap(([name, content]) =>
    name.startsWith("ppt/embeddings/") && name.endsWith(".xlsx") && typeof content !== "string"
      ? [{ name, content, chartXml: textPart(files, chartOfWorkbook.get(name) ?? "") }]
      : [],
  );
  const fixed = await Promise.all(jobs.map((job) => normaliseWorkbook(job.content, job.chartXml, date)));
  jobs.forEach((job, index) => {
    const bytes = fixed[index];
    if (bytes) files.set(job.name, bytes);
  });
}

/** Embedded workbook part → the chart part that embeds it, read from the charts' relationships. */
function workbookCharts(files: PackageFiles): Map<string, string> {
  const result = new Map<string, string>();
  for (const name of [...files.keys()]) {
    const chart = /^ppt\/charts\/_rels\/(chart\d+\.xml)\.rels$/.exec(name)?.[1];
    const rels = chart ? textPart(files, name) : undefined;
    if (!chart || rels === undefined) continue;
    for (const [, target] of rels.matchAll(/Target="\.\.\/embeddings\/([^"]+)"/g)) {
      result.set(`ppt/embeddings/${target}`, `ppt/charts/${chart}`);
    }
  }
  return result;
}
