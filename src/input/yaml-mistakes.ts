import {
  isAlias,
  isCollection,
  isMap,
  isPair,
  isScalar,
  isSeq,
  visit,
  type Document,
  type Node,
  type YAMLError,
} from "yaml";
import type { DataPath } from "./parse-source.js";

/**
 * YAML mistakes a person editing an account file is likely to make, answered in their terms: the
 * value where they wrote it and how to write it instead (`unit: "%"`), not the parser's grammar
 * ("Plain value cannot start with directive indicator character %"). Each mistake is one entry;
 * an error that matches none keeps the parser's own words.
 */

export interface YamlMistake {
  /** The data path of the value written wrongly (empty when it is not inside a value). */
  path: DataPath;
  /** Where that value starts in the text. */
  offset: number;
  message: string;
}

interface Culprit {
  path: DataPath;
  node: Node;
  /** The value as the person typed it, up to the end of the line (or of the flow item). */
  written: string;
}

interface MistakeKind {
  /** The advice for a value written as `written`, when `error` is this kind of mistake. */
  advise(error: YAMLError, culprit: Culprit, text: string): string | null;
}

/**
 * The yaml library's words for text after a `|` or `>` block header (it has no code of its own);
 * should a release reword them, such errors simply keep the parser's message.
 */
const BLOCK_SCALAR_HEADER = /^Block scalar header includes extra characters|^Not a YAML token/;

const MISTAKES: readonly MistakeKind[] = [
  {
    // `unit: %`, `owner: @dana`, `title: `x``: characters YAML reserves at the start of a plain value
    advise: (error, culprit, text) =>
      error.code === "BAD_SCALAR_START" && isScalar(culprit.node) && startsAt(culprit, error)
        ? `quote values that start with ${text[error.pos[0]]}`
        : null,
  },
  {
    // `unit: > 5 tickets`, `title: |x`: `|` and `>` start a block of text on the following lines
    advise: (error, culprit) =>
      error.code === "UNEXPECTED_TOKEN" &&
      BLOCK_SCALAR_HEADER.test(error.message) &&
      isScalar(culprit.node) &&
      (culprit.node.type === "BLOCK_LITERAL" || culprit.node.type === "BLOCK_FOLDED")
        ? `quote values that start with ${culprit.written[0]}`
        : null,
  },
  {
    // `title: Cut costs: fast` — a colon and a space inside a value read as a second key
    advise: (error, culprit) =>
      error.code === "BLOCK_AS_IMPLICIT_KEY" && isMap(culprit.node) && startsAt(culprit, error)
        ? "quote values that contain a colon followed by a space"
        : null,
  },
];

/** The error is at the start of the value (not somewhere inside a collection that holds it). */
function startsAt(culprit: Culprit, error: YAMLError): boolean {
  return culprit.path.length > 0 && culprit.node.range?.[0] === error.pos[0];
}

/** The YAML syntax error in the user's terms, or null when it is not a mistake we know. */
export function describeYamlMistake(document: Document, text: string, error: YAMLError): YamlMistake | null {
  const culprit = culpritAt(document, text, error.pos[0]);
  if (!culprit) return null;
  for (const mistake of MISTAKES) {
    const advice = mistake.advise(error, culprit, text);
    if (advice) return mistakeMessage(culprit, advice);
  }
  return null;
}

/**
 * `unit: *bold*` is an alias to an anchor that does not exist: the person meant the text. Found
 * before the document is converted (where the library would only throw a ReferenceError).
 */
export function unresolvedAliasMistake(document: Document, text: string): YamlMistake | null {
  let offset: number | undefined;
  visit(document, {
    Alias(_key, alias) {
      if (alias.range && alias.resolve(document) === undefined) {
        offset = alias.range[0];
        return visit.BREAK;
      }
      return undefined;
    },
  });
  if (offset === undefined) return null;
  const culprit = culpritAt(document, text, offset);
  return culprit ? mistakeMessage(culprit, "quote values that start with *") : null;
}

function mistakeMessage(culprit: Culprit, advice: string): YamlMistake {
  const last = culprit.path[culprit.path.length - 1];
  const quoted = culprit.written.length <= 60 ? JSON.stringify(culprit.written) : '"…"';
  const example =
    typeof last === "string" ? `${last}: ${quoted}` : typeof last === "number" ? `- ${quoted}` : quoted;
  return { path: culprit.path, offset: culprit.node.range![0], message: `${advice}: ${example}` };
}

/** The deepest value whose text holds `offset`, its data path and what was typed there. */
function culpritAt(document: Document, text: string, offset: number): Culprit | null {
  let path: (string | number)[] = [];
  let node: unknown = document.contents;
  let culprit: Culprit | null = null;
  let inFlow = false;
  for (;;) {
    if (!isNodeWithRange(node) || !holds(node, offset)) return culprit;
    culprit = { path, node, written: writtenAt(text, node.range![0], inFlow) };
    if (!isCollection(node)) return culprit;
    inFlow ||= node.flow === true;
    const next = childHolding(node, offset);
    if (!next) return culprit;
    path = [...path, next.segment];
    node = next.node;
  }
}

function childHolding(node: Node, offset: number): { segment: string | number; node: unknown } | null {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const key = pair.key.value;
      if ((typeof key === "string" || typeof key === "number") && holds(pair.value, offset))
        return { segment: String(key), node: pair.value };
    }
  } else if (isSeq(node)) {
    for (const [index, item] of node.items.entries())
      if (holds(item, offset)) return { segment: index, node: item };
  }
  return null;
}

function isNodeWithRange(node: unknown): node is Node {
  return (isScalar(node) || isCollection(node) || isAlias(node)) && Array.isArray(node.range);
}

function holds(node: unknown, offset: number): boolean {
  if (!isNodeWithRange(node)) return false;
  const [start, , end] = node.range!;
  return start <= offset && offset <= end;
}

/** The text from `start` to the end of its line, without a trailing comment; in a flow collection, to its `,` `}` `]`. */
function writtenAt(text: string, start: number, inFlow: boolean): string {
  const lineEnd = text.indexOf("\n", start);
  let written = text.slice(start, lineEnd === -1 ? text.length : lineEnd).replace(/\r$/, "");
  if (inFlow) written = written.split(/[,}\]]/, 1)[0] ?? "";
  return written.replace(/\s+#.*$/, "").trim();
}
