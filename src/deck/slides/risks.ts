import type { DeckContext } from "../context.js";
import { SEVERITY_TONE } from "../context.js";
import type { BulletItem, Slide } from "../deck-model.js";
import { CONTENT_BOX } from "../geometry.js";
import { columns } from "../layout.js";
import { formatValue } from "../../text/format.js";
import type { GreenSignal } from "../../analysis/rules/watermelon.js";
import { findingNotes } from "./notes.js";
import { tablePages } from "./table-pages.js";

export const RISK_ROWS_PER_SLIDE = 6;

/** Internal only: every finding, most severe first, with its evidence in words. */
export function riskSlides(context: DeckContext): Slide[] {
  const { findings } = context.analysis;
  if (findings.length === 0) {
    return [
      {
        id: "risks",
        layout: "content",
        title: context.text("risks.title"),
        blocks: [
          {
            kind: "text",
            box: { ...CONTENT_BOX, h: 1 },
            text: context.text("risks.none"),
            style: "lead",
            tone: "good",
          },
        ],
        notes: "",
      },
    ];
  }
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
      { text: finding.severity.toUpperCase(), tone: SEVERITY_TONE[finding.severity], bold: true },
      { text: finding.title, bold: true },
      { text: finding.summary },
    ]),
    notes: "",
    rowsPerSlide: RISK_ROWS_PER_SLIDE,
  });
  // Each page's notes hold the evidence and questions of the findings it shows.
  return pages.map((slide, index) => ({
    ...slide,
    notes: findingNotes(findings.slice(index * RISK_ROWS_PER_SLIDE, (index + 1) * RISK_ROWS_PER_SLIDE)),
  }));
}

const SIGNAL_NAMES: Record<GreenSignal["signal"], string> = {
  healthScore: "Health score",
  nps: "NPS",
  npsScore: "NPS score",
  csat: "CSAT",
};

/** "Health score 82 / 100", "NPS 9", "NPS score 45", "Health score green". */
function greenSignalText(signal: GreenSignal): string {
  const name = SIGNAL_NAMES[signal.signal];
  if ("label" in signal) return `${name} ${signal.label}`;
  if ("score" in signal) return `${name} ${formatValue(signal.score)}`;
  return `${name} ${formatValue(signal.value)}${signal.signal === "nps" ? "" : ` / ${formatValue(signal.max)}`}`;
}

/** Internal only: the watermelon / power-users call-out, both sides' evidence side by side. */
export function hiddenRiskSlides(context: DeckContext): Slide[] {
  const { analysis } = context;
  const slides: Slide[] = [];
  const [left, right] = columns(CONTENT_BOX, [1, 1]);
  const behindItems = (ids: string[]): BulletItem[] =>
    analysis.goals
      .filter(({ goal }) => ids.includes(goal.id))
      .map(({ goal, figures }) => ({
        text:
          figures.attainment === null
            ? `${goal.title}: not measured since the baseline`
            : `${goal.title}: ${context.percent(figures.attainment)} of target, ${context.percent(figures.expectedProgress)} planned`,
        tone: "bad" as const,
      }));
  const watermelon = analysis.findings.find((finding) => finding.rule === "watermelon");
  if (watermelon) {
    const green = watermelon.evidence.greenSignals as GreenSignal[];
    const usage = analysis.account.signals.usage;
    const behind = (watermelon.evidence.goalsBehind as { goal: string }[]).map((item) => item.goal);
    slides.push({
      id: "hidden-watermelon",
      layout: "content",
      title: context.text("hidden.title"),
      subtitle: context.text("hidden.subtitle"),
      blocks: [
        {
          kind: "bullets",
          box: left!,
          heading: context.text("hidden.green.heading"),
          items: [
            ...green.map((signal) => ({ text: greenSignalText(signal), tone: "good" as const })),
            ...(usage
              ? [{ text: `Active users ${formatValue(usage.activeUsersPct, "%")}`, tone: "good" as const }]
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
      notes: findingNotes([watermelon]),
    });
  }
  const usageFinding = analysis.findings.find((finding) => finding.rule === "usage-without-value");
  if (usageFinding) {
    slides.push({
      id: "hidden-usage",
      layout: "content",
      title: context.text("hidden.usage.title"),
      subtitle: context.text("hidden.usage.subtitle"),
      blocks: [
        {
          kind: "kpis",
          box: { ...left!, h: 1.6 },
          items: [
            {
              label: "Active users",
              value: formatValue(usageFinding.evidence.activeUsersPct as number, "%"),
              tone: "good",
            },
            {
              label: "Measured goals behind plan",
              value: `${usageFinding.evidence.goalsBehind as number} of ${usageFinding.evidence.goalsWithData as number}`,
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
          items: behindItems(usageFinding.evidence.behindGoals as string[]),
        },
      ],
      notes: findingNotes([usageFinding]),
    });
  }
  return slides;
}
