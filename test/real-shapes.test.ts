import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { formatIssue, InvalidInputError, type ValidationIssue } from "../src/errors.js";
import { STARTER_ACCOUNT } from "../src/input/account-warnings.js";
import { canonicalRole, type Account } from "../src/input/account-schema.js";
import { loadAccountWithWarnings, type LoadAccountOptions } from "../src/input/load-account.js";
import { readWorkbookAccounts } from "../src/input/spreadsheet/read-workbook.js";
import { writeWorkbook } from "../src/input/spreadsheet/write-workbook.js";
import { accountToYaml } from "../src/input/spreadsheet/account-yaml.js";
import { DEFAULT_TEMPLATES_DIR } from "../src/io/resources.js";
import ExcelJS from "exceljs";
import { analyse, baseAccountData, makeAccount, withThresholds } from "./helpers/accounts.js";
import { deckFor, deckText } from "./helpers/decks.js";
import { qbr } from "./helpers/cli.js";

/** Issue 13 part 3: the shapes real exports have (NPS scores, health labels, any-case currencies, role aliases) and the warnings. */

type Data = Record<string, any>;
const withData = (mutate: (data: Data) => void): string => {
  const data = structuredClone(baseAccountData()) as Data;
  mutate(data);
  return stringify(data);
};
const load = (text: string, options: LoadAccountOptions = {}) =>
  loadAccountWithWarnings("acct.yaml", Buffer.from(text), options);
function problems(text: string): string[] {
  try {
    load(text);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    return (error as InvalidInputError).issues.map((issue) => `${issue.path} — ${issue.message}`);
  }
  throw new Error("expected the file to be invalid");
}
const messages = (warnings: ValidationIssue[]) => warnings.map(formatIssue);

describe("signals.nps: a 0–10 rating or an NPS score", () => {
  it("accepts { score } from -100 to 100 and says what was expected otherwise", () => {
    expect(load(withData((d) => (d.signals = { nps: { score: -12.5 } }))).account.signals.nps).toEqual({
      score: -12.5,
    });
    expect(problems(withData((d) => (d.signals = { nps: { score: 150 } })))).toEqual([
      "signals.nps.score — expected an NPS score from -100 to 100",
    ]);
    expect(problems(withData((d) => (d.signals = { nps: 11 })))).toEqual([
      "signals.nps — expected a rating from 0 to 10",
    ]);
    expect(problems(withData((d) => (d.signals = { nps: "high" })))).toEqual([
      "signals.nps — expected a 0–10 rating or { score: -100 to 100 } (an NPS score)",
    ]);
  });
});

describe("signals.healthScore: a score or a label", () => {
  it("accepts green, yellow and red", () => {
    for (const label of ["green", "yellow", "red"]) {
      expect(load(withData((d) => (d.signals = { healthScore: label }))).account.signals.healthScore).toBe(
        label,
      );
    }
    expect(problems(withData((d) => (d.signals = { healthScore: "blue" })))).toEqual([
      'signals.healthScore — expected { value, max } or one of "green", "yellow", "red"',
    ]);
  });
});

describe("the watermelon rule reads the new shapes", () => {
  const behind = (signals: Data) =>
    makeAccount({
      ...baseAccountData(),
      goals: [{ ...(baseAccountData().goals as Data[])[0], actuals: [{ date: "2025-09-15", value: 30 }] }],
      signals,
    });
  const fires = (account: Account, thresholds = withThresholds({})) =>
    analyse(account, undefined, thresholds).findings.some((finding) => finding.rule === "watermelon");
  it("an NPS score of 50 or more and a green label are green; the score threshold is a --rules setting", () => {
    expect(fires(behind({ nps: { score: 50 } }))).toBe(true);
    expect(fires(behind({ nps: { score: 49 } }))).toBe(false);
    expect(fires(behind({ healthScore: "green" }))).toBe(true);
    expect(fires(behind({ healthScore: "yellow" }))).toBe(false);
    const lower = withThresholds({ rules: { watermelon: { npsScoreGreenAtLeast: 30 } } });
    expect(fires(behind({ nps: { score: 45 } }), lower)).toBe(true);
  });
  it("the internal deck shows them as given", () => {
    const analysis = analyse(behind({ nps: { score: 62 }, healthScore: "green" }));
    const text = deckText(deckFor(analysis, "internal", "qbr"));
    expect(text).toContain("NPS score 62");
    expect(text).toContain("Health score green");
  });
});

describe("currency codes and role names as exports write them", () => {
  it("normalises a currency code in any case", () => {
    expect(load(withData((d) => (d.contract.currency = " usd"))).account.contract.currency).toBe("USD");
    expect(load(withData((d) => (d.contract.currency = "Eur"))).account.contract.currency).toBe("EUR");
    expect(problems(withData((d) => (d.contract.currency = "usx")))).toEqual([
      "contract.currency — expected an ISO 4217 currency code such as USD, EUR, GBP",
    ]);
  });

  it("reads common role aliases as the role they mean, with a warning; refuses the rest", () => {
    expect(canonicalRole("Exec Sponsor")).toBe("executive-sponsor");
    expect(canonicalRole("economic_buyer")).toBe("economic-buyer");
    expect(canonicalRole("Executive Sponsor")).toBe("executive-sponsor");
    expect(canonicalRole("boss")).toBeUndefined();
    expect(canonicalRole("constructor")).toBeUndefined();
    const text = withData((d) => {
      d.stakeholders = [
        { name: "A", role: "sponsor" },
        { name: "B", role: "champion" },
        { name: "C", role: "Economic Buyer" },
      ];
    });
    const { account, warnings } = load(text);
    expect(account.stakeholders.map((person) => person.role)).toEqual([
      "executive-sponsor",
      "champion",
      "economic-buyer",
    ]);
    expect(warnings.map((warning) => `${warning.path} — ${warning.message}`)).toEqual([
      'stakeholders[0].role — role "sponsor" read as executive-sponsor',
      'stakeholders[2].role — role "Economic Buyer" read as economic-buyer',
    ]);
    expect(problems(withData((d) => (d.stakeholders = [{ name: "A", role: "boss" }])))).toEqual([
      'stakeholders[0].role — expected one of "executive-sponsor", "economic-buyer", "champion", "admin", "user", got "boss"',
    ]);
  });
});

describe("warnings: exit 0, located", () => {
  it("an actual dated after the as-of date: one warning per goal, left out of the figures", () => {
    const text = withData((d) => {
      d.goals[0].actuals = [
        { date: "2025-06-30", value: 40 },
        { date: "2025-10-31", value: 80 },
        { date: "2025-11-30", value: 90 },
      ];
    });
    const { warnings } = load(text);
    const line = text.split("\n").findIndex((l) => l.includes("2025-10-31")) + 1;
    expect(warnings).toEqual([
      expect.objectContaining({
        line,
        path: "goals[0].actuals[1].date",
        message: "2 actuals of g1 are dated after the as-of date 2025-09-30; left out of the figures",
      }),
    ]);
    expect(load(text, { asOf: "2025-11-01" }).warnings.map((w) => w.message)).toEqual([
      "measured 2025-11-30, after the as-of date 2025-11-01; left out of the figures",
    ]);
    expect(load(text, { asOf: "2025-12-01" }).warnings).toEqual([]);
  });

  it("the starter file of qbr init, while its example is not replaced", () => {
    const starter = readFileSync(path.join(DEFAULT_TEMPLATES_DIR, "starter-account.yaml"));
    const { account, warnings } = loadAccountWithWarnings("account.yaml", starter);
    expect(account.account).toMatchObject(STARTER_ACCOUNT);
    expect(messages(warnings)).toContain(
      "account.yaml:11:9 account.name — Example Customer Inc. is the example of qbr init's starter file; replace it with your customer's data",
    );
    const edited = Buffer.from(starter.toString("utf8").replace("Example Customer Inc.", "Acme GmbH"));
    expect(loadAccountWithWarnings("account.yaml", edited).warnings).toEqual([]);
  });
});

describe("the workbook's columns for the new shapes", () => {
  it("healthLabel and npsScore round-trip; both shapes of one field in a row are refused at the cell", async () => {
    const account = makeAccount({
      ...baseAccountData(),
      signals: { healthScore: "yellow", nps: { score: 35 } },
    });
    const bytes = await writeWorkbook([account]);
    const contents = await readWorkbookAccounts("plans.xlsx", bytes);
    expect(contents.accounts[0]!.issues).toEqual([]);
    expect(contents.accounts[0]!.account).toEqual(account);
    expect(accountToYaml(account)).toContain("nps: { score: 35 }");

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as never);
    const sheet = workbook.getWorksheet("Accounts")!;
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    sheet.getRow(2).getCell(header.indexOf("nps")).value = 9;
    const both = await readWorkbookAccounts(
      "plans.xlsx",
      new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer),
    );
    expect(both.accounts[0]!.issues.map(formatIssue)).toEqual([
      expect.stringMatching(
        /^plans\.xlsx:Accounts!\w+2 signals\.nps\.score — nps is filled too; expected one of nps and npsScore$/,
      ),
    ]);
  });

  it("qbr schema describes both shapes", () => {
    const schema = JSON.parse(qbr(["schema"]).stdout);
    const signals = schema.properties.signals.properties;
    expect(JSON.stringify(signals.nps)).toContain('"score"');
    expect(JSON.stringify(signals.healthScore)).toContain('"green"');
  });
});
