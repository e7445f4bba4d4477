import { z } from "zod";
import { parseSource } from "../parse-source.js";
import { validateSource } from "../validate-source.js";
import type { HeaderMapping } from "./columns.js";

/**
 * A `--map` file: which header of an export holds each measurement field, for exports that do not
 * name their columns `account, goal, date, value, note` — a Salesforce report, say:
 *
 *     account: Account ID
 *     goal: KPI
 *     date: Measured On
 *     value: Current Value
 *
 * Validated like an account file, with located errors (`mapping.yaml:3:1 — unknown key …`).
 */

const headerName = z.string().trim().min(1, "expected the header of a column in the export");

export const mappingSchema = z
  .strictObject({
    account: headerName.optional(),
    goal: headerName.optional(),
    date: headerName.optional(),
    value: headerName.optional(),
    note: headerName.optional(),
  })
  .refine((mapping) => Object.keys(mapping).length > 0, {
    message: "expected at least one of account, goal, date, value, note mapped to a header",
  });

export function loadHeaderMapping(file: string, bytes: Uint8Array): HeaderMapping {
  const mapping = validateSource(parseSource(file, bytes), mappingSchema);
  const headers = new Map<string, string>();
  for (const [key, header] of Object.entries(mapping)) if (header !== undefined) headers.set(key, header);
  return { headers, source: file };
}
