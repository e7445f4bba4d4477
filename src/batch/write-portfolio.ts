import { statSync } from "node:fs";
import path from "node:path";
import type { Theme } from "../deck/deck-model.js";
import {
  loadRenderer,
  OUTPUT_FORMAT_SPECS,
  type OutputFormat,
  type RenderOptions,
} from "../render/renderer.js";
import { VERSION } from "../version.js";
import { writeFileAtomic } from "../io/atomic-write.js";
import { sha256 } from "../io/input-hash.js";
import type { Manifest, PortfolioRecord } from "./manifest.js";
import { buildPortfolio } from "./portfolio.js";
import { portfolioCsv } from "./portfolio-csv.js";
import { buildPortfolioDeck } from "../deck/kinds/portfolio.js";
import type { TemplateSet } from "../text/template-set.js";

/**
 * Writes portfolio-internal.csv and the portfolio deck(s) next to the manifest. Like the account
 * decks they are skipped when nothing they show has changed since the last run.
 *
 * The portfolio ranks accounts by risk and names their findings: it is internal material in
 * every run, so its name says so whatever audiences the run had (the audience rule of
 * risk-summary.ts), and one pattern (`*-internal*`) leaves out everything not to be sent.
 */

export const PORTFOLIO_BASENAME = "portfolio-internal";

export interface PortfolioResult {
  record: PortfolioRecord;
  warnings: string[];
  reused: boolean;
}

function stillOnDisk(outDir: string, record: PortfolioRecord | undefined, inputHash: string): boolean {
  return (
    record?.inputHash === inputHash &&
    record.files.every(
      (file) => statSync(path.join(outDir, file.path), { throwIfNoEntry: false })?.size === file.bytes,
    )
  );
}

export async function writePortfolio(
  outDir: string,
  manifest: Manifest,
  options: {
    formats: readonly OutputFormat[];
    theme: Theme;
    templates: TemplateSet;
    render: RenderOptions;
    /** The portfolio recorded by the previous run in this folder, if any. */
    previous?: PortfolioRecord;
  },
): Promise<PortfolioResult> {
  const portfolio = buildPortfolio(manifest, manifest.settings.asOf ?? undefined);
  const deck = buildPortfolioDeck(portfolio, {
    theme: options.theme,
    templates: options.templates,
    producer: `qbr-deck ${VERSION}`,
  });
  // The deck holds all the portfolio shows (its figures, words and theme), so its hash says when to redraw it.
  const inputHash = sha256(
    JSON.stringify({
      version: VERSION,
      portfolio,
      formats: options.formats,
      deck,
      pdfStandard: options.render.pdfStandard ?? null,
    }),
  );
  // A password-protected PDF cannot be compared with the previous one, so it is always rewritten.
  if (!options.render.pdfUserPassword && stillOnDisk(outDir, options.previous, inputHash)) {
    return { record: options.previous!, warnings: [], reused: true };
  }
  const warnings: string[] = [];
  const files: PortfolioRecord["files"] = [];
  const write = (name: string, format: OutputFormat | "csv", bytes: Uint8Array | string) => {
    writeFileAtomic(path.join(outDir, name), bytes);
    const size = typeof bytes === "string" ? Buffer.byteLength(bytes) : bytes.byteLength;
    files.push({ path: name, format, bytes: size, sha256: sha256(bytes) });
  };
  write(`${PORTFOLIO_BASENAME}.csv`, "csv", portfolioCsv(portfolio));
  for (const format of options.formats) {
    const result = await (await loadRenderer(format)).render(deck, options.render);
    const name = `${PORTFOLIO_BASENAME}.${OUTPUT_FORMAT_SPECS[format].extension}`;
    warnings.push(...result.warnings.map((warning) => `${name}: ${warning}`));
    write(name, format, result.bytes);
  }
  return { record: { files, inputHash }, warnings, reused: false };
}
