import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { formatIssue, InvalidInputError } from "../src/errors.js";
import { accountJsonSchema, type Account } from "../src/input/account-schema.js";
import { loadAccount } from "../src/input/load-account.js";
import { accountToYaml } from "../src/input/spreadsheet/account-yaml.js";
import { readWorkbookAccounts } from "../src/input/spreadsheet/read-workbook.js";
import { writeWorkbook } from "../src/input/spreadsheet/write-workbook.js";
import { workbookGaps } from "../src/input/spreadsheet/workbook-gaps.js";
import { analyse, baseAccountData, makeAccount } from "./helpers/accounts.js";
import { deckFor } from "./helpers/decks.js";

/** contract.outcome (issue 17 §1): in the schema, the workbook, never in a deck. */

const OUTCOME = {
  result: "churned",
  date: "2025-06-30",
  statedReason: "Too expensive for what we use",
  rootCause: "adoption-gap",
};

function withOutcome(outcome: unknown = OUTCOME): Record<string, unknown> {
  const data = baseAccountData();
  return { ...data, contract: { ...(data.contract as object), outcome } };
}

function loadYaml(text: string): Account {
  return loadAccount("acme.yaml", new TextEncoder().encode(text));
}

function issuesOf(text: string): string[] {
  try {
    loadYaml(text);
  } catch (error) {
    if (error instanceof InvalidInputError) return error.issues.map(formatIssue);
    throw error;
  }
  return [];
}

const YAML_HEAD = `schemaVersion: 1
account: { name: Acme, id: AC-1 }
contract:
  arr: 50000
  renewal: 2026-06-30
`;
const YAML_TAIL = `goals:
  - id: g1
    title: Grow
    metric: { name: Things }
    baseline: { date: 2025-01-01, value: 0 }
    target: { date: 2025-12-31, value: 10 }
`;

describe("contract.outcome in the account file", () => {
  it("reads the four results and the root causes; statedReason and rootCause are optional", () => {
    expect(makeAccount(withOutcome()).contract.outcome).toEqual(OUTCOME);
    for (const result of ["renewed", "expanded", "downsized", "churned"]) {
      expect(makeAccount(withOutcome({ result, date: "2025-06-30" })).contract.outcome).toEqual({
        result,
        date: "2025-06-30",
      });
    }
    expect(makeAccount(baseAccountData()).contract.outcome).toBeUndefined();
  });

  it("locates every wrong value at its line and column", () => {
    const issues = issuesOf(
      `${YAML_HEAD}  outcome: { result: lost, date: 2025-02-30, rootCause: price, extra: 1 }\n${YAML_TAIL}`,
    );
    expect(issues).toEqual([
      'acme.yaml:6:22 contract.outcome.result — expected one of "renewed", "expanded", "downsized", "churned", got "lost"',
      'acme.yaml:6:34 contract.outcome.date — expected a real calendar date (YYYY-MM-DD), got "2025-02-30"',
      'acme.yaml:6:57 contract.outcome.rootCause — expected one of "value-gap", "adoption-gap", "external", "unknown", got "price"',
      'acme.yaml:6:64 contract.outcome.extra — unknown key "extra" (expected one of: result, date, statedReason, rootCause)',
    ]);
    expect(issuesOf(`${YAML_HEAD}  outcome: { result: churned }\n${YAML_TAIL}`)).toEqual([
      expect.stringMatching(/^acme\.yaml:6:\d+ contract\.outcome\.date — /),
    ]);
  });

  it("is in qbr schema's JSON Schema", () => {
    const contract = (
      accountJsonSchema().properties as Record<string, { properties: Record<string, unknown> }>
    ).contract!;
    const outcome = contract.properties.outcome as { properties: Record<string, { enum?: string[] }> };
    expect(outcome.properties.result!.enum).toEqual(["renewed", "expanded", "downsized", "churned"]);
    expect(outcome.properties.rootCause!.enum).toEqual(["value-gap", "adoption-gap", "external", "unknown"]);
  });

  it("is written on one line when a workbook account becomes a YAML file", () => {
    const yaml = accountToYaml(makeAccount(withOutcome()));
    expect(yaml).toContain(
      "  outcome: { result: churned, date: 2025-06-30, statedReason: Too expensive for what we use, rootCause: adoption-gap }\n",
    );
    expect(loadYaml(yaml).contract.outcome).toEqual(OUTCOME);
  });
});

describe("contract.outcome in the portfolio workbook", () => {
  it("round-trips through qbr export's workbook, and is no gap of the workbook", async () => {
    const account = makeAccount(withOutcome());
    expect(workbookGaps(account)).toEqual([]);
    const contents = await readWorkbookAccounts("plans.xlsx", await writeWorkbook([account]));
    expect(contents.issues).toEqual([]);
    expect(contents.accounts[0]!.issues).toEqual([]);
    expect(contents.accounts[0]!.account!.contract.outcome).toEqual(OUTCOME);
  });

  it("reports a wrong outcome at its cell", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writeWorkbook([makeAccount(withOutcome())])) as never);
    const sheet = workbook.getWorksheet("Accounts")!;
    const header = sheet.getRow(1).values as unknown[];
    const letter = (key: string) => String.fromCharCode(64 + header.indexOf(key));
    sheet.getCell(`${letter("outcome")}2`).value = "lost";
    sheet.getCell(`${letter("outcomeDate")}2`).value = null;
    const bytes = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    const entry = (await readWorkbookAccounts("plans.xlsx", bytes)).accounts[0]!;
    expect(entry.issues.map(formatIssue)).toEqual([
      `plans.xlsx:Accounts!${letter("outcome")}2 contract.outcome.result — expected one of "renewed", "expanded", "downsized", "churned", got "lost"`,
      `plans.xlsx:Accounts!${letter("outcomeDate")}2 contract.outcome.date — is missing; expected a date (YYYY-MM-DD)`,
    ]);
  });
});

describe("contract.outcome never reaches a deck", () => {
  it("no deck of any kind or audience holds the outcome, its reason or its root cause", () => {
    const account = makeAccount(withOutcome());
    const analysis = analyse(account);
    for (const kind of ["qbr", "renewal", "kickoff", "onepager"] as const) {
      for (const audience of ["internal", "customer"] as const) {
        const text = JSON.stringify(deckFor(analysis, audience, kind));
        expect(text).not.toContain("Too expensive for what we use");
        expect(text).not.toMatch(/churned|adoption-gap/);
      }
    }
  });
});
