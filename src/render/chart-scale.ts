import { scaleLinear, type ScaleLinear } from "d3-scale";
import type { NumberFormat } from "../deck/deck-model.js";

/**
 * Value axes as every renderer draws them: always including zero, with a little headroom, and
 * d3's "nice" round ticks.
 */

/** The extent of the values, with zero, widened by 4% so the highest line or bar does not touch the edge. */
export function valueDomain(values: readonly number[]): [number, number] {
  const finite = values.filter(Number.isFinite);
  let low = Math.min(0, ...finite);
  let high = Math.max(0, ...finite);
  if (low === high) high = low + 1;
  if (high > 0) high += (high - low) * 0.04;
  if (low < 0) low -= (high - low) * 0.04;
  return [low, high];
}

/**
 * A value scale over the values' domain, extended to about `count` round ticks. A format of
 * counts never steps by less than one: two accounts are not split into 0.5s.
 */
export function valueScale(
  values: readonly number[],
  count: number,
  format?: NumberFormat,
): { scale: ScaleLinear<number, number>; ticks: number[] } {
  const scale = scaleLinear().domain(valueDomain(values)).nice(count);
  const ticks = scale.ticks(count);
  const step = ticks.length > 1 ? ticks[1]! - ticks[0]! : 0;
  if (format?.style !== "number" || !format.counts || step >= 1) return { scale, ticks };
  const [low, high] = scale.domain() as [number, number];
  const first = Math.floor(low);
  const last = Math.max(first + 1, Math.ceil(high));
  const whole = Array.from({ length: last - first + 1 }, (_, index) => first + index);
  return { scale: scale.copy().domain([first, last]), ticks: whole };
}

/** About `count` round ticks over the values' domain, extended to the nearest ticks. */
export function valueTicks(values: readonly number[], count: number, format?: NumberFormat): number[] {
  return valueScale(values, count, format).ticks;
}

/** Decimals needed to tell ticks `step` apart (in the format's display unit: percent as 0–100). */
export function stepDecimals(format: NumberFormat, step: number): number {
  const displayed = format.style === "percent" ? step * 100 : step;
  if (!(displayed > 0)) return 0;
  return Math.min(6, Math.max(0, -Math.floor(Math.log10(displayed) + 1e-9)));
}
