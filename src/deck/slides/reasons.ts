import { findingsOf } from "../../analysis/rules/index.js";
import type { DeckContext } from "../context.js";
import type { Slide } from "../deck-model.js";
import { findingNotes } from "./notes.js";
import { tablePages } from "./table-pages.js";

const ROWS_PER_SLIDE = 4;

/** Internal only: what the customer said next to the root cause it likely stands for. */
export function reasonSlides(context: DeckContext): Slide[] {
  const proxies = findingsOf(context.analysis.findings, "proxy-reason");
  if (proxies.length === 0) return [];
  return tablePages(context, {
    id: "reasons",
    title: context.text("reasons.title"),
    subtitle: context.text("reasons.subtitle"),
    columns: [
      { header: context.text("reasons.col.said"), align: "left", width: 3 },
      { header: context.text("reasons.col.proxy"), align: "left", width: 1.8 },
      { header: context.text("reasons.col.root"), align: "left", width: 1.6 },
      { header: context.text("reasons.col.ask"), align: "left", width: 5.4 },
    ],
    rows: proxies.map((finding) => [
      { text: `“${finding.evidence.reason}”`, bold: true },
      { text: context.text(`reasons.category.${finding.evidence.category}`) },
      { text: finding.evidence.likelyRootCause, tone: "bad" },
      { text: finding.prompts[0] ?? "" },
    ]),
    notes: findingNotes(context, proxies),
    rowsPerSlide: ROWS_PER_SLIDE,
  });
}
