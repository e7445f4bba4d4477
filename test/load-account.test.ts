import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { readInputFile } from "../src/io/resources.js";
import { InvalidInputError, type ValidationIssue } from "../src/errors.js";
import { dayNumber, fromDayNumber } from "../src/dates.js";
import { ACCOUNT_LIMITS } from "../src/input/account-schema.js";
import { loadAccount, loadAccountWithWarnings } from "../src/input/load-account.js";
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
    // Was "file is 5.0 MB; expected at most 5 MB", which contradicts itself.
    expect(() => readInputFile(big)).toThrow("file is 5,242,881 bytes; the limit is 5,242,880 bytes (5 MiB)");
    expect(issuesOf(Buffer.alloc(5 * 1024 * 1024 + 1, 0x20))[0]!.message).toBe(
      "file is 5,242,881 bytes; the limit is 5,242,880 bytes (5 MiB)",
    );
    expect(() => readInputFile(path.join(dir, "nope.yaml"))).toThrow(/file not found/);
  });
});

describe("issue 10: wording of file-level problems", () => {
  const utf16 = (text: string, bom: boolean, bigEndian = false): Uint8Array => {
    const little = Buffer.from(text, "utf16le");
    const bytes = bigEndian ? Buffer.from(little).swap16() : little;
    const mark = bigEndian ? [0xfe, 0xff] : [0xff, 0xfe];
    return bom ? Buffer.concat([Buffer.from(mark), bytes]) : bytes;
  };

  it.each([
    ["with a byte-order mark", true, false],
    ["without one", false, false],
    ["big-endian", true, true],
    ["big-endian without a mark", false, true],
  ])("calls a UTF-16 file (%s) UTF-16 and asks for UTF-8, not binary", (_label, bom, bigEndian) => {
    const [issue] = issuesOf(
      utf16(
        yamlWith(() => {}),
        bom,
        bigEndian,
      ),
    );
    expect(issue!.message).toBe("file is UTF-16 text; an account file must be UTF-8 (save it as UTF-8)");
  });

  it("still calls a file with NUL bytes in no pattern binary", () => {
    expect(issuesOf(new Uint8Array([0x61, 0x3a, 0, 0x20, 0x62, 0x63, 0x64, 0, 0]))[0]!.message).toContain(
      "binary",
    );
  });

  it("says a file of two YAML documents holds more than one, without the parser's advice to programmers", () => {
    const [issue] = issuesOf(`${yamlWith(() => {})}---\nschemaVersion: 1\n`);
    expect(issue!.message).toBe(
      "the file holds more than one YAML document (a second `---`); an account file is one document",
    );
    expect(issue!.message).not.toContain("parseAllDocuments");
  });

  it("names JSON, not YAML, for a duplicate key in a .json file", () => {
    const [issue] = issuesOf('{"schemaVersion": 1, "schemaVersion": 1}', "a.json");
    expect(issue!.message).toBe('invalid JSON: duplicate key "schemaVersion"');
  });
});

describe("keys with control characters", () => {
  it("are quoted with escapes in messages, so an unknown key cannot drive the terminal", () => {
    const [issue] = issuesOf(yamlWith((d) => (d.account["na\u001b[2Jme"] = "x")));
    expect(issue!.message).toMatch(/^unknown key "na\\u001b\[2Jme" /);
    expect(issue!.message).not.toContain("\u001b");
    expect(issue!.path).toBe("account.na\\u001b[2Jme");
  });
});

describe("issue 10: YAML tags", () => {
  const withValue = (field: string) =>
    yamlWith((d) => (d.contract.arr = "@@"))
      .replace("'@@'", field)
      .replace('"@@"', field);

  it.each([
    ["!!float 100000", 100000],
    ["!!float 1.5e5", 150000],
    ["!!int 100000", 100000],
    ["!!int 0x186A0", 100000],
  ])("gives the core schema's tags their meaning: %s", (written, arr) => {
    expect(loadAccount("acct.yaml", Buffer.from(withValue(written))).contract.arr).toBe(arr);
  });

  it("reads !!str, !!bool, !!null, !!map and !!seq as the core schema says", () => {
    const text = yamlWith(() => {})
      .replace("name: Test Co", "name: !!str 12345")
      .replace("goals:", "goals: !!seq")
      .replace("review:", "review: !!map");
    const account = loadAccount("acct.yaml", Buffer.from(`${text}signals: !!map { nps: !!float 9 }\n`));
    expect(account.account.name).toBe("12345");
    expect(account.signals.nps).toBe(9);
    const done = yamlWith((d) => (d.goals[0].tasks = [{ title: "x", done: "@@" }]));
    expect(
      loadAccount("acct.yaml", Buffer.from(done.replace(/'@@'|"@@"/, "!!bool true"))).goals[0]!.tasks[0]!
        .done,
    ).toBe(true);
    const nothing = yamlWith((d) => (d.internalNotes = "@@")).replace(/'@@'|"@@"/, "!!null ~");
    expect(issuesOf(nothing)[0]).toMatchObject({
      path: "internalNotes",
      message: "expected a text, got nothing (null)",
    });
  });

  it.each([
    "!!js/function 'return 1'",
    "!foo 5",
    "!!binary aGVsbG8=",
    "!!timestamp 2025-01-01",
    "!!set { a }",
    "!<tag:example.com,2000:x> 5",
  ])("refuses any other tag with its location: %s", (written) => {
    const text = withValue(written);
    const issues = issuesOf(text);
    expect(issues).toHaveLength(1);
    const line = text.split("\n").findIndex((l) => l.includes(written)) + 1;
    expect(issues[0]!.line).toBe(line);
    expect(issues[0]!.message).toMatch(/^YAML tag \S+ is not accepted; an account file holds plain values/);
  });

  it("refuses a core tag whose text does not fit it", () => {
    expect(issuesOf(withValue("!!float lots"))[0]!.message).toBe(
      'YAML tag !!float expects a number, got "lots"',
    );
    expect(issuesOf(withValue("!!int 1.5"))[0]!.message).toBe(
      'YAML tag !!int expects a whole number, got "1.5"',
    );
    expect(issuesOf(withValue("!!map [1]"))[0]!.message).toBe("YAML tag !!map expects a mapping, got a list");
  });
});

describe("issue 10: actuals that would give wrong figures", () => {
  it("refuses an actual dated before its goal's baseline date, at its location", () => {
    const text = yamlWith(
      (d) =>
        (d.goals[0].actuals = [
          { date: "2024-12-31", value: 80 },
          { date: "2025-09-15", value: 75 },
        ]),
    );
    const issues = issuesOf(text);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ path: "goals[0].actuals[0].date" });
    expect(issues[0]!.line).toBe(text.split("\n").findIndex((l) => l.includes("2024-12-31")) + 1);
    expect(issues[0]!.message).toMatch(/^expected a date on or after the baseline date 2025-01-01/);
  });

  it("accepts an actual on the baseline date", () => {
    const text = yamlWith((d) => d.goals[0].actuals.unshift({ date: "2025-01-01", value: 0 }));
    expect(loadAccount("acct.yaml", Buffer.from(text)).goals[0]!.actuals).toHaveLength(2);
  });

  it("refuses two actuals on the same date, naming the first", () => {
    const issues = issuesOf(yamlWith((d) => d.goals[0].actuals.push({ date: "2025-09-15", value: 20 })));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      path: "goals[0].actuals[1].date",
      message: "expected one actual per date; 2025-09-15 is already measured by actuals[0]",
    });
  });
});

describe("issue 10: limits", () => {
  it.each([
    [
      "goals",
      ACCOUNT_LIMITS.goals,
      (d: Record<string, any>, n: number) => {
        d.goals = Array.from({ length: n }, (_, i) => ({ ...d.goals[0], id: `g${i}` }));
      },
      "goals",
      "goals",
    ],
    [
      "plan points",
      ACCOUNT_LIMITS.planPointsPerGoal,
      (d: Record<string, any>, n: number) => {
        d.goals[0].target.date = "2030-12-31";
        d.goals[0].plan = Array.from({ length: n }, (_, i) => ({
          date: fromDayNumber(dayNumber("2025-01-02") + i),
          value: 1,
        }));
      },
      "goals[0].plan",
      "plan points per goal",
    ],
    [
      "actuals",
      ACCOUNT_LIMITS.actualsPerGoal,
      (d: Record<string, any>, n: number) => {
        d.goals[0].actuals = Array.from({ length: n }, (_, i) => ({
          date: fromDayNumber(dayNumber("2025-01-02") + i),
          value: 1,
        }));
      },
      "goals[0].actuals",
      "actuals per goal",
    ],
    [
      "tasks",
      ACCOUNT_LIMITS.tasksPerGoal,
      (d: Record<string, any>, n: number) => {
        d.goals[0].tasks = Array.from({ length: n }, (_, i) => ({ title: `task ${i}` }));
      },
      "goals[0].tasks",
      "tasks per goal",
    ],
    [
      "stakeholders",
      ACCOUNT_LIMITS.stakeholders,
      (d: Record<string, any>, n: number) => {
        d.stakeholders = Array.from({ length: n }, (_, i) => ({ name: `p${i}`, role: "user" }));
      },
      "stakeholders",
      "stakeholders",
    ],
    [
      "stated reasons",
      ACCOUNT_LIMITS.statedReasons,
      (d: Record<string, any>, n: number) => {
        d.statedReasons = Array.from({ length: n }, (_, i) => `reason ${i}`);
      },
      "statedReasons",
      "stated reasons",
    ],
    [
      "external risks",
      ACCOUNT_LIMITS.externalRisks,
      (d: Record<string, any>, n: number) => {
        d.externalRisks = Array.from({ length: n }, (_, i) => `risk ${i}`);
      },
      "externalRisks",
      "external risks",
    ],
  ])(
    "accepts %s up to the limit (%i) and refuses one more at the list's location",
    (_label, limit, fill, at, what) => {
      expect(() => loadAccount("acct.yaml", Buffer.from(yamlWith((d) => fill(d, limit))))).not.toThrow();
      const issues = issuesOf(yamlWith((d) => fill(d, limit + 1)));
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatchObject({ path: at });
      expect(issues[0]!.line).toBeGreaterThan(0);
      expect(issues[0]!.message).toBe(
        `expected at most ${limit} ${what}, got ${limit + 1} (qbr-deck's limit; see "Limits" in the README)`,
      );
    },
  );

  it("refuses an account of 10,000 goals with one located error, quickly enough for a test", () => {
    const issues = issuesOf(
      JSON.stringify({
        ...baseAccountData(),
        goals: Array.from({ length: 10_000 }, (_, i) => ({
          ...(baseAccountData().goals as object[])[0],
          id: `g${i}`,
        })),
      }),
      "many.json",
    );
    expect(issues.map((issue) => issue.path)).toEqual(["goals"]);
    expect(issues[0]!.message).toContain("got 10,000");
  });

  it.each([
    [
      "account.name",
      ACCOUNT_LIMITS.nameChars,
      (d: Record<string, any>, text: string) => (d.account.name = text),
    ],
    [
      "goals[0].title",
      ACCOUNT_LIMITS.titleChars,
      (d: Record<string, any>, text: string) => (d.goals[0].title = text),
    ],
    [
      "goals[0].why",
      ACCOUNT_LIMITS.paragraphChars,
      (d: Record<string, any>, text: string) => (d.goals[0].why = text),
    ],
    [
      "internalNotes",
      ACCOUNT_LIMITS.internalNotesChars,
      (d: Record<string, any>, text: string) => (d.internalNotes = text),
    ],
  ])("limits the length of %s to %i characters", (at, limit, set) => {
    expect(() =>
      loadAccount("acct.yaml", Buffer.from(yamlWith((d) => set(d, "x".repeat(limit))))),
    ).not.toThrow();
    const [issue] = issuesOf(yamlWith((d) => set(d, "x".repeat(limit + 1))));
    expect(issue).toMatchObject({ path: at });
    expect(issue!.message).toBe(
      `expected at most ${limit.toLocaleString("en-US")} characters, got ${(limit + 1).toLocaleString("en-US")} (qbr-deck's limit; see "Limits" in the README)`,
    );
  });
});

describe("issue 10: loader warnings", () => {
  const load = (text: string, options = {}) =>
    loadAccountWithWarnings("acct.yaml", Buffer.from(text), options);

  it("has none for a clean account", () => {
    expect(
      load(
        yamlWith(() => {}),
        { today: "2025-10-01" },
      ).warnings,
    ).toEqual([]);
  });

  it("cleans control characters and names each field with its location", () => {
    const text = [
      "schemaVersion: 1",
      'account: { name: "Test Co", csm: "Dana\\aBell" }',
      "contract: { arr: 100000, renewal: 2026-12-31 }",
      "goals:",
      "  - id: g1",
      '    title: "Grow\\vthe thing"',
      "    metric: { name: Things }",
      "    baseline: { date: 2025-01-01, value: 0 }",
      "    target: { date: 2025-12-31, value: 100 }",
      "",
    ].join("\n");
    const { account, warnings } = load(text);
    expect(account.account.csm).toBe("DanaBell");
    expect(account.goals[0]!.title).toBe("Grow\nthe thing");
    expect(warnings).toEqual([
      {
        file: "acct.yaml",
        line: 2,
        column: 34,
        path: "account.csm",
        message: "control character U+0007 removed",
      },
      {
        file: "acct.yaml",
        line: 6,
        column: 12,
        path: "goals[0].title",
        message: "control character U+000B replaced by a line break",
      },
    ]);
    expect(loadAccount("acct.yaml", Buffer.from(text)).account.csm).toBe("DanaBell");
  });

  it("refuses a text that was only control characters as empty", () => {
    const [issue] = issuesOf(yamlWith((d) => (d.account.csm = "\u0007\u0001")));
    expect(issue).toMatchObject({ path: "account.csm", message: "expected a non-empty text" });
  });

  it("warns about a renewal date before the as-of date (--as-of, else review.asOf, else today)", () => {
    const text = yamlWith((d) => {
      d.contract.renewal = "2025-06-30";
      delete d.review;
    });
    expect(load(text).warnings).toEqual([]);
    expect(load(text, { today: "2025-06-30" }).warnings).toEqual([]);
    const [warning] = load(text, { today: "2025-07-01" }).warnings;
    expect(warning).toMatchObject({
      path: "contract.renewal",
      line: text.split("\n").findIndex((l) => l.includes("2025-06-30")) + 1,
      message: "renewal date 2025-06-30 passed (as of 2025-07-01); update contract.renewal",
    });
    const reviewed = yamlWith((d) => (d.contract.renewal = "2025-06-30"));
    expect(load(reviewed, { today: "2024-01-01" }).warnings[0]!.message).toContain("(as of 2025-09-30)");
    expect(load(reviewed, { asOf: "2025-06-01", today: "2026-01-01" }).warnings).toEqual([]);
  });
});
