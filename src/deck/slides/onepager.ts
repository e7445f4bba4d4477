import { EPSILON } from "../../analysis/figures.js";
import type { GoalAnalysis } from "../../analysis/rules/rule.js";
import { barChart, categoryLabels, percentChartFormat, valueChart } from "../charts.js";
import type { DeckContext } from "../context.js";
import { SEVERITY_TONE, STATUS_TONE } from "../context.js";
import type { Block, Box, Kpi, Slide, TableCell } from "../deck-model.js";
import { CONTENT_BOX } from "../geometry.js";
import { columns, rows } from "../layout.js";
import { formatList, formatMultiple } from "../../text/format.js";
import { summaryKpis } from "./summary.js";

/**
 * The ROI one-pager (issue 14 §2): one slide for the sponsor or economic buyer. Headline value,
 * three KPI cards, value per goal, one line per goal and the focus for the next term. Every block
 * shrinks its text to fit (renderers), and the goal table is sized for 15 goals at a legible size.
 */

/** The chart names this many goals at most; the table lists every goal. */
const MAX_BARS = 8;
/** The focus line names this many goals at most. */
const MAX_FOCUS = 3;

/** Up to this many goals, the KPI cards span the page above chart and table; more goals need the height. */
const WIDE_KPIS_UP_TO = 6;

export function onePagerSlide(context: DeckContext): Slide {
  const wide = context.analysis.goals.length <= WIDE_KPIS_UP_TO;
  const [headlineRow, bodyRow, focusRow] = rows(CONTENT_BOX, [0.55, "*", 0.45], wide ? 0.2 : 0.12);
  let kpiBox: Box, chartBox: Box, tableBox: Box;
  if (wide) {
    const [kpiRow, middleRow] = rows(bodyRow!, [1.2, "*"], 0.2);
    kpiBox = kpiRow!;
    [chartBox, tableBox] = columns(middleRow!, [4.6, 7.7]) as [Box, Box];
  } else {
    // Many goals: the table takes the full height on the right, cards and chart share the left.
    const [left, right] = columns(bodyRow!, [3.9, 8.4], 0.25) as [Box, Box];
    [kpiBox, chartBox] = rows(left, [1.25, "*"], 0.2) as [Box, Box];
    tableBox = right;
  }
  const [focusBox, riskBox] = context.isInternal ? columns(focusRow!, [1, 1]) : [focusRow!, null];
  const blocks: Block[] = [
    { kind: "text", box: headlineRow!, text: headline(context), style: "lead" },
    { kind: "kpis", box: kpiBox, items: kpis(context) },
    onepagerChart(context, chartBox),
    goalTable(context, tableBox),
    { kind: "text", box: focusBox!, text: focus(context), style: "body", tone: "accent" },
  ];
  const risk = riskBox ? topRisk(context) : null;
  if (riskBox && risk) blocks.push({ ...risk, box: riskBox });
  return {
    id: "onepager",
    layout: "content",
    title: context.text("onepager.title"),
    subtitle: context.text("onepager.subtitle"),
    blocks,
    notes: context.text("onepager.notes"),
  };
}

function headline(context: DeckContext): string {
  const value = context.analysis.valueRealization;
  if (value.realizedValue === null) return context.text("onepager.headline.novalue");
  return context.text(showsMultiple(context) ? "onepager.headline.multiple" : "onepager.headline");
}

/**
 * The customer rule of the other decks: a customer sees value ÷ ARR only when it is at least 1
 * (below that the ratio reads as "you paid more than you got"); they see value against plan instead.
 */
function showsMultiple(context: DeckContext): boolean {
  const roi = context.analysis.valueRealization.roi;
  return roi !== null && (context.isInternal || roi >= 1 - EPSILON);
}

function kpis(context: DeckContext): Kpi[] {
  const [goals, value] = summaryKpis(context);
  const { roi, realizedValue, plannedValue } = context.analysis.valueRealization;
  const ratio: Kpi = showsMultiple(context)
    ? {
        label: context.text("onepager.kpi.multiple"),
        value: formatMultiple(roi!),
        detail: context.text("onepager.kpi.multiple.detail"),
        tone: roi! >= 1 - EPSILON ? "good" : "warn",
      }
    : {
        label: context.text("onepager.kpi.plan"),
        value: realizedValue === null || !plannedValue ? "—" : context.percent(realizedValue / plannedValue),
        detail: context.text("onepager.kpi.plan.detail"),
        tone: "neutral",
      };
  return [value!, ratio, { ...goals!, label: context.text("onepager.kpi.goals") }];
}

function onepagerChart(context: DeckContext, box: Box): Block {
  const valued = context.analysis.goals.filter(({ goal }) => goal.value !== undefined);
  if (valued.length > 0) {
    return valueChart(context, box, byValue(valued).slice(0, MAX_BARS), {
      title: context.text("onepager.chart.title"),
      labelMax: 24,
    });
  }
  const measured = context.analysis.goals.filter(({ figures }) => figures.attainment !== null);
  const shown = measured.slice(0, MAX_BARS);
  return barChart(
    box,
    context.text("value.progress.chart.title"),
    categoryLabels(
      shown.map(({ goal }) => goal.title),
      24,
    ),
    [
      {
        name: context.text("value.progress.series.actual"),
        role: "actual",
        values: shown.map(({ figures }) => figures.attainment ?? 0),
      },
    ],
    percentChartFormat(
      shown.map(({ figures }) => figures.attainment ?? 0),
      context.percentGuards,
    ),
    (value) => context.percent(value),
  );
}

/** Largest planned value first: the chart shows the goals that carry the most money. */
function byValue(goals: GoalAnalysis[]): GoalAnalysis[] {
  return [...goals].sort((a, b) => (b.figures.plannedValue ?? 0) - (a.figures.plannedValue ?? 0));
}

function goalTable(context: DeckContext, box: Box): Block {
  return {
    kind: "table",
    box,
    columns: [
      { header: context.text("scorecard.col.goal"), align: "left", width: 3.2 },
      { header: context.text("scorecard.col.status"), align: "left", width: 1.9 },
      { header: context.text("onepager.col.figure"), align: "left", width: 3.5 },
    ],
    rows: context.analysis.goals.map((entry): TableCell[] => [
      { text: entry.goal.title, bold: true },
      {
        text: context.statusLabel(entry.figures.status),
        tone: STATUS_TONE[entry.figures.status],
        bold: true,
      },
      { text: goalFigure(context, entry) },
    ]),
  };
}

/** The figure that matters for one goal: where it stands against target, and its value if it has one. */
function goalFigure(context: DeckContext, entry: GoalAnalysis): string {
  const goal = context.goalText(entry);
  const { figures } = entry;
  const key =
    figures.latestActual === null
      ? "onepager.figure.nodata"
      : figures.realizedValue !== null
        ? "onepager.figure.value"
        : "onepager.figure";
  return context.text(key, { goal });
}

/** The goals to push next term: behind plan first, then not measured, then on track; achieved ones last. */
function focus(context: DeckContext): string {
  const order = { "off-track": 0, "at-risk": 1, "no-data": 2, "on-track": 3, achieved: 4 } as const;
  const open = context.analysis.goals
    .filter(({ figures }) => figures.status !== "achieved")
    .sort((a, b) => order[a.figures.status] - order[b.figures.status]);
  if (open.length === 0) return context.text("onepager.focus.done");
  const names = open.slice(0, MAX_FOCUS).map(({ goal }) => goal.title);
  const more = open.length - names.length;
  const list = more > 0 ? [...names, context.text("onepager.focus.more", { count: more })] : names;
  return `${context.text("onepager.focus.label")} ${formatList(list)}`;
}

/** Internal one-pager only: the most severe finding, in one line. */
function topRisk(context: DeckContext): Omit<Block & { kind: "text" }, "box"> | null {
  const severity = { high: 0, medium: 1, low: 2 } as const;
  const [risk] = [...context.analysis.findings].sort((a, b) => severity[a.severity] - severity[b.severity]);
  if (!risk) return null;
  return {
    kind: "text",
    text: `${context.text("onepager.risk.label")} ${risk.title}`,
    style: "body",
    tone: SEVERITY_TONE[risk.severity],
  };
}
