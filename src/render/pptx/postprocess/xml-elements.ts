/**
 * Small, exact edits of the XML pptxgenjs writes (no comments, CDATA or processing instructions
 * inside parts; '<' and '>' in text and attribute values escaped), for the fixes that must move or
 * drop whole elements rather than patch one string.
 */

const TAG = /<(\/?)([A-Za-z][\w.:-]*)[^>]*?(\/?)>/g;

/** The top-level child elements of an XML fragment, in order; text and whitespace between them dropped. */
export function childElements(fragment: string): string[] {
  const children: string[] = [];
  let depth = 0;
  let start = 0;
  for (const match of fragment.matchAll(TAG)) {
    const [tag, closing, , selfClosing] = match;
    const index = match.index;
    if (closing) {
      depth--;
      if (depth === 0) children.push(fragment.slice(start, index + tag.length));
    } else {
      if (depth === 0) start = index;
      if (selfClosing) {
        if (depth === 0) children.push(tag);
      } else depth++;
    }
  }
  return children;
}

/** The qualified name of an element ("c:ser" for `<c:ser>…</c:ser>`). */
export function elementName(element: string): string {
  return /^<([A-Za-z][\w.:-]*)/.exec(element)?.[1] ?? "";
}

/**
 * Replaces every `<tag …>…</tag>` element with `rewrite(element)`: the elements are found by
 * name, with nesting of the same name counted, and the XML is copied only where one changes.
 */
export function mapElements(xml: string, tag: string, rewrite: (element: string) => string): string {
  const pieces: string[] = [];
  let copied = 0;
  let from = 0;
  for (;;) {
    const start = findOpening(xml, tag, from);
    if (start < 0) break;
    const end = findEnd(xml, tag, start);
    if (end < 0) break;
    const element = xml.slice(start, end);
    const rewritten = rewrite(element);
    if (rewritten !== element) {
      pieces.push(xml.slice(copied, start), rewritten);
      copied = end;
    }
    from = end;
  }
  if (pieces.length === 0) return xml;
  pieces.push(xml.slice(copied));
  return pieces.join("");
}

function findOpening(xml: string, tag: string, from: number): number {
  let index = xml.indexOf(`<${tag}`, from);
  while (index >= 0) {
    const next = xml[index + tag.length + 1];
    if (next === ">" || next === " " || next === "/") return index;
    index = xml.indexOf(`<${tag}`, index + 1);
  }
  return -1;
}

/** The index just after the element that opens at `start`. */
function findEnd(xml: string, tag: string, start: number): number {
  const openEnd = xml.indexOf(">", start);
  if (openEnd < 0) return -1;
  if (xml[openEnd - 1] === "/") return openEnd + 1;
  let depth = 1;
  let at = openEnd + 1;
  const close = `</${tag}>`;
  while (depth > 0) {
    const nextClose = xml.indexOf(close, at);
    if (nextClose < 0) return -1;
    const nextOpen = findOpening(xml, tag, at);
    if (nextOpen >= 0 && nextOpen < nextClose) {
      const innerEnd = xml.indexOf(">", nextOpen);
      if (xml[innerEnd - 1] !== "/") depth++;
      at = innerEnd + 1;
    } else {
      depth--;
      at = nextClose + close.length;
    }
  }
  return at;
}

/** An element split into its opening tag, its child elements and its closing tag. */
export function splitElement(element: string): { open: string; children: string[]; close: string } {
  const openEnd = element.indexOf(">") + 1;
  const closeStart = element.lastIndexOf("</");
  return {
    open: element.slice(0, openEnd),
    children: childElements(element.slice(openEnd, closeStart)),
    close: element.slice(closeStart),
  };
}

/**
 * Children in the order a schema sequence lists their names (stable for repeated names); children
 * the sequence does not list are dropped.
 */
export function inSequence(children: readonly string[], sequence: readonly string[]): string[] {
  const rank = new Map(sequence.map((name, index) => [name, index]));
  return children
    .filter((child) => rank.has(elementName(child)))
    .map((child, index) => ({ child, index, rank: rank.get(elementName(child)) ?? 0 }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ child }) => child);
}
