import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { readInputFile } from "../src/batch/resources.js";
import { InvalidInputError, type ValidationIssue } from "../src/errors.js";
import { loadAccount } from "../src/input/load-account.js";
import { baseAccountData, loadSample } from "./helpers/accounts.js";

function issuesOf(text: string | Uint8Array, file = "acct.yaml"): ValidationIssue[] {
  try {
    loadAccount(file, typeof text === "string" ? Buffer.from(text) : text);
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

describe("valid files", () => {
  it("loads every sample", () => {
    for (const sample of [
      "northwind-logistics.yaml",
      "alpine-health-clinics.yaml",
      "kestrel-analytik.yaml",
      "maple-and-finch.yaml",
    ]) {
      expect(loadSample(sample).goals.length).toBeGreaterThan(0);
    }
  });
  it("fills defaults: currency USD, stakeholder status active, done false", () => {
    const account = loadAccount(
      "a.yaml",
      Buffer.from(
        yamlWith((d) => {
          delete d.contract.currency;
          d.goals[0].tasks = [{ title: "x" }];
        }),
      ),
    );
    expect(account.contract.currency).toBe("USD");
    expect(account.stakeholders[0]!.status).toBe("active");
    expect(account.goals[0]!.tasks[0]!.done).toBe(false);
  });
  it("reads JSON files", () => {
    const account = loadAccount("a.json", Buffer.from(JSON.stringify(baseAccountData())));
    expect(account.account.name).toBe("Test Co");
  });
});

describe("located validation errors", () => {
  it("names line, column, path and what was expected for a wrong type", () => {
    const text = yamlWith((d) => (d.goals[0].target.value = "ten"));
    const [issue] = issuesOf(text);
    const line = text.split("\n").findIndex((l) => l.includes("value: ten")) + 1;
    expect(issue).toMatchObject({ file: "acct.yaml", line, path: "goals[0].target.value" });
    expect(issue!.message).toBe('expected a number, got "ten"');
  });

  it("reports every problem at once", () => {
    const issues = issuesOf(
      yamlWith((d) => {
        d.contract.arr = 0;
        d.schemaVersion = 2;
        d.account.nmae = "typo";
      }),
    );
    expect(issues.map((issue) => issue.path).sort()).toEqual([
      "account.nmae",
      "contract.arr",
      "schemaVersion",
    ]);
    expect(issues.find((issue) => issue.path === "account.nmae")!.message).toContain('did you mean "name"');
    expect(issues.find((issue) => issue.path === "schemaVersion")!.message).toBe("expected 1, got 2");
    expect(issues.find((issue) => issue.path === "contract.arr")!.message).toBe(
      "expected an ARR greater than 0",
    );
  });

  it.each([
    [
      "an impossible date",
      (d: any) => (d.contract.renewal = "2025-13-45"),
      "contract.renewal",
      "real calendar date",
    ],
    [
      "a date in another format",
      (d: any) => (d.contract.renewal = "31/12/2025"),
      "contract.renewal",
      "YYYY-MM-DD",
    ],
    [
      "February 30",
      (d: any) => (d.goals[0].baseline.date = "2025-02-30"),
      "goals[0].baseline.date",
      "calendar",
    ],
    [
      "baseline equal to target",
      (d: any) => (d.goals[0].target.value = 0),
      "goals[0].target.value",
      "different from the baseline",
    ],
    [
      "a plan date outside the window",
      (d: any) => (d.goals[0].plan = [{ date: "2025-12-31", value: 50 }]),
      "goals[0].plan[0].date",
      "strictly between",
    ],
    [
      "a contradicting direction",
      (d: any) => (d.goals[0].direction = "decrease"),
      "goals[0].direction",
      '"increase"',
    ],
    ["a negative ARR", (d: any) => (d.contract.arr = -5), "contract.arr", "greater than 0"],
    ["an unknown currency", (d: any) => (d.contract.currency = "XYZ"), "contract.currency", "ISO 4217"],
    ["a bad goal id", (d: any) => (d.goals[0].id = "Goal One"), "goals[0].id", "lower-case"],
    ["no goals", (d: any) => (d.goals = []), "goals", "at least one goal"],
    ["a missing account name", (d: any) => delete d.account.name, "account.name", "is missing"],
    [
      "an unknown role",
      (d: any) => (d.stakeholders[0].role = "boss"),
      "stakeholders[0].role",
      'one of "executive-sponsor"',
    ],
    ["an NPS out of range", (d: any) => (d.signals = { nps: 11 }), "signals.nps", "0 to 10"],
  ])("rejects %s", (_label, mutate, path, message) => {
    const issues = issuesOf(yamlWith(mutate));
    expect(issues.map((issue) => issue.path)).toContain(path);
    expect(issues.find((issue) => issue.path === path)!.message).toContain(message);
    expect(issues.every((issue) => issue.line > 0)).toBe(true);
  });

  it("rejects a duplicate goal id at the second goal", () => {
    const issues = issuesOf(yamlWith((d) => d.goals.push({ ...d.goals[0], title: "again" })));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ path: "goals[1].id" });
    expect(issues[0]!.message).toContain("already used by goals[0]");
  });
});

describe("files that are not accounts (issue 10 item 5: they were quoted in errors)", () => {
  const SECRET = "root:x:0:0:s3cr3t-token:/root:/bin/bash";
  const quoted = (issues: ValidationIssue[]) =>
    issues.some((issue) => /s3cr3t|root:x|db_password|hunter2/.test(issue.message + issue.path));
  it.each([
    ["/etc/passwd-like text", `${SECRET}\ndaemon:x:1:1::/usr/sbin:/usr/sbin/nologin\n`, "acct.yaml"],
    ["a config mapping", "db_password: hunter2\nhost: db.internal\n", "config.yaml"],
    ["a config that does not parse", "db_password: hunter2\n  bad: [indent\n", "config.yaml"],
    ["a JSON file of other data", `{"db_password": "hunter2", "list": [1, 2]}`, "data.json"],
    ["broken JSON of other data", `{"db_password": "hunter2",, }`, "data.json"],
  ])("%s is refused in one line that quotes nothing of it", (_label, text, file) => {
    const issues = issuesOf(text, file);
    expect(issues).toHaveLength(1);
    expect(quoted(issues)).toBe(false);
  });
  it("a JSON Schema is named as such", () => {
    const schema = JSON.stringify({
      $schema: "https://json-schema.org/draft/2020-12/schema",
      type: "object",
    });
    expect(issuesOf(schema, "x.json")[0]!.message).toMatch(/JSON Schema, not an account/);
  });
  it("a plausible account still gets every located problem, its excerpts short and escaped", () => {
    const issues = issuesOf(
      yamlWith((d) => {
        d.account.csm = ["not", "text"];
        d.contract.arr = "lots\u001b[2J\u202eof money and a very long value beyond forty characters";
        d.account["evil\u001b]0;title\u0007key"] = 1;
      }),
    );
    expect(issues.length).toBeGreaterThanOrEqual(3);
    const text = issues.map((issue) => `${issue.path} ${issue.message}`).join(" | ");
    // eslint-disable-next-line no-control-regex -- no control character may reach the message
    expect(text).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(text).toContain("\\u001b");
    expect(text).not.toContain("forty characters");
  });
  it("a plausible account that does not parse keeps its located syntax errors", () => {
    const [issue] = issuesOf("schemaVersion: 1\naccount:\n  name: [unclosed\n");
    expect(issue!.line).toBeGreaterThan(0);
  });
});

describe("broken and hostile files", () => {
  it("reports YAML syntax errors with their line", () => {
    const [issue] = issuesOf("schemaVersion: 1\naccount:\n  name: [unclosed\n  id: x\n");
    expect(issue!.message).toMatch(/^invalid YAML/);
    expect(issue!.line).toBeGreaterThanOrEqual(3);
  });
  it("reports invalid JSON with a position", () => {
    const [issue] = issuesOf('{\n  "schemaVersion": 1,\n  "account": }\n', "a.json");
    expect(issue!.message).toMatch(/^invalid JSON/);
    expect(issue!.line).toBe(3);
  });
  it.each([
    ["an empty file", "", "file is empty"],
    ["a whitespace file", "  \n\n", "file is empty"],
    ["a list", "- a\n- b\n", "expected a mapping (key: value pairs) at the top of the file, got a list"],
    ["a scalar", "hello\n", "at the top of the file, got a text"],
  ])("rejects %s", (_label, text, message) => {
    expect(issuesOf(text)[0]!.message).toContain(message);
  });
  it.each([
    "~\n",
    "null\n",
    "5\n",
    "schemaVersion: 1\ngoals: [null, 3, { baseline: null, target: 5 }]\ncontract: null\n",
  ])("reports null and odd shapes as located errors, never a crash (%j)", (text) => {
    expect(issuesOf(text).length).toBeGreaterThan(0);
  });
  it("rejects binary junk and non-UTF-8 text", () => {
    expect(issuesOf(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]))[0]!.message).toContain("binary");
    expect(issuesOf(new Uint8Array([0x61, 0x3a, 0x20, 0xff, 0xfe]))[0]!.message).toContain("UTF-8");
  });
  it("refuses a YAML alias bomb", () => {
    const bomb = [
      "a: &a [x, x, x, x, x, x, x, x, x]",
      "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]",
      "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]",
      "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]",
      "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]",
      "f: [*e, *e, *e, *e, *e, *e, *e, *e, *e]",
    ].join("\n");
    expect(issuesOf(bomb)[0]!.message).toContain("alias bomb");
  });
  it("rejects __proto__ and constructor keys as unknown, without polluting objects", () => {
    const issues = issuesOf(
      yamlWith((d) => (d.account = { ...d.account })) + "__proto__: { polluted: true }\nconstructor: x\n",
    );
    expect(issues.map((issue) => issue.path)).toEqual(expect.arrayContaining(["__proto__", "constructor"]));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const json = JSON.stringify({ ...baseAccountData(), account: { name: "x" } }).replace(
      '"name":"x"',
      '"name":"x","__proto__":{"polluted":1}',
    );
    expect(issuesOf(json, "a.json").map((issue) => issue.path)).toContain("account.__proto__");
  });
  it("rejects duplicate YAML keys", () => {
    expect(issuesOf("schemaVersion: 1\nschemaVersion: 1\n")[0]!.message).toBe(
      `invalid YAML: duplicate key "schemaVersion"`,
    );
  });
  it("rejects runaway nesting without crashing", () => {
    const deep = "a: " + "[".repeat(20000) + "]".repeat(20000);
    expect(issuesOf(deep).length).toBeGreaterThan(0);
  });
  it("refuses files above 5 MB before reading them, and missing files", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "qbr-big-"));
    const big = path.join(dir, "big.yaml");
    writeFileSync(big, Buffer.alloc(5 * 1024 * 1024 + 1, 0x20));
    expect(() => readInputFile(big)).toThrow(/at most 5 MB/);
    expect(() => readInputFile(path.join(dir, "nope.yaml"))).toThrow(/file not found/);
  });
});
