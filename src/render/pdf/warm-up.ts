import type { Deck } from "../../deck/deck-model.js";
import type { RenderOptions, RenderResult } from "../renderer.js";

/**
 * A process's first PDF costs about twice its second: V8 compiles the drawing code, fontkit
 * decodes its shaping tables and compiles its shaper, the font subset is encoded for the first
 * time. A thread that would otherwise wait for its first deck (batch/render-thread-worker.ts,
 * batch/worker.ts) renders this small deck meanwhile — one page with every block kind — and throws
 * the bytes away, so the deck that matters renders warm. The caches it fills are the ones every
 * later deck of a batch shares, which give the same bytes as a fresh process.
 */
const COLORS = {
  primary: "1F3A5F",
  accent: "2E86AB",
  text: "1F2933",
  muted: "6B7280",
  background: "FFFFFF",
  surface: "F3F4F6",
  good: "2E7D32",
  warn: "B7791F",
  bad: "C62828",
  plan: "6B7280",
  actual: "2E86AB",
  forecast: "2E86AB",
  target: "1F3A5F",
};

const WORDS =
  "Outcomes agreed with the sponsor: shipments delivered on time rose from 82% to 91% — ahead of plan.";

export const WARM_UP_DECK: Deck = {
  meta: {
    title: "Quarterly business review",
    subject: "Warm-up",
    author: "",
    company: "qbr-deck",
    keywords: [],
    language: "en",
    audience: "internal",
    kind: "qbr",
    accountName: "Warm-up",
    periodLabel: "Q3 2026",
    asOf: "2026-09-30",
    footer: "Warm-up · Q3 2026",
    classification: "Internal — do not share",
    // One page, no notes pages: the warm-up must be over by the time the real deck arrives
    // (measured: the three-page version still ran then, and cost ~0.1 s of wall time).
    printNotes: null,
  },
  theme: {
    name: "warm-up",
    colors: COLORS,
    fonts: { heading: "DejaVu Sans", body: "DejaVu Sans" },
    logo: { placement: "none" },
  },
  logo: null,
  slides: [
    {
      id: "summary",
      layout: "content",
      title: "Where the outcomes stand",
      notes: `${WORDS}\nWhat would the sponsor call a success next quarter?`,
      blocks: [
        { kind: "text", box: { x: 0.5, y: 1.2, w: 6, h: 0.6 }, text: WORDS, style: "lead" },
        {
          kind: "bullets",
          box: { x: 0.5, y: 1.9, w: 6, h: 1.6 },
          heading: "Risks",
          items: [
            { text: WORDS, tone: "bad" },
            { text: "Who owns the goal now the champion has left?", level: 1 },
          ],
        },
        {
          kind: "kpis",
          box: { x: 0.5, y: 3.6, w: 6, h: 1.0 },
          items: [
            { label: "Value realised", value: "$1,250,000", detail: "of $1.5M planned", tone: "good" },
            { label: "Goals on track", value: "3 of 4", tone: "warn" },
          ],
        },
        {
          kind: "table",
          box: { x: 0.5, y: 4.7, w: 6, h: 1.4 },
          columns: [
            { header: "Goal", align: "left", width: 3 },
            { header: "Planned", align: "right", width: 1 },
            { header: "Actual", align: "right", width: 1 },
          ],
          rows: [
            [{ text: "On-time delivery rate" }, { text: "90%" }, { text: "91%", tone: "good", bold: true }],
            [{ text: "Cost per shipment" }, { text: "$12.40" }, { text: "$13.10", tone: "bad" }],
          ],
        },
        {
          kind: "chart",
          box: { x: 6.8, y: 1.2, w: 6, h: 2.4 },
          alt: "On-time delivery rate by month",
          chart: {
            type: "timeline",
            title: "On-time delivery rate",
            format: { style: "percent", decimals: 0 },
            series: [
              {
                name: "Plan",
                role: "plan",
                points: [
                  { date: "2026-01-31", value: 0.8 },
                  { date: "2026-09-30", value: 0.9 },
                ],
              },
              {
                name: "Actual",
                role: "actual",
                points: [
                  { date: "2026-01-31", value: 0.82 },
                  { date: "2026-06-30", value: 0.88 },
                ],
              },
              {
                name: "Forecast",
                role: "forecast",
                points: [
                  { date: "2026-06-30", value: 0.88 },
                  { date: "2026-09-30", value: 0.91 },
                ],
              },
            ],
            referenceLines: [{ label: "Target", value: 0.9, role: "target" }],
          },
        },
        {
          kind: "chart",
          box: { x: 6.8, y: 3.8, w: 6, h: 2.4 },
          alt: "Value realised against planned per goal",
          chart: {
            type: "bar",
            title: "Value realised",
            format: { style: "currency", currency: "USD", decimals: 0 },
            direction: "horizontal",
            categories: ["On-time delivery", "Cost per shipment"],
            series: [
              { name: "Planned", role: "planned", values: [900000, 600000] },
              { name: "Realised", role: "value", values: [1000000, 250000] },
            ],
          },
        },
      ],
    },
  ],
};

/** Renders the warm-up deck with `render` and drops the result; a failure only means no warm-up. */
export async function warmUpWith(
  render: (deck: Deck, options: RenderOptions) => Promise<RenderResult>,
): Promise<void> {
  try {
    await render(WARM_UP_DECK, {});
  } catch {
    // The real deck will pay the start-up cost instead, and report any real problem itself.
  }
}
