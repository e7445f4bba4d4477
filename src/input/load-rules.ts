import { thresholdsSchema, type Thresholds } from "../analysis/thresholds.js";
import { InvalidInputError, type ValidationIssue } from "../errors.js";
import { parseSource, type DataPath, type ParsedSource } from "./parse-source.js";
import { formatPath, validateSource } from "./validate-source.js";

/**
 * Thresholds that only make sense in one order. Each pair is read with the defaults filled in,
 * so overriding one side alone can invert it too.
 */
const ORDERED_PAIRS: readonly { atLeast: DataPath; atMost: DataPath; why: string }[] = [
  {
    atLeast: ["status", "onTrackPace"],
    atMost: ["status", "atRiskPace"],
    why: "a goal on track keeps a faster pace than one at risk",
  },
  {
    atLeast: ["rules", "goal-forecast-miss", "mediumBelow"],
    atMost: ["rules", "goal-forecast-miss", "highBelow"],
    why: "a high forecast miss is a deeper miss than a medium one",
  },
  {
    atLeast: ["riskScore", "weights", "high"],
    atMost: ["riskScore", "weights", "medium"],
    why: "a high finding weighs at least as much as a medium one",
  },
  {
    atLeast: ["riskScore", "weights", "medium"],
    atMost: ["riskScore", "weights", "low"],
    why: "a medium finding weighs at least as much as a low one",
  },
];

function valueAt(data: unknown, path: DataPath): unknown {
  let node = data;
  for (const segment of path) {
    if (typeof node !== "object" || node === null || !Object.hasOwn(node, segment)) return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

function orderIssues(source: ParsedSource, rules: Thresholds): ValidationIssue[] {
  return ORDERED_PAIRS.flatMap(({ atLeast, atMost, why }) => {
    const [high, low] = [valueAt(rules, atLeast), valueAt(rules, atMost)];
    if (typeof high !== "number" || typeof low !== "number" || high >= low) return [];
    // Point at the threshold the file sets (the other one may be a default).
    const path = valueAt(source.data, atLeast) === undefined ? atMost : atLeast;
    const [highName, lowName] = [atLeast.at(-1), atMost.at(-1)];
    return [
      {
        file: source.file,
        ...source.locate(path),
        path: formatPath(path),
        message: `expected ${String(highName)} (${high}) at or above ${String(lowName)} (${low}): ${why}`,
      },
    ];
  });
}

/** A `--rules` YAML/JSON file → thresholds, defaults filled in; located errors like account files. */
export function loadRules(file: string, bytes: Uint8Array): Thresholds {
  const source = parseSource(file, bytes);
  const rules = validateSource(source, thresholdsSchema);
  const issues = orderIssues(source, rules);
  if (issues.length > 0) throw new InvalidInputError(issues);
  return rules;
}
