import { describe, expect, it } from "vitest";
import { describeTextChanges, sanitizeText, sanitizeTree, visibleText } from "../src/text/sanitize.js";

/** Every character XML 1.0 forbids (Char production), plus the discouraged DEL and C1 controls. */
const NOT_IN_XML =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\0-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

describe("the text rule", () => {
  it("removes C0 controls other than tab and line feed, DEL, C1 controls, lone surrogates and U+FFFE/U+FFFF", () => {
    const { text, changes } = sanitizeText("a\x00b\x07c\x1bd\x7fe\x9bf\ufffeg\uffffh\ud800i\udfffj");
    expect(text).toBe("abcdefghij");
    expect(changes.map((change) => change.action)).toEqual(Array(9).fill("removed"));
  });

  it("turns the line-separating controls (CR, VT, FF, NEL) into a line break; CR LF is a line ending, not a change", () => {
    expect(sanitizeText("a\rb\vc\fd\x85e")).toEqual({
      text: "a\nb\nc\nd\ne",
      changes: [
        { codePoint: 0x0d, action: "line-break", count: 1 },
        { codePoint: 0x0b, action: "line-break", count: 1 },
        { codePoint: 0x0c, action: "line-break", count: 1 },
        { codePoint: 0x85, action: "line-break", count: 1 },
      ],
    });
    expect(sanitizeText("one\r\ntwo")).toEqual({ text: "one\ntwo", changes: [] });
  });

  it("keeps tab, line feed, paired surrogates, bidi and zero-width characters and every other letter", () => {
    const kept = "tab\there\nline 😀 \u202e\u200b\u2028 Ωμέγα 中文 \u00a0 e\u0301";
    expect(sanitizeText(kept)).toEqual({ text: kept, changes: [] });
  });

  it("counts each code point once, with how often it occurred", () => {
    const { changes } = sanitizeText("\x07a\x07b\x07\x0b");
    expect(changes).toEqual([
      { codePoint: 7, action: "removed", count: 3 },
      { codePoint: 0x0b, action: "line-break", count: 1 },
    ]);
    expect(describeTextChanges(changes)).toBe(
      "control characters U+0007 removed; U+000B replaced by a line break",
    );
  });

  it("leaves no character XML forbids, whatever the input", () => {
    let all = "";
    for (let code = 0; code <= 0xffff; code++) all += String.fromCharCode(code);
    const { text } = sanitizeText(all + all.split("").reverse().join(""));
    expect(NOT_IN_XML.test(text)).toBe(false);
  });
});

describe("visibleText", () => {
  it("writes what the rule would change as escapes, for messages on a terminal", () => {
    expect(visibleText("a\x1b[2Jb\x07\r\n")).toBe("a\\u001b[2Jb\\u0007\\u000d\n");
    expect(visibleText("plain Ωμέγα")).toBe("plain Ωμέγα");
  });
});

describe("sanitizeTree", () => {
  it("cleans every string of nested objects and arrays and reports each changed path", () => {
    const seen: string[] = [];
    const tree = { a: "x\x07", b: [{ c: "ok" }, { d: ["\x0by"] }], n: 1, t: true, z: null };
    const cleaned = sanitizeTree(tree, (path, changes) => seen.push(`${path.join(".")}:${changes.length}`));
    expect(cleaned).toEqual({ a: "x", b: [{ c: "ok" }, { d: ["\ny"] }], n: 1, t: true, z: null });
    expect(seen).toEqual(["a:1", "b.1.d.0:1"]);
    expect(tree.a).toBe("x\x07");
  });

  it("returns the same objects where nothing changed (a shared theme or image is not copied)", () => {
    const shared = { name: "theme", colors: ["1F3A5F"] };
    const tree = { theme: shared, slides: [{ title: "a\x07" }] };
    const cleaned = sanitizeTree(tree);
    expect(cleaned.theme).toBe(shared);
    expect(cleaned).not.toBe(tree);
    const clean = { theme: shared };
    expect(sanitizeTree(clean)).toBe(clean);
  });

  it("keeps a __proto__ key an own data property when it copies an object", () => {
    const tree = JSON.parse('{"__proto__": {"polluted": "yes"}, "name": "a\\u0007"}') as Record<
      string,
      unknown
    >;
    const cleaned = sanitizeTree(tree);
    expect(Object.getPrototypeOf(cleaned)).toBe(Object.prototype);
    expect(Object.hasOwn(cleaned, "__proto__")).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(cleaned.name).toBe("a");
  });
});
