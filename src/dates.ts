/**
 * Calendar days without time zones. A date is the string "YYYY-MM-DD"; arithmetic goes through a
 * day number (days since 1970-01-01, computed in UTC) so no local offset can shift a day.
 */
export type IsoDate = string;

const MS_PER_DAY = 86_400_000;

export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function dayNumber(date: IsoDate): number {
  const [year, month, day] = date.split("-", 3);
  return Date.UTC(Number(year), Number(month) - 1, Number(day)) / MS_PER_DAY;
}

export function fromDayNumber(days: number): IsoDate {
  return new Date(Math.round(days) * MS_PER_DAY).toISOString().slice(0, 10);
}

/** b − a in days. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return dayNumber(b) - dayNumber(a);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** The same calendar day `months` months later (clamped to the month's last day). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const firstOfTarget = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(firstOfTarget.getUTCFullYear(), firstOfTarget.getUTCMonth() + 1, 0));
  firstOfTarget.setUTCDate(Math.min(day, lastDay.getUTCDate()));
  return firstOfTarget.toISOString().slice(0, 10);
}

/** "Q3 2025" for any day of July–September 2025. */
export function quarterLabel(date: IsoDate): string {
  const [year, month] = date.split("-").map(Number) as [number, number];
  return `Q${Math.floor((month - 1) / 3) + 1} ${year}`;
}

/** Today's date on the user's own calendar — only the CLI calls this; stages take `asOf` as a value. */
export function todayIso(now: Date = new Date()): IsoDate {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
