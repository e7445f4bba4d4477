import { planCurvePoints } from "../analysis/figures.js";
import { daysBetween } from "../dates.js";
import type { GoalAnalysis } from "../analysis/rules/rule.js";
import { formatDate, formatMoney, formatValue, isCurrencyCode, percentCrossesGuard } from "../text/format.js";
import type { Box, ChartBlock, NumberFormat, TimelineChart, TimePoint } from "./deck-model.js";
import type { DeckContext } from "./context.js";

/** Chart blocks: a goal's plan vs actual vs forecast, and grouped bars. Data only; renderers draw. */

/** Decimals a figure from the account file needs to print exactly, up to `max` (80 → 0, 10.2 → 1). */
function neededDecimals(value: number, max: number): number {
  for (let decimals = 0; decimals < max; decimals++) {
    if (Math.abs(Number(value.toFixed(decimals)) - value) < 1e-9) return decimals;
  }
  return max;
}

/**
 * The chart's number format: no more decimals than the goal's own figures need (a metric measured
 * in whole percent reads "80%", not "80.0%"), and money when the unit is a currency code, so that
 * axis, target label and slide text all read "£500,000" rather than "500,000 GBP".
 */
function valueFormat(values: number[], dataValues: number[], unit: string | undefined): NumberFormat {
  const largest = Math.max(...values.map((value) => Math.abs(value)));
  const most = largest >= 100 ? 0 : largest >= 10 ? 1 : 2;
  const decimals = Math.max(0, ...dataValues.map((value) => neededDecimals(value, most)));
  if (unit && isCurrencyCode(unit)) return { style: "currency", currency: unit, decimals };
  return unit ? { style: "number", decimals, unit } : { style: "number", decimals };
}

function describePoints(points: TimePoint[], unit: string | undefined): string {
  return points.map((point) => `${formatValue(point.value, unit)} on ${formatDate(point.date)}`).join(", ");
}

export function goalTimelineChart(context: DeckContext, entry: GoalAnalysis, box: Box): ChartBlock {
  const { goal, figures } = entry;
  const unit = goal.metric.unit || undefined;
  const goalText = context.goalText(entry);
  const plan = planCurvePoints(goal).map(({ date, value }) => ({ date, value }));
  const actual = [goal.baseline, ...figures.actualsUsed].map(({ date, value }) => ({ date, value }));
  const series: TimelineChart["series"] = [
    { name: context.text("goal.chart.plan"), role: "plan", points: plan },
    { name: context.text("goal.chart.actual"), role: "actual", points: actual },
  ];
  const forecast = figures.forecast;
  const start = figures.latestActual;
  let forecastPoints: TimePoint[] = [];
  if (forecast && start && goal.target.date > start.date && goal.target.date > context.analysis.asOf) {
    const startValue =
      forecast.valueAtBaseline + forecast.slopePerDay * daysBetween(goal.baseline.date, start.date);
    forecastPoints = [
      { date: start.date, value: startValue },
      { date: goal.target.date, value: forecast.projected },
    ];
    series.push({ name: context.text("goal.chart.forecast"), role: "forecast", points: forecastPoints });
  }
  const allValues = [...plan, ...actual, ...forecastPoints].map((point) => point.value);
  const format = valueFormat(
    allValues,
    [...plan, ...actual].map((point) => point.value),
    unit,
  );
  const alt = [
    `${goal.metric.name} for ${goal.title}.`,
    `Plan: ${describePoints(plan, unit)}.`,
    `Actual: ${describePoints(actual, unit)}.`,
    forecastPoints.length > 0
      ? `Forecast at the current trend: ${describePoints(forecastPoints, unit)}.`
      : "",
    `Target: ${formatValue(goal.target.value, unit)} by ${formatDate(goal.target.date)}.`,
  ]
    .filter(Boolean)
    .join(" ");
  return {
    kind: "chart",
    box,
    alt,
    chart: {
      type: "timeline",
      title: context.text("goal.chart.title", { goal: goalText }),
      format,
      series,
      referenceLines: [
        {
          label: context.text("goal.chart.target"),
          value: goal.target.value,
          role: "target",
          decimals: neededDecimals(goal.target.value, format.decimals),
        },
      ],
    },
  };
}

/**
 * A percent format for bars that sit next to verdicts: no decimals, unless a value would then be
 * drawn on the other side of a guard than it is (0.996 labelled "100%"), then as few as avoid it.
 */
export function percentChartFormat(values: readonly number[], guards: readonly number[]): NumberFormat {
  for (let decimals = 0; decimals < 2; decimals++) {
    if (!values.some((value) => percentCrossesGuard(value, decimals, guards))) {
      return { style: "percent", decimals };
    }
  }
  return { style: "percent", decimals: 2 };
}

export interface BarSeries {
  name: string;
  role: "value" | "planned" | "actual" | "plan";
  values: number[];
}

/**
 * True when `value` is drawn as zero in `format`. Such values are given as 0: a spreadsheet
 * number format writes a tiny negative as "-0" and has no way to say otherwise.
 */
function roundsToZero(value: number, format: NumberFormat): boolean {
  const displayed = format.style === "percent" ? value * 100 : value;
  return Math.abs(displayed) < 0.5 * 10 ** -format.decimals;
}

export function barChart(
  box: Box,
  title: string,
  categories: string[],
  bars: BarSeries[],
  format: NumberFormat,
  describe: (value: number) => string,
): ChartBlock {
  const series = bars.map((one) => ({
    ...one,
    values: one.values.map((value) => (roundsToZero(value, format) ? 0 : value)),
  }));
  const alt = `${title}. ${categories
    .map(
      (category, index) =>
        `${category}: ${series.map((one) => `${one.name.toLowerCase()} ${describe(one.values[index] ?? 0)}`).join(", ")}`,
    )
    .join("; ")}.`;
  return {
    kind: "chart",
    box,
    alt,
    chart: { type: "bar", title, format, direction: "horizontal", categories, series },
  };
}

/** Category labels on bar charts stay readable: long goal titles are shortened. */
export function shortLabel(text: string, max = 34): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/**
 * Bar categories shortened to `max` and kept apart: a renderer groups bars by their label, so two
 * goals whose titles shorten alike would share one row. The second and later get " (2)", " (3)".
 */
export function categoryLabels(texts: readonly string[], max = 34): string[] {
  const seen = new Map<string, number>();
  return texts.map((text) => {
    const label = shortLabel(text, max);
    const count = (seen.get(label) ?? 0) + 1;
    seen.set(label, count);
    return count === 1 ? label : `${shortLabel(text, max - 4)} (${count})`;
  });
}

/** Value realized vs planned per goal, in the account's currency: the value slide's and the one-pager's chart. */
export function valueChart(
  context: DeckContext,
  box: Box,
  goals: readonly GoalAnalysis[],
  options: { title: string; labelMax?: number },
): ChartBlock {
  return barChart(
    box,
    options.title,
    categoryLabels(
      goals.map(({ goal }) => goal.title),
      options.labelMax,
    ),
    [
      {
        name: context.text("value.series.realized"),
        role: "value",
        values: goals.map(({ figures }) => figures.realizedValue ?? 0),
      },
      {
        name: context.text("value.series.planned"),
        role: "planned",
        values: goals.map(({ figures }) => figures.plannedValue ?? 0),
      },
    ],
    { style: "currency", currency: context.currency, decimals: 0 },
    (value) => formatMoney(value, context.currency),
  );
}
