/**
 * The one rule for characters no output may hold. XML 1.0 (every PPTX part) forbids the C0
 * control characters other than tab, line feed and carriage return, lone surrogates and
 * U+FFFE/U+FFFF; a single one makes PowerPoint refuse the file. DEL and the C1 controls are
 * allowed by XML but are invisible junk in a deck. So, in every text:
 *
 * - a line break written as CR LF becomes LF (a line ending, not a change);
 * - the controls that separate lines — CR alone, VT (Word's manual line break), FF, NEL — become
 *   a line break (LF), which is what they meant where they came from;
 * - every other C0 control except tab, DEL, every other C1 control, lone surrogates and
 *   U+FFFE/U+FFFF are removed.
 *
 * The loader applies it to every string of an account (with a warning naming the field), and
 * deck building applies it again to every string of a built Deck, so text from templates or
 * themes cannot slip an invalid character into a renderer either.
 */

export type TextChangeAction = "removed" | "line-break";

export interface TextChange {
  codePoint: number;
  action: TextChangeAction;
  count: number;
}

/** Anything the rule changes; without the `g` flag, for a quick test. */
const UNSAFE_TEST =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\r\v\f\0-\x08\x0e-\x1f\x7f-\x9f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const UNSAFE = new RegExp(`\\r\\n|${UNSAFE_TEST.source}`, "g");
const UNSAFE_GLOBAL = new RegExp(UNSAFE_TEST.source, "g");
const LINE_BREAKS = new Set([0x0d, 0x0b, 0x0c, 0x85]);

export function hasUnsafeCharacters(text: string): boolean {
  return UNSAFE_TEST.test(text);
}

/** The text under the rule, and what changed (one entry per code point, with a count). */
export function sanitizeText(text: string): { text: string; changes: TextChange[] } {
  if (!UNSAFE_TEST.test(text)) return { text, changes: [] };
  const changes = new Map<number, TextChange>();
  const cleaned = text.replace(UNSAFE, (match) => {
    if (match === "\r\n") return "\n";
    const codePoint = match.charCodeAt(0);
    const action: TextChangeAction = LINE_BREAKS.has(codePoint) ? "line-break" : "removed";
    const change = changes.get(codePoint);
    if (change) change.count++;
    else changes.set(codePoint, { codePoint, action, count: 1 });
    return action === "line-break" ? "\n" : "";
  });
  return { text: cleaned, changes: [...changes.values()] };
}

export function sanitizedText(text: string): string {
  return sanitizeText(text).text;
}

/** The text with every character the rule would change written as an escape (`\u0007`), for messages. */
export function visibleText(text: string): string {
  if (!UNSAFE_TEST.test(text)) return text;
  return text.replace(UNSAFE_GLOBAL, (match) => `\\u${match.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** U+0007 */
export function codePointName(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, "0")}`;
}

const MAX_NAMED_CODE_POINTS = 4;

function codePointList(changes: readonly TextChange[]): string {
  const names = changes.slice(0, MAX_NAMED_CODE_POINTS).map((change) => codePointName(change.codePoint));
  const more = changes.length - names.length;
  return more > 0 ? `${names.join(", ")} and ${more} more` : names.join(", ");
}

/** "control character U+0007 removed; U+000B replaced by a line break" */
export function describeTextChanges(changes: readonly TextChange[]): string {
  const removed = changes.filter((change) => change.action === "removed");
  const broken = changes.filter((change) => change.action === "line-break");
  const controls = changes.every((change) => change.codePoint <= 0x9f);
  const noun = `${controls ? "control" : "control or invalid"} character${changes.length === 1 ? "" : "s"}`;
  const parts = [
    ...(removed.length > 0 ? [`${codePointList(removed)} removed`] : []),
    ...(broken.length > 0 ? [`${codePointList(broken)} replaced by a line break`] : []),
  ];
  return `${noun} ${parts.join("; ")}`;
}

export type TreePath = (string | number)[];

const isPlainObject = (value: object): value is Record<string, unknown> => {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
};

/**
 * Every string in a tree of plain objects and arrays under the rule. Returns the same value
 * when nothing changed and copies only the branches that did (a deck's theme and images are
 * shared between decks). `onChange` hears the path of each changed string. Copies keep keys
 * such as `__proto__` as own data properties, never as a prototype.
 */
export function sanitizeTree<T>(value: T, onChange?: (path: TreePath, changes: TextChange[]) => void): T {
  const path: TreePath = [];
  const visit = (node: unknown): unknown => {
    if (typeof node === "string") {
      if (!UNSAFE_TEST.test(node)) return node;
      const { text, changes } = sanitizeText(node);
      if (changes.length > 0) onChange?.([...path], changes);
      return text;
    }
    if (Array.isArray(node)) {
      let copy: unknown[] | null = null;
      node.forEach((item: unknown, index) => {
        path.push(index);
        const cleaned = visit(item);
        path.pop();
        if (cleaned !== item) (copy ??= [...node])[index] = cleaned;
      });
      return copy ?? node;
    }
    if (typeof node === "object" && node !== null && isPlainObject(node)) {
      let copy: Record<string, unknown> | null = null;
      for (const key of Object.keys(node)) {
        path.push(key);
        const cleaned = visit(node[key]);
        path.pop();
        if (cleaned !== node[key]) {
          copy ??= Object.fromEntries(Object.entries(node));
          Object.defineProperty(copy, key, {
            value: cleaned,
            enumerable: true,
            writable: true,
            configurable: true,
          });
        }
      }
      return copy ?? node;
    }
    return node;
  };
  return visit(value) as T;
}
