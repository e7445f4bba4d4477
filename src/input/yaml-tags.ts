import { isMap, isScalar, isSeq, visit, type Document, type Node } from "yaml";
import type { ValidationIssue } from "../errors.js";

/**
 * YAML tags. An account is plain data, so only the tags of the YAML core schema are accepted,
 * with their meaning (`!!float 100000` is the number 100000, `!!str 5` the text "5"). Every
 * other tag — `!!binary`, `!!timestamp`, `!!set`, `!!js/function`, `!custom` — is refused with
 * its location: the YAML library would turn some into objects no account holds (a Buffer, a
 * Date) and leave others as silently ignored text.
 */

const CORE = "tag:yaml.org,2002:";
type CoreTag = "str" | "int" | "float" | "bool" | "null" | "map" | "seq";
const CORE_TAGS: readonly CoreTag[] = ["str", "int", "float", "bool", "null", "map", "seq"];

// The YAML 1.2 core schema's forms (https://yaml.org/spec/1.2.2/#1032-tag-resolution).
const INT = /^[-+]?[0-9]+$/;
const INT_OCTAL = /^0o[0-7]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const INFINITY = /^[-+]?\.(?:inf|Inf|INF)$/;
const NAN = /^\.(?:nan|NaN|NAN)$/;
const TRUE = /^(?:true|True|TRUE)$/;
const FALSE = /^(?:false|False|FALSE)$/;
const NULL = /^(?:~|null|Null|NULL|)$/;

/** `!!float` for a core tag, the tag as written otherwise. */
function shownTag(tag: string): string {
  return tag.startsWith(CORE) ? `!!${tag.slice(CORE.length)}` : tag;
}

function intValue(text: string): number | undefined {
  if (INT.test(text)) return Number(text);
  if (INT_OCTAL.test(text)) return Number.parseInt(text.slice(2), 8);
  if (INT_HEX.test(text)) return Number.parseInt(text.slice(2), 16);
  return undefined;
}

function floatValue(text: string): number | undefined {
  if (FLOAT.test(text) || INT.test(text)) return Number(text);
  if (INFINITY.test(text)) return text.startsWith("-") ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  if (NAN.test(text)) return Number.NaN;
  return undefined;
}

/** The value a core scalar tag gives the scalar's text, or what was expected instead. */
function scalarValue(tag: CoreTag, text: string): { value: unknown } | { expected: string } {
  switch (tag) {
    case "str":
      return { value: text };
    case "int": {
      const value = intValue(text);
      return value === undefined ? { expected: "a whole number" } : { value };
    }
    case "float": {
      const value = floatValue(text);
      return value === undefined ? { expected: "a number" } : { value };
    }
    case "bool":
      return TRUE.test(text)
        ? { value: true }
        : FALSE.test(text)
          ? { value: false }
          : { expected: "true or false" };
    case "null":
      return NULL.test(text) ? { value: null } : { expected: "nothing (null, ~ or no value)" };
    case "map":
      return { expected: "a mapping" };
    case "seq":
      return { expected: "a list" };
  }
}

/** The YAML library resolves most core tags itself (not `!!float 100000`, which it leaves as text). */
function resolvedAlready(tag: CoreTag, value: unknown): boolean {
  switch (tag) {
    case "str":
      return typeof value === "string";
    case "int":
      return typeof value === "number" && Number.isInteger(value);
    case "float":
      return typeof value === "number";
    case "bool":
      return typeof value === "boolean";
    case "null":
      return value === null;
    default:
      return false;
  }
}

function nodeKind(node: Node): string {
  if (isMap(node)) return "a mapping";
  if (isSeq(node)) return "a list";
  return "a single value";
}

/**
 * Checks every tag of the document and gives core-tagged scalars their core meaning (in place,
 * before the document is turned into data). Returns the located problems.
 */
export function applyCoreTags(
  file: string,
  document: Document,
  position: (offset: number) => { line: number; column: number },
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const report = (node: Node, message: string) =>
    issues.push({ file, ...position(node.range?.[0] ?? 0), path: "", message });
  visit(document, {
    Node(_key, node) {
      const tag = node.tag;
      if (tag === undefined) return;
      const core = tag.startsWith(CORE) ? (tag.slice(CORE.length) as CoreTag) : undefined;
      if (core === undefined || !CORE_TAGS.includes(core)) {
        report(
          node,
          `YAML tag ${shownTag(tag)} is not accepted; an account file holds plain values (tags allowed: ${CORE_TAGS.map((name) => `!!${name}`).join(", ")})`,
        );
        return;
      }
      const fits = core === "map" ? isMap(node) : core === "seq" ? isSeq(node) : isScalar(node);
      if (!fits) {
        const expected = core === "map" ? "a mapping" : core === "seq" ? "a list" : "a single value";
        report(node, `YAML tag !!${core} expects ${expected}, got ${nodeKind(node)}`);
        return;
      }
      if (!isScalar(node) || resolvedAlready(core, node.value)) return;
      const text = typeof node.value === "string" ? node.value : (node.source ?? String(node.value));
      const resolved = scalarValue(core, text);
      if ("expected" in resolved) {
        report(
          node,
          `YAML tag !!${core} expects ${resolved.expected}, got ${JSON.stringify(text.slice(0, 40))}`,
        );
      } else {
        node.value = resolved.value;
      }
    },
  });
  return issues;
}
