import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { InvalidInputError, type ValidationIssue } from "../src/errors.js";
import { loadAccount } from "../src/input/load-account.js";
import { parseSource } from "../src/input/parse-source.js";
import { baseAccountData } from "./helpers/accounts.js";

/** The base account as YAML, with one line of it replaced the way a person would mistype it. */
function accountText(replace: [from: RegExp, to: string]): string {
  const text = stringify(baseAccountData());
  const changed = text.replace(...replace);
  expect(changed, "the replacement must change the file").not.toBe(text);
  return changed;
}

function issuesOf(text: string, file = "acct.yaml"): ValidationIssue[] {
  try {
    loadAccount(file, Buffer.from(text));
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    return (error as InvalidInputError).issues;
  }
  throw new Error("expected the file to be invalid");
}

/** file:line:col path — message, as the CLI prints it. */
const shown = (issue: ValidationIssue) =>
  `${issue.file}:${issue.line}:${issue.column} ${issue.path} — ${issue.message}`;

/** Line and column (1-based) of the first match of `pattern` in `text`, plus `shift` columns. */
function positionOf(text: string, pattern: RegExp, shift = 0): string {
  const index = text.search(pattern);
  const before = text.slice(0, index).split("\n");
  return `${before.length}:${before.at(-1)!.length + 1 + shift}`;
}

describe("YAML mistakes in the user's terms", () => {
  it.each([
    ["%", "unit: %", 'quote values that start with %: unit: "%"'],
    ["@", "unit: @users", 'quote values that start with @: unit: "@users"'],
    ["`", "unit: `x`", 'quote values that start with `: unit: "`x`"'],
    ["|", "unit: |x", 'quote values that start with |: unit: "|x"'],
    [">", "unit: > 5 things", 'quote values that start with >: unit: "> 5 things"'],
    ["*", "unit: *users*", 'quote values that start with *: unit: "*users*"'],
  ])("a value starting with %s names the path and shows the quoted value", (_char, written, message) => {
    const text = accountText([/unit: things/, written]);
    const issues = issuesOf(text);
    expect(issues.map(shown)).toEqual([
      `acct.yaml:${positionOf(text, /unit: /, "unit: ".length)} goals[0].metric.unit — ${message}`,
    ]);
  });

  it("says so in a flow mapping too, quoting only the value", () => {
    const text = accountText([
      /metric:\n\s+name: Things\n\s+unit: things/,
      "metric: { name: Things, unit: % }",
    ]);
    expect(issuesOf(text).map((issue) => [issue.path, issue.message])).toEqual([
      ["goals[0].metric.unit", 'quote values that start with %: unit: "%"'],
    ]);
  });

  it("drops a trailing comment from the suggested value", () => {
    const text = accountText([/unit: things/, "unit: %   # percent of users"]);
    expect(issuesOf(text)[0]!.message).toBe('quote values that start with %: unit: "%"');
  });

  it("quotes a list item with a dash", () => {
    const text = `${stringify(baseAccountData())}statedReasons:\n  - "ok"\n  - @competitor is cheaper\n`;
    expect(issuesOf(text).map((issue) => [issue.path, issue.message])).toEqual([
      ["statedReasons[1]", 'quote values that start with @: - "@competitor is cheaper"'],
    ]);
  });

  it("a colon and a space inside a value", () => {
    const text = accountText([/title: Grow the thing/, "title: Growth: the thing"]);
    expect(issuesOf(text).map((issue) => [issue.path, issue.message])).toEqual([
      ["goals[0].title", 'quote values that contain a colon followed by a space: title: "Growth: the thing"'],
    ]);
  });

  it("keeps the parser's words for a mistake it does not recognise, and a % in a key is not a value", () => {
    const text = accountText([/unit: things/, "%unit: things"]);
    const [issue] = issuesOf(text);
    expect(issue!.path).toBe("");
    expect(issue!.message).toMatch(/^invalid YAML: /);
  });

  it("shows a hostile key cut and escaped in the path", () => {
    const key = `k${"\u001b".repeat(3)}${"x".repeat(100)}`;
    const [issue] = issuesOf(`${stringify(baseAccountData())}${key}: %\n`);
    expect(issue!.path).not.toContain("\u001b");
    expect(issue!.path.length).toBeLessThan(70);
    expect(issue!.message).toMatch(/^quote values that start with %/);
  });
});

describe("dates in the user's terms, each bad value once", () => {
  it("a missing required date says a date (YYYY-MM-DD) is expected", () => {
    const text = accountText([/ {2}renewal: 2026-12-31\n/, ""]);
    expect(issuesOf(text).map((issue) => [issue.path, issue.message])).toEqual([
      ["contract.renewal", "is missing; expected a date (YYYY-MM-DD)"],
    ]);
  });

  it("an empty, numeric or optional date too", () => {
    expect(issuesOf(accountText([/renewal: 2026-12-31/, "renewal:"]))[0]!.message).toBe(
      "expected a date (YYYY-MM-DD), got nothing (null)",
    );
    const text = accountText([/date: 2025-01-01\n/, "date: 20250101\n"]);
    expect(issuesOf(text).map((issue) => [issue.path, issue.message])).toEqual([
      ["goals[0].baseline.date", "expected a date (YYYY-MM-DD), got 20250101"],
    ]);
    const due = stringify({ ...baseAccountData() }).replace(
      /actuals:/,
      "tasks:\n      - { title: x, due: 1 }\n    actuals:",
    );
    expect(issuesOf(due).map((issue) => [issue.path, issue.message])).toEqual([
      ["goals[0].tasks[0].due", "expected a date (YYYY-MM-DD), got 1"],
    ]);
  });

  it("a date in another format is reported once, with what was written", () => {
    const issues = issuesOf(accountText([/renewal: 2026-12-31/, "renewal: 31/12/2026"]));
    expect(issues.map((issue) => [issue.path, issue.message])).toEqual([
      ["contract.renewal", 'expected a date (YYYY-MM-DD), got "31/12/2026"'],
    ]);
  });

  it("an impossible calendar date once", () => {
    const issues = issuesOf(accountText([/renewal: 2026-12-31/, "renewal: 2026-02-30"]));
    expect(issues.map((issue) => [issue.path, issue.message])).toEqual([
      ["contract.renewal", 'expected a real calendar date (YYYY-MM-DD), got "2026-02-30"'],
    ]);
  });

  it("a non-date text is still 'a text'", () => {
    const issues = issuesOf(accountText([/name: Test Co/, "name: 5"]));
    expect(issues.map((issue) => [issue.path, issue.message])).toEqual([
      ["account.name", "expected a text, got 5"],
    ]);
  });
});

describe("YAML mistakes: what is quoted back", () => {
  it("escapes control and bidirectional characters of the value shown", () => {
    const text = accountText([/unit: things/, "unit: %\u202e\u0007x"]);
    const [issue] = issuesOf(text);
    expect(issue!.message).toMatch(/^quote values that start with %: unit: "%\\u202e/);
    expect(issue!.message).not.toContain("\u0007");
    expect(issue!.message).not.toContain("\u202e");
  });

  it("a whole document that is an alias to nothing is a located error, not an 'alias bomb'", () => {
    expect(() => parseSource("a.yaml", Buffer.from("*account\n"))).toThrow(
      expect.objectContaining({
        issues: [expect.objectContaining({ message: 'quote values that start with *: "*account"' })],
      }),
    );
  });
});
