import { parse, type DefaultTreeAdapterMap } from "parse5";

/**
 * Reading an HTML deck with a real HTML parser (parse5, the WHATWG parsing algorithm browsers
 * use), not with regular expressions: what a browser would build from the bytes is what is checked.
 */
export type Node = DefaultTreeAdapterMap["childNode"] | DefaultTreeAdapterMap["document"];
export type Element = DefaultTreeAdapterMap["element"];

export function parseHtml(html: string): DefaultTreeAdapterMap["document"] {
  return parse(html);
}

function children(node: Node): Node[] {
  const own = "childNodes" in node ? (node.childNodes as Node[]) : [];
  // <template> content is a fragment of its own; decks have none, but count it anyway.
  return node.nodeName === "template" && "content" in node
    ? [...own, ...((node.content as DefaultTreeAdapterMap["documentFragment"]).childNodes as Node[])]
    : own;
}

/** Every node under `root`, in document order. */
export function descendants(root: Node): Node[] {
  const out: Node[] = [];
  const walk = (node: Node) => {
    for (const child of children(node)) {
      out.push(child);
      walk(child);
    }
  };
  walk(root);
  return out;
}

export function isElement(node: Node): node is Element {
  return "tagName" in node;
}

/** Elements under `root` with this tag name (and, optionally, matching `where`). */
export function elements(
  root: Node,
  tag: string,
  where: (element: Element) => boolean = () => true,
): Element[] {
  return descendants(root).filter(
    (node): node is Element => isElement(node) && node.tagName === tag && where(node),
  );
}

export function attr(element: Element, name: string): string | undefined {
  return element.attrs.find((attribute) => attribute.name === name)?.value;
}

export function hasClass(element: Element, name: string): boolean {
  return (attr(element, "class") ?? "").split(/\s+/).includes(name);
}

/** The text content, with runs of white space (and <br>) read as one space. */
export function textOf(root: Node): string {
  const parts: string[] = [];
  for (const node of descendants(root)) {
    if (node.nodeName === "#text" && "value" in node) parts.push(node.value);
    else if (node.nodeName === "br") parts.push(" ");
  }
  return parts.join("").replace(/\s+/g, " ").trim();
}

export function comments(root: Node): string[] {
  return descendants(root)
    .filter((node) => node.nodeName === "#comment")
    .map((node) => ("data" in node ? String(node.data) : ""));
}
