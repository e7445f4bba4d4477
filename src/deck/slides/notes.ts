import type { Finding } from "../../analysis/analyse-account.js";
import { formatExact } from "../../text/format.js";
import type { DeckContext } from "../context.js";

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

export function findingNotes(context: DeckContext, findings: readonly Finding[]): string {
  const evidence = context.text("notes.evidence");
  const ask = context.text("notes.ask");
  return findings
    .map((finding) =>
      [
        `[${context.text(`risks.severity.${finding.severity}`)}] ${finding.title} (${finding.rule})`,
        finding.summary,
        `${evidence} ${evidenceLine(finding)}`,
        ...finding.prompts.map((prompt) => `${ask} ${prompt}`),
      ].join("\n"),
    )
    .join("\n\n");
}

export function questionNotes(heading: string, questions: readonly string[]): string {
  return questions.length === 0 ? "" : [heading, ...questions.map((question) => `• ${question}`)].join("\n");
}
