import type { NumberFormat, SeriesRole, TimelineChart } from "../../deck/deck-model.js";
import { dayNumber, fromDayNumber } from "../../dates.js";

/**
 * Timeline charts become line charts over a date axis, so that uneven measurement dates are
 * spaced as far apart as they are in time (as in the PDF). The points are the sorted union of
 * every series' dates, as Excel serial day numbers, and each series is aligned to them with nulls
 * where it has no point (gaps that the chart spans, see displayBlanksAs). Reference lines become
 * constant series. Values are rounded to what the chart shows, so "Edit Data" holds 70.9, not
 * 70.86743301847562.
 */
export interface AlignedSeries {
  name: string;
  role: SeriesRole;
  values: (number | null)[];
  /** A constant reference line (target) rather than measured data. */
  reference: boolean;
  /** Decimals of a reference line's label (deck-model TimelineChart.referenceLines). */
  labelDecimals?: number;
}

/** A date axis: where it starts and ends, and how far apart its labelled ticks are. */
export interface TimeAxis {
  /** Excel serial day numbers of the axis ends. */
  min: number;
  max: number;
  majorUnit: number;
  majorTimeUnit: "days" | "months";
  /** Excel format code of the tick labels ("mmm yyyy"). */
  formatCode: string;
}

export interface AlignedTimeline {
  /** YYYY-MM-DD, sorted. */
  dates: string[];
  /** The same dates as Excel serial day numbers (days since 1899-12-30). */
  serials: number[];
  series: AlignedSeries[];
  axis: TimeAxis;
}

/** Excel's day 0 is 1899-12-30 (its 1900 leap-year bug makes serials from March 1900 on line up). */
const EXCEL_EPOCH = dayNumber("1899-12-30");

export function excelSerial(date: string): number {
  return dayNumber(date.slice(0, 10)) - EXCEL_EPOCH;
}

function fromExcelSerial(serial: number): string {
  return fromDayNumber(serial + EXCEL_EPOCH);
}

/**
 * Decimals a chart keeps of a value: those its format shows (percentages are fractions, so two
 * more). Rounding further than the slide text would make the chart and the text disagree; keeping
 * more shows noise in "Edit Data".
 */
export function chartDecimals(format: NumberFormat): number {
  const shown = Math.max(0, Math.min(10, Math.trunc(format.decimals)));
  return format.style === "percent" ? shown + 2 : shown;
}

export function roundForChart(value: number, format: NumberFormat): number {
  // toFixed rounds the exact binary value, as Intl does for the slide text; Number() drops "-0".
  const rounded = Number(value.toFixed(chartDecimals(format)));
  return rounded === 0 ? 0 : rounded;
}

export function alignTimeline(chart: TimelineChart, plotWidthInches: number): AlignedTimeline {
  const measured = [
    ...new Set(
      chart.series.flatMap((series) =>
        series.points.filter((point) => Number.isFinite(excelSerial(point.date))).map((point) => point.date),
      ),
    ),
  ].sort();
  const axis = timeAxis(measured, plotWidthInches);
  // A reference line needs two points to be drawn: with a single date, it runs from one end of
  // the axis to the other, as in the PDF.
  const dates =
    measured.length === 1 && chart.referenceLines.length > 0
      ? [fromExcelSerial(axis.min), ...measured, fromExcelSerial(axis.max)]
      : measured;
  const position = new Map(dates.map((date, index) => [date, index]));
  const round = (value: number) => roundForChart(value, chart.format);
  const series: AlignedSeries[] = chart.series.map((source) => {
    const values: (number | null)[] = dates.map(() => null);
    for (const point of source.points) {
      const index = position.get(point.date);
      if (index !== undefined && Number.isFinite(point.value)) values[index] = round(point.value);
    }
    return { name: source.name, role: source.role, values, reference: false };
  });
  for (const line of chart.referenceLines) {
    const value = round(line.value);
    series.push({
      name: line.label,
      role: line.role,
      values: dates.map(() => value),
      reference: true,
      labelDecimals: line.decimals,
    });
  }
  return { dates, serials: dates.map(excelSerial), series, axis };
}

/**
 * The intervals d3 ticks a time axis with (the PDF's, src/render/chart-layout/dates.ts), from a
 * day up, with their length in days.
 */
const STEPS: readonly { unit: "days" | "months"; count: number; days: number }[] = [
  { unit: "days", count: 1, days: 1 },
  { unit: "days", count: 2, days: 2 },
  { unit: "days", count: 7, days: 7 },
  { unit: "months", count: 1, days: 30 },
  { unit: "months", count: 3, days: 91 },
  { unit: "months", count: 12, days: 365 },
  { unit: "months", count: 24, days: 730 },
  { unit: "months", count: 60, days: 1826 },
  { unit: "months", count: 120, days: 3652 },
];
/** The PDF asks d3 for a tick per 60 pt of width. */
const TICK_PITCH_PT = 60;
/** Room one date label needs ("Sep 2025" at 10 pt and the gap to the next). */
const LABEL_PITCH_PT = 62;

/**
 * The date axis the PDF draws: d3's choice of interval for a tick per 60 pt (the interval nearest
 * to span ÷ ticks), widened until the labels fit. Ticks every 3 or 12+ months sit on quarters or
 * years (Jan, Apr, Jul, Oct) as d3 places them; the axis runs from the first tick at or before
 * the first date to the first of the month after the last. A single date gets a month around it.
 */
export function timeAxis(dates: readonly string[], plotWidthInches: number): TimeAxis {
  const first = dates[0] ?? "1900-03-01";
  const last = dates.at(-1) ?? first;
  const single = first === last;
  const firstDay = excelSerial(first) - (single ? 15 : 0);
  const lastDay = excelSerial(last) + (single ? 15 : 0);
  const spanDays = lastDay - firstDay;
  const widthPt = Math.max(0, plotWidthInches * 72);
  const target = spanDays / Math.max(2, Math.floor(widthPt / TICK_PITCH_PT));
  let index = STEPS.findIndex((step) => step.days >= target);
  if (index < 0) index = STEPS.length - 1;
  const before = STEPS[index - 1];
  if (before && target / before.days < (STEPS[index]?.days ?? 0) / target) index--;
  const fitting = Math.max(2, Math.floor(widthPt / LABEL_PITCH_PT));
  const startMonth = monthIndex(first);
  const endMonth = monthIndex(last) + (last.slice(8, 10) === "01" ? 0 : 1);
  for (; index < STEPS.length - 1; index++) {
    const step = STEPS[index]!;
    const span = step.unit === "days" ? spanDays : endMonth - (startMonth - (startMonth % step.count));
    if (Math.floor(span / step.count) + 1 <= fitting) break;
  }
  const step = STEPS[index]!;
  if (step.unit === "days") {
    return { min: firstDay, max: lastDay, majorUnit: step.count, majorTimeUnit: "days", formatCode: "d mmm" };
  }
  const alignedStart = step.count >= 3 ? startMonth - (startMonth % step.count) : startMonth;
  return {
    min: excelSerial(monthStart(alignedStart)),
    max: excelSerial(monthStart(endMonth)),
    majorUnit: step.count,
    majorTimeUnit: "months",
    formatCode: step.count >= 12 ? "yyyy" : "mmm yyyy",
  };
}

/** Months since year 0 of a YYYY-MM-DD date. */
function monthIndex(date: string): number {
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
}

function monthStart(index: number): string {
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-01`;
}
