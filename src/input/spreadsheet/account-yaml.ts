import { Document, isMap, isSeq, visit } from "yaml";
import type { Account } from "../account-schema.js";

/**
 * An account as a YAML account file, written the way the samples are: the data points, metrics,
 * tasks and stakeholders as one-line flow mappings, empty lists and defaults-only sections left
 * out. Used when a workbook's accounts are exported to files; `qbr validate` reads them back.
 */

/** Keys whose mappings read best on one line. */
const ONE_LINE_KEYS = new Set([
  "metric",
  "baseline",
  "target",
  "value",
  "healthScore",
  "nps",
  "csat",
  "usage",
  "outcome",
]);
const ONE_LINE_ITEMS = new Set(["plan", "actuals", "tasks", "stakeholders"]);

function withoutEmpty(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutEmpty);
  if (typeof value !== "object" || value === null) return value;
  const result: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) {
    const cleaned = withoutEmpty(entry);
    if (Array.isArray(cleaned) && cleaned.length === 0) continue;
    if (typeof cleaned === "object" && cleaned !== null && Object.keys(cleaned).length === 0) continue;
    if (cleaned === undefined) continue;
    result[key] = cleaned;
  }
  return result;
}

export function accountToYaml(account: Account): string {
  const document = new Document(withoutEmpty(account));
  visit(document, {
    Pair(_, pair) {
      const key = String((pair.key as { value?: unknown } | null)?.value ?? "");
      if (ONE_LINE_KEYS.has(key) && isMap(pair.value)) pair.value.flow = true;
      if (ONE_LINE_ITEMS.has(key) && isSeq(pair.value)) {
        for (const item of pair.value.items) if (isMap(item)) item.flow = true;
      }
    },
  });
  return document.toString({ lineWidth: 0, flowCollectionPadding: true });
}
