import { applyEdits, modify, parse as parseJson, type FormattingOptions } from "jsonc-parser";
import type { ActualEdit } from "./actual-edits.js";

/**
 * Measurements into a JSON account file: each change is a minimal text edit (jsonc-parser's
 * `modify`), indented like the file, so the file stays valid, pretty-printed JSON and everything
 * outside the change keeps its bytes. JSON has no comments, so a measurement's note is not kept.
 */

function formattingOf(text: string): FormattingOptions {
  const indented = /^([ \t]+)\S/m.exec(text)?.[1] ?? "  ";
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  return indented.startsWith("\t")
    ? { insertSpaces: false, tabSize: 1, eol }
    : { insertSpaces: true, tabSize: indented.length, eol };
}

interface JsonGoal {
  actuals?: { date: string }[];
}

export function editJsonActuals(text: string, edits: readonly ActualEdit[]): string {
  if (edits.length === 0) return text;
  const formattingOptions = formattingOf(text);
  let result = text;
  const apply = (path: (string | number)[], value: unknown, isArrayInsertion = false) => {
    result = applyEdits(result, modify(result, path, value, { formattingOptions, isArrayInsertion }));
  };
  for (const edit of edits) {
    if (edit.kind === "replace")
      apply(["goals", edit.goalIndex, "actuals", edit.actualIndex, "value"], edit.value);
  }
  const adds = edits
    .filter((edit): edit is Extract<ActualEdit, { kind: "add" }> => edit.kind === "add")
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  for (const edit of adds) {
    const goal = (parseJson(result) as { goals: JsonGoal[] }).goals[edit.goalIndex]!;
    const point = { date: edit.date, value: edit.value };
    if (!Array.isArray(goal.actuals)) {
      apply(["goals", edit.goalIndex, "actuals"], [point]);
      continue;
    }
    const index = goal.actuals.findIndex((actual) => actual.date > edit.date);
    apply(["goals", edit.goalIndex, "actuals", index < 0 ? goal.actuals.length : index], point, true);
  }
  return result;
}
