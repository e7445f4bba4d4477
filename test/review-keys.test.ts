import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { InvalidInputError, type ValidationIssue } from "../src/errors.js";
import { accountJsonSchema } from "../src/input/account-schema.js";
import { loadAccount, loadAccountWithWarnings } from "../src/input/load-account.js";
import { baseAccountData } from "./helpers/accounts.js";

/** Issue 12 §1: review.summary/agenda/highlights/asks/commitments/hide and roadmap. */

function issuesOf(text: string): ValidationIssue[] {
  try {
    loadAccount("acct.yaml", Buffer.from(text));
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    return (error as InvalidInputError).issues;
  }
  throw new Error("expected the file to be invalid");
}

const yamlWith = (mutate: (data: Record<string, any>) => void) => {
  const data = structuredClone(baseAccountData()) as Record<string, any>;
  mutate(data);
  return stringify(data);
};

const FULL = yamlWith((d) => {
  d.review = {
    ...d.review,
    summary: "Backlog work is behind plan; first-contact resolution is on track.",
    agenda: ["Where we stand", "Wins", "Plan for Q4"],
    highlights: [
      { text: "EU support hub live on 15 Aug", date: "2025-08-15" },
      { quote: "We now close most tickets the same day", by: "Sam Sponsor" },
    ],
    asks: [{ title: "Name an owner for carrier onboarding", owner: "Sam Sponsor", due: "2025-10-31" }],
    commitments: [{ title: "Deliver the bulk import", owner: "Dana Reyes", status: "in-progress" }],
    hide: ["value", "goal-g1"],
  };
  d.roadmap = [{ title: "Bulk import", when: "Q1 2026", goals: ["g1"] }];
});

describe("the review keys and the roadmap", () => {
  it("load, with defaults filled in", () => {
    const account = loadAccount("acct.yaml", Buffer.from(FULL));
    expect(account.review.summary).toContain("Backlog work");
    expect(account.review.highlights).toHaveLength(2);
    expect(account.review.asks[0]!.status).toBe("open");
    expect(account.review.commitments[0]!.status).toBe("in-progress");
    expect(account.review.hide).toEqual(["value", "goal-g1"]);
    expect(account.roadmap).toEqual([{ title: "Bulk import", when: "Q1 2026", goals: ["g1"] }]);
  });

  it("are all optional", () => {
    const account = loadAccount("acct.yaml", Buffer.from(yamlWith(() => {})));
    expect(account.review).toMatchObject({ highlights: [], asks: [], commitments: [], hide: [] });
    expect(account.roadmap).toEqual([]);
  });

  it("go through the text rule like every other text", () => {
    const { account, warnings } = loadAccountWithWarnings(
      "acct.yaml",
      Buffer.from(FULL.replace("Backlog work", "Backlog\u0007 work")),
    );
    expect(account.review.summary).toContain("Backlog work");
    expect(warnings.map((warning) => warning.path)).toContain("review.summary");
  });

  it("are in `qbr schema`", () => {
    const schema = JSON.stringify(accountJsonSchema());
    for (const key of ["summary", "agenda", "highlights", "asks", "commitments", "hide", "roadmap"]) {
      expect(schema).toContain(`"${key}"`);
    }
  });

  it.each([
    [
      "an unknown slide id in review.hide",
      (d: any) => (d.review.hide = ["value", "vaule"]),
      "review.hide[1]",
      'expected a slide id; "vaule" is none — valid ids: cover, agenda, summary',
    ],
    [
      "a goal slide of a goal the file does not have",
      (d: any) => (d.review.hide = ["goal-nope"]),
      "review.hide[0]",
      "goal-g1",
    ],
    [
      "a roadmap item for an unknown goal",
      (d: any) => (d.roadmap = [{ title: "X", when: "Q1", goals: ["g1", "g9"] }]),
      "roadmap[0].goals[1]",
      'expected the id of a goal in this file; "g9" is none — goal ids: g1',
    ],
    [
      "a roadmap item without `when`",
      (d: any) => (d.roadmap = [{ title: "X" }]),
      "roadmap[0].when",
      "is missing",
    ],
    [
      "a highlight with neither text nor quote",
      (d: any) => (d.review.highlights = [{ date: "2025-08-15" }]),
      "review.highlights[0]",
      "expected { text, date? } or { quote, by }",
    ],
    [
      "a quote without its author",
      (d: any) => (d.review.highlights = [{ quote: "Great" }]),
      "review.highlights[0].quote",
      "who said it",
    ],
    [
      "a highlight with text and quote",
      (d: any) => (d.review.highlights = [{ text: "A", quote: "B", by: "C" }]),
      "review.highlights[0].quote",
      "not both",
    ],
    [
      "an unknown highlight key",
      (d: any) => (d.review.highlights = [{ txt: "A" }]),
      "review.highlights[0].txt",
      "unknown key",
    ],
    [
      "an ask without an owner",
      (d: any) => (d.review.asks = [{ title: "Do it" }]),
      "review.asks[0].owner",
      "is missing",
    ],
    [
      "a commitment with an unknown status",
      (d: any) => (d.review.commitments = [{ title: "Do it", owner: "Us", status: "late" }]),
      "review.commitments[0].status",
      '"open"',
    ],
    [
      "a commitment due on no real date",
      (d: any) => (d.review.commitments = [{ title: "Do it", owner: "Us", due: "2025-02-30" }]),
      "review.commitments[0].due",
      "calendar date",
    ],
    ["an empty agenda", (d: any) => (d.review.agenda = []), "review.agenda", "at least one agenda item"],
    [
      "a summary too long to show verbatim",
      (d: any) => (d.review.summary = "x".repeat(601)),
      "review.summary",
      "at most 600 characters",
    ],
  ])("reject %s, located", (_label, mutate, path, message) => {
    const text = yamlWith(mutate);
    const issues = issuesOf(text);
    const issue = issues.find((one) => one.path === path);
    expect(issue, JSON.stringify(issues)).toBeDefined();
    expect(issue!.message).toContain(message);
    expect(issue!.line).toBeGreaterThan(0);
    expect(issue!.column).toBeGreaterThan(0);
  });
});
