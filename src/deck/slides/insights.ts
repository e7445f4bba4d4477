import { ROOT_CAUSES } from "../../input/account-schema.js";
import type { Insights } from "../../insights/insights.js";
import { NONE } from "../../insights/patterns.js";
import { formatCount, formatMoneyCompact, formatPercent } from "../../text/format.js";
import { barChart, type BarSeries } from "../charts.js";
import type { Slide, TableCell, TableColumn, Tone } from "../deck-model.js";
import { CONTENT_BOX, COVER } from "../geometry.js";
import { columns, rows } from "../layout.js";
import { tableSlides } from "./table-pages.js";

/**
 * The insights deck's slides (issue 17): the caveat first, the backtest in figures, precision and
 * recall per rule, the root causes by segment, the watermelon accounts. Their words are
 * deck.yaml's insights.* templates; rule names stay ids, as in `--rules` files.
 */

/** deck.yaml's template `key` with the insights' context plus `extra`. */
export type InsightsText = (key: string, extra?: object) => string;

// Every rule and the risk level on one slide: short single-line rows, read best side by side.
const RULE_ROWS_PER_SLIDE = 14;
/** Bar roles give each series its own theme colour; they mean nothing more here. */
const CAUSE_ROLES: BarSeries["role"][] = ["value", "planned", "actual", "plan"];

const ratio = (value: number | null) => (value === null ? "—" : formatPercent(value));
const lift = (value: number | null) => (value === null ? "—" : `${value.toFixed(2)}×`);

export function insightsCoverSlide(text: InsightsText): Slide {
  return {
    id: "cover",
    layout: "title",
    title: text("insights.name"),
    subtitle: text("insights.cover.subtitle"),
    blocks: [
      {
        kind: "text",
        box: { ...COVER.details, h: 0.5 },
        text: text("insights.cover.details"),
        style: "body",
        tone: "muted",
      },
    ],
    notes: text("insights.cover.notes"),
  };
}

/** Always present; worded as a warning when fewer than 5 accounts were lost or kept. */
export function caveatSlide(text: InsightsText, insights: Insights): Slide {
  const variant = insights.smallSample ? "small" : "enough";
  return {
    id: "caveat",
    layout: "content",
    title: text(`insights.caveat.${variant}.title`),
    subtitle: text(`insights.caveat.${variant}.subtitle`),
    blocks: [
      {
        kind: "bullets",
        box: CONTENT_BOX,
        items: ["sample", "where", "snapshot", "rules"].map((key) => ({
          text: text(`insights.caveat.${key}`),
          tone: (key === "sample" && insights.smallSample ? "bad" : "neutral") as Tone,
        })),
      },
    ],
    notes: text("insights.caveat.notes"),
  };
}

export function overviewSlide(text: InsightsText, insights: Insights): Slide {
  const [kpiRow, lowerRow] = rows(CONTENT_BOX, [1.55, "*"], 0.3);
  const high = insights.riskLevelHigh;
  return {
    id: "overview",
    layout: "content",
    title: text("insights.overview.title"),
    subtitle: text("insights.overview.subtitle"),
    blocks: [
      {
        kind: "kpis",
        box: kpiRow!,
        items: [
          {
            label: text("insights.overview.kpi.outcomes"),
            value: formatCount(insights.withOutcome),
            detail: text("insights.overview.kpi.outcomes.detail"),
            tone: insights.smallSample ? "warn" : "neutral",
          },
          {
            label: text("insights.overview.kpi.high"),
            value: ratio(high.precision),
            detail: text("insights.overview.kpi.high.detail", { recall: ratio(high.recall) }),
            tone: "neutral",
          },
          {
            label: text("insights.overview.kpi.auc"),
            value: insights.riskScoreAuc === null ? "—" : insights.riskScoreAuc.toFixed(2),
            detail: text("insights.overview.kpi.auc.detail"),
            tone: "neutral",
          },
        ],
      },
      {
        kind: "bullets",
        box: lowerRow!,
        items: [
          { text: text("insights.overview.lost"), tone: "neutral" as Tone },
          {
            text: text("insights.overview.high", {
              precision: ratio(high.precision),
              recall: ratio(high.recall),
            }),
            tone: "neutral" as Tone,
          },
        ],
      },
    ],
    notes: text("insights.overview.notes"),
  };
}

/** Precision and recall of each rule that fired at least once (the table lists every rule). */
export function precisionRecallSlide(text: InsightsText, insights: Insights): Slide {
  const fired = insights.rules.filter((rule) => rule.fired > 0);
  const box = CONTENT_BOX;
  const body =
    fired.length === 0
      ? [
          {
            kind: "text" as const,
            box: { ...box, h: 1 },
            text: text("insights.precision.none"),
            style: "lead" as const,
            tone: "muted" as Tone,
          },
        ]
      : [
          barChart(
            box,
            text("insights.precision.chart.title"),
            fired.map((rule) => rule.rule),
            [
              {
                name: text("insights.precision.chart.precision"),
                role: "value",
                values: fired.map((rule) => rule.precision ?? 0),
              },
              {
                name: text("insights.precision.chart.recall"),
                role: "planned",
                values: fired.map((rule) => rule.recall ?? 0),
              },
            ],
            { style: "percent", decimals: 0 },
            (value) => formatPercent(value),
          ),
        ];
  return {
    id: "precision-recall",
    layout: "content",
    title: text("insights.precision.title"),
    subtitle: text("insights.precision.subtitle"),
    blocks: body,
    notes: text("insights.precision.notes"),
  };
}

function ruleRow(name: string, score: Insights["riskLevelHigh"], bold = false): TableCell[] {
  return [
    { text: name, bold: true },
    { text: formatCount(score.fired), bold },
    { text: formatCount(score.firedLost), bold },
    { text: formatCount(score.firedKept), bold },
    { text: ratio(score.precision), bold },
    { text: ratio(score.recall), bold },
    { text: lift(score.lift), bold },
  ];
}

export function ruleTableSlides(text: InsightsText, insights: Insights): Slide[] {
  const specs: [string, TableColumn["align"], number][] = [
    ["rule", "left", 3.2],
    ["fired", "right", 1.1],
    ["lost", "right", 1.1],
    ["kept", "right", 1.1],
    ["precision", "right", 1.3],
    ["recall", "right", 1.3],
    ["lift", "right", 1.1],
  ];
  return tableSlides({
    id: "rules",
    title: text("insights.rules.title"),
    subtitle: text("insights.rules.subtitle"),
    notes: text("insights.rules.notes"),
    columns: specs.map(([id, align, width]) => ({ header: text(`insights.rules.col.${id}`), align, width })),
    rows: [
      ...insights.rules.map((rule) => ruleRow(rule.rule, rule)),
      ruleRow(text("insights.rules.high"), insights.riskLevelHigh, true),
    ],
    rowsPerSlide: RULE_ROWS_PER_SLIDE,
    continued: text("continued"),
  });
}

const segmentLabel = (text: InsightsText, segment: string) =>
  segment === NONE ? text("insights.segment.none") : segment;

export function rootCauseSlide(text: InsightsText, insights: Insights): Slide {
  const { bySegment, statedVsConcluded, concludedLost } = insights.rootCauses;
  const segments = Object.keys(bySegment);
  const [chartBox, listBox] = columns(CONTENT_BOX, [3, 2]);
  return {
    id: "root-causes",
    layout: "content",
    title: text("insights.causes.title"),
    subtitle: text("insights.causes.subtitle"),
    blocks: [
      barChart(
        chartBox!,
        text("insights.causes.chart.title"),
        segments.map((segment) => segmentLabel(text, segment)),
        ROOT_CAUSES.map((cause, index) => ({
          name: text(`insights.cause.${cause}`),
          role: CAUSE_ROLES[index]!,
          values: segments.map((segment) => bySegment[segment]![cause]),
        })),
        { style: "number", decimals: 0, counts: true },
        (value) => text("insights.causes.chart.label", { value }),
      ),
      {
        kind: "bullets",
        box: listBox!,
        heading: text("insights.causes.heading"),
        items: [
          {
            text: text("insights.causes.agreement", {
              ...statedVsConcluded,
              compared: statedVsConcluded.agree + statedVsConcluded.disagree,
            }),
            tone: statedVsConcluded.disagree > statedVsConcluded.agree ? "warn" : "neutral",
          },
          ...ROOT_CAUSES.map((cause) => ({
            text: text("insights.causes.concluded", {
              cause: text(`insights.cause.${cause}`),
              count: concludedLost[cause],
            }),
            tone: "neutral" as Tone,
          })),
        ],
      },
    ],
    notes: text("insights.causes.notes"),
  };
}

export function watermelonSlide(text: InsightsText, insights: Insights): Slide {
  const { watermelons } = insights;
  const arr = watermelons.arr.map((entry) => formatMoneyCompact(entry.arr, entry.currency)).join(" · ");
  const [kpiRow, listBox] = rows(CONTENT_BOX, [1.55, "*"], 0.3);
  return {
    id: "watermelons",
    layout: "content",
    title: text("insights.watermelons.title"),
    subtitle: text("insights.watermelons.subtitle"),
    blocks: [
      {
        kind: "kpis",
        box: kpiRow!,
        items: [
          {
            label: text("insights.watermelons.kpi.accounts"),
            value: formatCount(watermelons.accounts),
            detail: text("insights.watermelons.kpi.share", { share: ratio(watermelons.share) }),
            tone: watermelons.accounts > 0 ? "bad" : "good",
          },
          {
            label: text("insights.watermelons.kpi.arr"),
            value: arr === "" ? "—" : arr,
            detail: text("insights.watermelons.kpi.arr.detail"),
            tone: watermelons.accounts > 0 ? "bad" : "good",
          },
        ],
      },
      {
        kind: "bullets",
        box: listBox!,
        items:
          watermelons.names.length === 0
            ? [{ text: text("insights.watermelons.none"), tone: "good" as Tone }]
            : watermelons.names.slice(0, 8).map((name) => ({ text: name, tone: "neutral" as Tone })),
      },
    ],
    notes: text("insights.watermelons.notes"),
  };
}
