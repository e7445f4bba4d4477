import { scaleLinear } from "d3-scale";
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

/** About `count` round ticks over the values' domain, extended to the nearest ticks. */
export function valueTicks(values: readonly number[], count: number): number[] {
  return scaleLinear().domain(valueDomain(values)).nice(count).ticks(count);
}

/** Decimals needed to tell ticks `step` apart (in the format's display unit: percent as 0–100). */
export function stepDecimals(format: NumberFormat, step: number): number {
  const displayed = format.style === "percent" ? step * 100 : step;
  if (!(displayed > 0)) return 0;
  return Math.min(6, Math.max(0, -Math.floor(Math.log10(displayed) + 1e-9)));
}
