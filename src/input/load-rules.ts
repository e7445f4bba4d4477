import { thresholdsSchema, type Thresholds } from "../analysis/thresholds.js";
import { parseSource } from "./parse-source.js";
import { validateSource } from "./validate-source.js";

/** A `--rules` YAML/JSON file → thresholds, defaults filled in; located errors like account files. */
export function loadRules(file: string, bytes: Uint8Array): Thresholds {
  return validateSource(parseSource(file, bytes), thresholdsSchema);
}
