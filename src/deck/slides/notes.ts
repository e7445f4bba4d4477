import type { Finding } from "../../analysis/analyse-account.js";
import { formatExact } from "../../text/format.js";

/** Speaker-note text for internal decks: each finding with its evidence and its questions. */

/** Any rule's evidence is plain JSON: numbers, strings, null, lists and objects of them. */
function formatEvidenceValue(value: unknown): string {
  if (typeof value === "number") return formatExact(value);
  if (value === null || value === undefined) return "n/a";
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.map(formatEvidenceValue).join("; ");
  if (typeof value !== "object") return String(value);
  return Object.entries(value)
    .map(([key, inner]) => `${key} ${formatEvidenceValue(inner)}`)
    .join(", ");
}

export function evidenceLine(finding: Finding): string {
  return Object.entries(finding.evidence)
    .map(([key, value]) => `${key}: ${formatEvidenceValue(value)}`)
    .join(" · ");
}

export function findingNotes(findings: readonly Finding[]): string {
  return findings
    .map((finding) =>
      [
        `[${finding.severity.toUpperCase()}] ${finding.title} (${finding.rule})`,
        finding.summary,
        `Evidence — ${evidenceLine(finding)}`,
        ...finding.prompts.map((prompt) => `Ask: ${prompt}`),
      ].join("\n"),
    )
    .join("\n\n");
}

export function questionNotes(heading: string, questions: readonly string[]): string {
  return questions.length === 0 ? "" : [heading, ...questions.map((question) => `• ${question}`)].join("\n");
}
