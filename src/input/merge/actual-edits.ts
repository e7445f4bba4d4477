import type { IsoDate } from "../../dates.js";

/**
 * What an import changes in one account file, by position in the validated account: a new
 * actual for goal `goalIndex`, or a new value for its actual `actualIndex`. Both editors (YAML and
 * JSON) take the same list, so planning never depends on the file's syntax.
 */
export type ActualEdit =
  | { kind: "add"; goalIndex: number; date: IsoDate; value: number; note?: string }
  | { kind: "replace"; goalIndex: number; actualIndex: number; value: number };

/** A number as YAML and JSON both read it back to the same value. */
export function formatNumber(value: number): string {
  return Object.is(value, -0) ? "0" : String(value);
}

/** A note as a one-line comment: no line breaks or control characters, at most 200 characters. */
export function commentText(note: string): string {
  const line = note
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}
