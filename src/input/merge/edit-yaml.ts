import {
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  type Document,
  type Node,
  type Pair,
  type Scalar,
  type YAMLMap,
  type YAMLSeq,
} from "yaml";
import { commentText, formatNumber, type ActualEdit } from "./actual-edits.js";

/**
 * Measurements into a YAML account file without re-serialising it. The file is parsed into a
 * Document (the `yaml` package keeps every node's source range); each change becomes a small
 * splice of the original text at those ranges — a new `- { date: …, value: … }` line in date
 * order, written in the style the file's own items use, or one number replaced — so every
 * comment, blank line, quote and indentation outside the change stays byte for byte. Only a goal
 * written as a flow mapping (`- { id: x, … }`, rare) is edited through the Document and printed
 * again, which may re-space that file.
 */

interface Splice {
  at: number;
  remove: number;
  text: string;
}

/** The same options as the loader (parse-source.ts), so ranges match what validation saw. */
function parseForEdit(text: string): Document {
  return parseDocument(text, { schema: "core", uniqueKeys: false, strict: true, keepSourceTokens: false });
}

const lineStart = (text: string, offset: number) => text.lastIndexOf("\n", offset - 1) + 1;
/** The offset just after the line break that ends the line holding `offset`. */
function afterLine(text: string, offset: number): number {
  const end = text.indexOf("\n", offset);
  return end < 0 ? text.length : end + 1;
}
const columnOf = (text: string, offset: number) => offset - lineStart(text, offset);

function pairOf(map: YAMLMap, key: string): Pair<unknown, unknown> | undefined {
  return map.items.find((pair) => isScalar(pair.key) && pair.key.value === key) as
    Pair<unknown, unknown> | undefined;
}

function rangeOf(node: unknown): [number, number, number] {
  return (node as Node).range!;
}

interface ItemStyle {
  flow: boolean;
  padded: boolean;
  /** Columns from "-" to the item ("- {…}": 2, "-   date: …": 4). */
  dashOffset: number;
}

/** How the file writes data points: `{ date: …, value: … }`, `{date: …}` or block mappings. */
function itemStyleOf(text: string, seq: YAMLSeq | undefined): ItemStyle {
  const item = seq?.items.find((candidate) => isMap(candidate)) as YAMLMap | undefined;
  if (!item) return { flow: true, padded: true, dashOffset: 2 };
  const start = rangeOf(item)[0];
  const dash = seq!.flow ? start - 2 : text.lastIndexOf("-", start);
  return { flow: Boolean(item.flow), padded: text[start + 1] === " ", dashOffset: Math.max(2, start - dash) };
}

function itemText(date: string, value: number, style: ItemStyle, indent: string, eol: string): string {
  const date_ = `date: ${date}`;
  const value_ = `value: ${formatNumber(value)}`;
  if (style.flow) return style.padded ? `{ ${date_}, ${value_} }` : `{${date_}, ${value_}}`;
  return `${date_}${eol}${indent}${" ".repeat(style.dashOffset)}${value_}`;
}

/** A block-sequence line for a new actual, with its note as a trailing comment. */
function blockLine(
  edit: Extract<ActualEdit, { kind: "add" }>,
  style: ItemStyle,
  indent: string,
  eol: string,
) {
  const note = edit.note ? commentText(edit.note) : "";
  const comment = note ? `  # ${note}` : "";
  const dash = `-${" ".repeat(style.dashOffset - 1)}`;
  return `${indent}${dash}${itemText(edit.date, edit.value, style, indent, eol)}${comment}${eol}`;
}

/**
 * Where a node's own text ends. A block collection's range runs on over the comments after it
 * (they may belong to the next key, or to the end of the file), so its last value's end is taken.
 */
function contentEnd(node: unknown): number {
  if (isMap(node) && !node.flow && node.items.length > 0) {
    const last = node.items.at(-1)!;
    return contentEnd(last.value ?? last.key);
  }
  if (isSeq(node) && !node.flow && node.items.length > 0) return contentEnd(node.items.at(-1));
  return rangeOf(node)[1];
}

function dateOf(item: unknown): string {
  const node = isMap(item) ? item.get("date", true) : undefined;
  return isScalar(node) ? String(node.value) : "";
}

/** The first line of comments and blank lines directly above `offset`'s line (they belong to it). */
function startOfLeadingComments(text: string, offset: number): number {
  let start = lineStart(text, offset);
  while (start > 0) {
    const previous = lineStart(text, start - 1);
    const line = text.slice(previous, start).trim();
    if (!line.startsWith("#")) break;
    start = previous;
  }
  return start;
}

function splicesForBlockSeq(text: string, seq: YAMLSeq, adds: AddEdit[], eol: string): Splice[] {
  const style = itemStyleOf(text, seq);
  const first = rangeOf(seq.items[0])[0];
  const indent = " ".repeat(columnOf(text, text.lastIndexOf("-", first)));
  const splices: Splice[] = [];
  for (const [position, group] of groupByPosition(seq, adds)) {
    const lines = group.map((edit) => blockLine(edit, style, indent, eol)).join("");
    if (position < seq.items.length) {
      const at = startOfLeadingComments(text, rangeOf(seq.items[position])[0]);
      splices.push({ at, remove: 0, text: lines });
    } else {
      splices.push(appendAfter(text, contentEnd(seq.items.at(-1)), lines, eol));
    }
  }
  return splices;
}

function splicesForFlowSeq(text: string, seq: YAMLSeq, adds: AddEdit[]): Splice[] {
  const style = itemStyleOf(text, seq);
  const splices: Splice[] = [];
  if (seq.items.length === 0) {
    const [start, end] = rangeOf(seq);
    const items = adds.map((edit) => itemText(edit.date, edit.value, style, "", "")).join(", ");
    return [{ at: start, remove: end - start, text: `[${items}]` }];
  }
  for (const [position, group] of groupByPosition(seq, adds)) {
    const items = group.map((edit) => itemText(edit.date, edit.value, style, "", "")).join(", ");
    if (position < seq.items.length)
      splices.push({ at: rangeOf(seq.items[position])[0], remove: 0, text: `${items}, ` });
    else splices.push({ at: rangeOf(seq.items.at(-1))[1], remove: 0, text: `, ${items}` });
  }
  return splices;
}

/** Inserts whole lines after the line that ends at `offset` (a file without a final newline gets one first). */
function appendAfter(text: string, offset: number, lines: string, eol: string): Splice {
  const at = afterLine(text, offset);
  if (at === text.length && !text.endsWith("\n"))
    return { at, remove: 0, text: `${eol}${lines.slice(0, -eol.length)}` };
  return { at, remove: 0, text: lines };
}

type AddEdit = Extract<ActualEdit, { kind: "add" }>;

/** New actuals grouped by the existing item they go before (items.length: after the last), in date order. */
function groupByPosition(seq: YAMLSeq, adds: AddEdit[]): Map<number, AddEdit[]> {
  const dates = seq.items.map(dateOf);
  const groups = new Map<number, AddEdit[]>();
  for (const edit of [...adds].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))) {
    const index = dates.findIndex((date) => date > edit.date);
    const position = index < 0 ? dates.length : index;
    groups.set(position, [...(groups.get(position) ?? []), edit]);
  }
  return groups;
}

/** A goal without `actuals`: the key and its items after `plan` (else `target`), styled like `plan`. */
function splicesForNewActuals(text: string, goal: YAMLMap, adds: AddEdit[], eol: string): Splice[] {
  const anchor =
    pairOf(goal, "plan") ?? pairOf(goal, "target") ?? (goal.items.at(-1) as Pair<unknown, unknown>);
  const keyIndent = " ".repeat(columnOf(text, rangeOf(anchor.key)[0]));
  const plan = pairOf(goal, "plan")?.value;
  const planSeq = isSeq(plan) && plan.items.length > 0 ? plan : undefined;
  const sorted = [...adds].sort((a, b) => (a.date < b.date ? -1 : 1));
  const after = contentEnd(anchor.value);
  if (planSeq?.flow) {
    const style = itemStyleOf(text, planSeq);
    const items = sorted.map((edit) => itemText(edit.date, edit.value, style, "", "")).join(", ");
    return [appendAfter(text, after, `${keyIndent}actuals: [${items}]${eol}`, eol)];
  }
  const style = itemStyleOf(text, planSeq);
  const seqIndent = planSeq
    ? " ".repeat(columnOf(text, text.lastIndexOf("-", rangeOf(planSeq.items[0])[0])))
    : `${keyIndent}  `;
  const lines = sorted.map((edit) => blockLine(edit, style, seqIndent, eol)).join("");
  return [appendAfter(text, after, `${keyIndent}actuals:${eol}${lines}`, eol)];
}

/** `actuals:` with nothing (or null) after it: the items go on the lines below the key. */
function splicesForEmptyActuals(
  text: string,
  goal: YAMLMap,
  pair: Pair<unknown, unknown>,
  adds: AddEdit[],
  eol: string,
): Splice[] {
  const value = pair.value as Scalar | null;
  const keyStart = rangeOf(pair.key)[0];
  const seqIndent = `${" ".repeat(columnOf(text, keyStart))}  `;
  const planValue = pairOf(goal, "plan")?.value;
  const style = itemStyleOf(text, isSeq(planValue) ? planValue : undefined);
  const lines = [...adds]
    .sort((a, b) => (a.date < b.date ? -1 : 1))
    .map((edit) => blockLine(edit, style, seqIndent, eol))
    .join("");
  const splices: Splice[] = [];
  const end = value?.range ? value.range[1] : contentEnd(pair.key);
  if (value?.range && value.range[1] > value.range[0]) {
    splices.push({ at: value.range[0], remove: value.range[1] - value.range[0], text: "" });
  }
  splices.push(appendAfter(text, end, lines, eol));
  return splices;
}

function applySplices(text: string, splices: Splice[]): string {
  let result = text;
  // From the end backwards, so earlier offsets stay valid; equal offsets keep their given order.
  const ordered = splices.map((splice, order) => ({ splice, order }));
  ordered.sort((a, b) => b.splice.at - a.splice.at || b.order - a.order);
  for (const { splice } of ordered) {
    result = result.slice(0, splice.at) + splice.text + result.slice(splice.at + splice.remove);
  }
  return result;
}

/** The Document route, for goals written as flow mappings. */
function editThroughDocument(document: Document, goal: YAMLMap, goalEdits: ActualEdit[]): void {
  const existing: unknown = goal.get("actuals", true);
  let actuals: YAMLSeq;
  if (isSeq(existing)) {
    actuals = existing;
  } else {
    actuals = document.createNode([]) as YAMLSeq;
    actuals.flow = true;
    goal.set("actuals", actuals);
  }
  for (const edit of goalEdits) {
    if (edit.kind === "replace") {
      (actuals.items[edit.actualIndex] as YAMLMap).set("value", edit.value);
    } else {
      const index = actuals.items.map(dateOf).findIndex((date) => date > edit.date);
      const node = document.createNode({ date: edit.date, value: edit.value }) as YAMLMap;
      node.flow = true;
      actuals.items.splice(index < 0 ? actuals.items.length : index, 0, node);
    }
  }
}

/** Applies `edits` to the YAML text of a valid account file and returns the new text. */
export function editYamlActuals(text: string, edits: readonly ActualEdit[]): string {
  if (edits.length === 0) return text;
  const document = parseForEdit(text);
  const goals = document.get("goals", true) as YAMLSeq;
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const byGoal = new Map<number, ActualEdit[]>();
  for (const edit of edits) byGoal.set(edit.goalIndex, [...(byGoal.get(edit.goalIndex) ?? []), edit]);
  if ([...byGoal.keys()].some((goalIndex) => (goals.items[goalIndex] as YAMLMap).flow)) {
    for (const [goalIndex, goalEdits] of byGoal) {
      editThroughDocument(document, goals.items[goalIndex] as YAMLMap, goalEdits);
    }
    return document.toString({ lineWidth: 0 });
  }
  const splices: Splice[] = [];
  for (const [goalIndex, goalEdits] of byGoal) {
    const goal = goals.items[goalIndex] as YAMLMap;
    const adds = goalEdits.filter((edit): edit is AddEdit => edit.kind === "add");
    const pair = pairOf(goal, "actuals");
    const seq = pair?.value;
    for (const edit of goalEdits) {
      if (edit.kind !== "replace") continue;
      const item = (seq as YAMLSeq).items[edit.actualIndex] as YAMLMap;
      const [start, end] = rangeOf(item.get("value", true));
      splices.push({ at: start, remove: end - start, text: formatNumber(edit.value) });
    }
    if (adds.length === 0) continue;
    if (!pair) splices.push(...splicesForNewActuals(text, goal, adds, eol));
    else if (isSeq(seq) && seq.flow) splices.push(...splicesForFlowSeq(text, seq, adds));
    else if (isSeq(seq) && seq.items.length > 0) splices.push(...splicesForBlockSeq(text, seq, adds, eol));
    else splices.push(...splicesForEmptyActuals(text, goal, pair, adds, eol));
  }
  return applySplices(text, splices);
}
