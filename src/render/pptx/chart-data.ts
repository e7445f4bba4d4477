import type { SeriesRole, TimelineChart } from "../../deck/deck-model.js";

/**
 * Timeline charts become category line charts: the categories are the sorted union of every
 * series' dates, and each series is aligned to them with nulls where it has no point (drawn as
 * gaps that PowerPoint spans, see displayBlanksAs). Reference lines become constant series.
 */
export interface AlignedSeries {
  name: string;
  role: SeriesRole;
  values: (number | null)[];
  /** A constant reference line (target) rather than measured data. */
  reference: boolean;
}

export interface AlignedTimeline {
  dates: string[];
  labels: string[];
  series: AlignedSeries[];
}

export function alignTimeline(chart: TimelineChart, locale: string): AlignedTimeline {
  const dates = [
    ...new Set(chart.series.flatMap((series) => series.points.map((point) => point.date))),
  ].sort();
  const position = new Map(dates.map((date, index) => [date, index]));
  const series: AlignedSeries[] = chart.series.map((source) => {
    const values: (number | null)[] = dates.map(() => null);
    for (const point of source.points) {
      const index = position.get(point.date);
      if (index !== undefined && Number.isFinite(point.value)) values[index] = point.value;
    }
    return { name: source.name, role: source.role, values, reference: false };
  });
  for (const line of chart.referenceLines) {
    series.push({ name: line.label, role: line.role, values: dates.map(() => line.value), reference: true });
  }
  return { dates, labels: formatDateLabels(dates, locale), series };
}

/**
 * Short, readable date labels: "Mar 2025" when every date falls in its own month (the usual
 * monthly or quarterly series), otherwise "31 Mar 2025" so two dates never share a label.
 */
export function formatDateLabels(dates: string[], locale: string): string[] {
  const months = new Set(dates.map((date) => date.slice(0, 7)));
  const monthly = months.size === dates.length;
  const formatter = dateFormatter(locale, monthly);
  return dates.map((date) => {
    const parsed = new Date(`${date.slice(0, 10)}T00:00:00Z`);
    return Number.isNaN(parsed.getTime()) ? date : formatter.format(parsed);
  });
}

const formatterCache = new Map<string, Intl.DateTimeFormat>();

function dateFormatter(locale: string, monthly: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${monthly}`;
  let formatter = formatterCache.get(key);
  if (!formatter) {
    const options: Intl.DateTimeFormatOptions = monthly
      ? { month: "short", year: "numeric", timeZone: "UTC" }
      : { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" };
    try {
      formatter = new Intl.DateTimeFormat(locale || "en", options);
    } catch {
      formatter = new Intl.DateTimeFormat("en", options);
    }
    formatterCache.set(key, formatter);
  }
  return formatter;
}
