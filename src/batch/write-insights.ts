import path from "node:path";
import { buildInsightsDeck } from "../deck/kinds/insights.js";
import type { Theme } from "../deck/deck-model.js";
import type { IsoDate } from "../dates.js";
import type { Insights } from "../insights/insights.js";
import { writeFileAtomic } from "../io/atomic-write.js";
import { loadRenderer, OUTPUT_FORMAT_SPECS, type OutputFormat } from "../render/renderer.js";
import type { TemplateSet } from "../text/template-set.js";
import { VERSION } from "../version.js";
import { insightsCsv } from "./insights-csv.js";

/**
 * Writes insights-internal.csv and, when formats are given, the insights deck. Like the portfolio,
 * the names say "internal" whatever else the folder holds: one pattern (`*-internal*`) leaves out
 * everything not to be sent, and the deck itself is internal-only (deck/kinds/insights.ts).
 */

export const INSIGHTS_BASENAME = "insights-internal";

export async function writeInsights(
  outDir: string,
  insights: Insights,
  options: { formats: readonly OutputFormat[]; theme: Theme; templates: TemplateSet; today: IsoDate },
): Promise<{ files: string[]; warnings: string[] }> {
  const files: string[] = [];
  const warnings: string[] = [];
  const write = (name: string, bytes: Uint8Array | string) => {
    const file = path.join(outDir, name);
    writeFileAtomic(file, bytes);
    files.push(file);
  };
  write(`${INSIGHTS_BASENAME}.csv`, insightsCsv(insights));
  if (options.formats.length === 0) return { files, warnings };
  const deck = buildInsightsDeck(insights, {
    theme: options.theme,
    templates: options.templates,
    producer: `qbr-deck ${VERSION}`,
    today: options.today,
  });
  for (const format of options.formats) {
    const result = await (await loadRenderer(format)).render(deck, {});
    const name = `${INSIGHTS_BASENAME}.${OUTPUT_FORMAT_SPECS[format].extension}`;
    warnings.push(...result.warnings.map((warning) => `${name}: ${warning}`));
    write(name, result.bytes);
  }
  return { files, warnings };
}
