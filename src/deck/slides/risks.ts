import type { DeckContext } from "../context.js";
import { SEVERITY_TONE } from "../context.js";
import type { BulletItem, Slide } from "../deck-model.js";
import { CONTENT_BOX } from "../geometry.js";
import { columns } from "../layout.js";
import { formatValue } from "../../text/format.js";
import { findingOf } from "../../analysis/rules/index.js";
import type { GreenSignal } from "../../analysis/rules/watermelon.js";
import { findingNotes } from "./notes.js";
import { cleanRiskSlide, onlyLowFindings } from "./risks-clean.js";
import { tablePages } from "./table-pages.js";

export const RISK_ROWS_PER_SLIDE = 6;

/**
 * Internal only: every finding, most severe first, with its evidence in words; a healthy account
 * (nothing above low) gets the checks and what they found instead (risks-clean.ts).
 */
export function riskSlides(context: DeckContext): Slide[] {
  const { findings } = context.analysis;
  if (onlyLowFindings(findings)) return [cleanRiskSlide(context)];
  const pages = tablePages(context, {
    id: "risks",
    title: context.text("risks.title"),
    subtitle: context.text("risks.subtitle"),
    columns: [
      { header: context.text("risks.col.severity"), align: "center", width: 1.1 },
      { header: context.text("risks.col.finding"), align: "left", width: 4 },
      { header: context.text("risks.col.evidence"), align: "left", width: 6.4 },
    ],
    rows: findings.map((finding) => [
      {
        text: context.text(`risks.severity.${finding.severity}`),
        tone: SEVERITY_TONE[finding.severity],
        bold: true,
      },
      { text: finding.title, bold: true },
      { text: finding.summary },
    ]),
    notes: "",
    rowsPerSlide: RISK_ROWS_PER_SLIDE,
  });
  // Each page's notes hold the evidence and questions of the findings it shows.
  return pages.map((slide, index) => ({
    ...slide,
    notes: findingNotes(
      context,
      findings.slice(index * RISK_ROWS_PER_SLIDE, (index + 1) * RISK_ROWS_PER_SLIDE),
    ),
  }));
}

/** deck.yaml key of a green signal: a labelled health score and an NPS score read differently. */
function greenSignalKey(signal: GreenSignal): string {
  if ("label" in signal) return "hidden.green.healthScoreLabel";
  return `hidden.green.${signal.signal}`;
}

/** Internal only: the watermelon / power-users call-out, both sides' evidence side by side. */
export function hiddenRiskSlides(context: DeckContext): Slide[] {
  const { analysis } = context;
  const slides: Slide[] = [];
  const [left, right] = columns(CONTENT_BOX, [1, 1]);
  const behindItems = (ids: string[]): BulletItem[] =>
    analysis.goals
      .filter(({ goal }) => ids.includes(goal.id))
      .map((entry) => ({
        text: context.text(entry.figures.attainment === null ? "hidden.goal.nodata" : "hidden.goal.behind", {
          goal: context.goalText(entry),
        }),
        tone: "bad" as const,
      }));
  const watermelon = findingOf(analysis.findings, "watermelon");
  if (watermelon) {
    const green = watermelon.evidence.greenSignals;
    const usage = analysis.account.signals.usage;
    const behind = watermelon.evidence.goalsBehind.map((item) => item.goal);
    slides.push({
      id: "hidden-risks",
      layout: "content",
      title: context.text("hidden.title"),
      subtitle: context.text("hidden.subtitle"),
      blocks: [
        {
          kind: "bullets",
          box: left!,
          heading: context.text("hidden.green.heading"),
          items: [
            ...green.map((signal) => ({
              text: context.text(greenSignalKey(signal), { signal }),
              tone: "good" as const,
            })),
            ...(usage
              ? [
                  {
                    text: context.text("hidden.green.usage", {
                      signal: { value: usage.activeUsersPct, max: 100 },
                    }),
                    tone: "good" as const,
                  },
                ]
              : []),
          ],
        },
        {
          kind: "bullets",
          box: right!,
          heading: context.text("hidden.red.heading"),
          items: behindItems(behind),
        },
      ],
      notes: findingNotes(context, [watermelon]),
    });
  }
  const usageFinding = findingOf(analysis.findings, "usage-without-value");
  if (usageFinding) {
    slides.push({
      id: "hidden-risks",
      layout: "content",
      title: context.text("hidden.usage.title"),
      subtitle: context.text("hidden.usage.subtitle"),
      blocks: [
        {
          kind: "kpis",
          box: { ...left!, h: 1.6 },
          items: [
            {
              label: context.text("hidden.usage.kpi.users"),
              value: formatValue(usageFinding.evidence.activeUsersPct, "%"),
              tone: "good",
            },
            {
              label: context.text("hidden.usage.kpi.behind"),
              value: context.text("hidden.usage.kpi.behind.value", { evidence: usageFinding.evidence }),
              tone: "bad",
            },
          ],
        },
        {
          kind: "text",
          box: { ...left!, y: left!.y + 1.9, h: left!.h - 1.9 },
          text: usageFinding.summary,
          style: "body",
        },
        {
          kind: "bullets",
          box: right!,
          heading: context.text("hidden.red.heading"),
          items: behindItems(usageFinding.evidence.behindGoals),
        },
      ],
      notes: findingNotes(context, [usageFinding]),
    });
  }
  return slides;
}
