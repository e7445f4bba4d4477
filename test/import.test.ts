import { copyFileSync, cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { importMeasurements, type ImportSettings } from "../src/batch/import-measurements.js";
import { formatIssue } from "../src/errors.js";
import { loadAccount } from "../src/input/load-account.js";
import { editYamlActuals } from "../src/input/merge/edit-yaml.js";
import { ROOT, SAMPLES_DIR } from "./helpers/accounts.js";
import { sha256File, tempDir } from "./helpers/batch.js";
import { qbr } from "./helpers/cli.js";

const FIXTURE = path.join(ROOT, "test/fixtures/import/commented-account.yaml");

function accountsDir(): string {
  const dir = path.join(tempDir("qbr-import-"), "accounts");
  mkdirSync(path.join(dir, "nested"), { recursive: true });
  for (const name of readdirSync(SAMPLES_DIR).filter((file) => file.endsWith(".yaml"))) {
    copyFileSync(path.join(SAMPLES_DIR, name), path.join(dir, name));
  }
  cpSync(path.join(SAMPLES_DIR, "logos"), path.join(dir, "logos"), { recursive: true });
  // Found recursively, like `qbr generate` finds accounts.
  copyFileSync(FIXTURE, path.join(dir, "nested/commented.yaml"));
  return dir;
}

function csv(dir: string, text: string, name = "measurements.csv"): string {
  const file = path.join(path.dirname(dir), name);
  writeFileSync(file, text);
  return file;
}

const settings = (into: string, extra: Partial<ImportSettings> = {}): ImportSettings => ({
  into,
  dateFormat: "YYYY-MM-DD",
  replace: false,
  dryRun: false,
  ...extra,
});

function hashes(dir: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const file = path.join(entry.parentPath, entry.name);
      result[file] = sha256File(file);
    }
  }
  return result;
}

/** Lines of `after` not in `before`, checking that removing them gives `before` back exactly. */
function addedLines(before: string, after: string): string[] {
  const old = before.split("\n");
  const added: string[] = [];
  let index = 0;
  for (const line of after.split("\n")) {
    if (index < old.length && line === old[index]) index++;
    else added.push(line);
  }
  expect(index).toBe(old.length);
  return added;
}

describe("qbr import into YAML files", () => {
  it("adds actuals in date order, in each file's own style, keeping every other byte and comment", async () => {
    const dir = accountsDir();
    const target = path.join(dir, "nested/commented.yaml");
    const before = readFileSync(target, "utf8");
    const file = csv(
      dir,
      [
        "account,goal,date,value,note",
        "CC-1,tickets,2025-06-30,330,mid-year count",
        "CC-1,tickets,2025-10-31,200,",
        "CC-1,tickets,2025-01-31,480,",
        "CC-1,adoption,2025-09-30,40,",
        "CC-1,revenue,2025-06-30,250,",
        "CC-1,nps-driven,2025-09-30,12,",
      ].join("\n"),
    );
    const result = await importMeasurements(file, settings(dir));
    expect(result.issues).toEqual([]);
    expect(result.written).toEqual([target]);
    const after = readFileSync(target, "utf8");
    const oldFlow = "        actuals: [{date: 2025-04-30, value: 100}, {date: 2025-08-31, value: 400}]";
    const newFlow =
      "        actuals: [{date: 2025-04-30, value: 100}, {date: 2025-06-30, value: 250}, {date: 2025-08-31, value: 400}]";
    expect(after).toContain(`\n${newFlow}\n`);
    expect(addedLines(before, after.replace(newFlow, oldFlow))).toEqual([
      "            - {date: 2025-01-31, value: 480}",
      "            - {date: 2025-06-30, value: 330}  # mid-year count",
      "            - {date: 2025-10-31, value: 200}",
      "        actuals:",
      "            - {date: 2025-09-30, value: 40}",
      "            -   date: 2025-09-30",
      "                value: 12",
    ]);
    expect(after.match(/#.*$/gm)!.length).toBe(before.match(/#.*$/gm)!.length + 1);
    const account = loadAccount(target, readFileSync(target));
    expect(account.goals.map((goal) => goal.actuals.map((actual) => actual.date))).toEqual([
      ["2025-01-31", "2025-03-31", "2025-06-30", "2025-09-30", "2025-10-31"],
      ["2025-09-30"],
      ["2025-04-30", "2025-06-30", "2025-08-31"],
      ["2025-05-31", "2025-09-30"],
    ]);
  });

  it("keeps every comment of the commented sample (diff: only the new lines)", () => {
    const before = readFileSync(FIXTURE, "utf8");
    const after = editYamlActuals(before, [
      { kind: "add", goalIndex: 0, date: "2025-04-30", value: 400 },
      { kind: "replace", goalIndex: 0, actualIndex: 1, value: 250 },
    ]);
    const comments = (text: string) => text.split("\n").filter((line) => line.includes("#"));
    expect(comments(after)).toEqual(comments(before));
    expect(addedLines(before, after.replace("value: 250}", "value: 260}"))).toEqual([
      "            - {date: 2025-04-30, value: 400}",
    ]);
  });

  it("edits a goal written as one flow mapping through the Document (the rare case it must re-print)", () => {
    const text = [
      "schemaVersion: 1 # kept",
      "account: { name: Flow Co., id: FL-1 }",
      "contract: { arr: 1000, renewal: 2026-01-01 }",
      "goals:",
      "  - { id: g, title: G, metric: { name: M }, baseline: { date: 2025-01-01, value: 0 }, target: { date: 2025-12-31, value: 10 } }",
      "",
    ].join("\n");
    const after = editYamlActuals(text, [{ kind: "add", goalIndex: 0, date: "2025-06-30", value: 4 }]);
    expect(after).toContain("schemaVersion: 1 # kept");
    expect(loadAccount("flow.yaml", new TextEncoder().encode(after)).goals[0]!.actuals).toEqual([
      { date: "2025-06-30", value: 4 },
    ]);
  });

  it("keeps CRLF line endings and a missing final newline", () => {
    const text = readFileSync(FIXTURE, "utf8").replaceAll("\n", "\r\n").replace(/\r\n$/, "");
    const after = editYamlActuals(text, [{ kind: "add", goalIndex: 3, date: "2025-07-31", value: 7 }]);
    expect(after).not.toMatch(/[^\r]\n/);
    expect(after.endsWith("# trailing comment at the end of the file")).toBe(true);
    expect(after).toContain("            -   date: 2025-07-31\r\n                value: 7\r\n");
  });

  it("is idempotent: the same import twice leaves every byte of every file as it was", async () => {
    const dir = accountsDir();
    const file = csv(
      dir,
      "account,goal,date,value\nNW-1042,backlog,2025-10-31,780\nNW-1042,backlog,2025-09-30,820\nMF-7731,markdowns,2025-10-15,720000\n",
    );
    const first = await importMeasurements(file, settings(dir));
    expect(first.accounts.map((account) => [account.id, account.added, account.unchanged])).toEqual([
      ["NW-1042", 1, 1],
      ["MF-7731", 1, 0],
    ]);
    const afterFirst = hashes(dir);
    const second = await importMeasurements(file, settings(dir));
    expect(second.written).toEqual([]);
    expect(second.accounts.map((account) => [account.id, account.added, account.unchanged])).toEqual([
      ["NW-1042", 0, 2],
      ["MF-7731", 0, 1],
    ]);
    expect(hashes(dir)).toEqual(afterFirst);
  });

  it("reports a conflict and changes nothing; --replace writes the imported value over it", async () => {
    const dir = accountsDir();
    const before = hashes(dir);
    const file = csv(dir, "account,goal,date,value\nNW-1042,backlog,2025-09-30,830\n");
    const refused = await importMeasurements(file, settings(dir));
    expect(refused.issues.map(formatIssue)).toEqual([
      `${file}:2:4 value — 830 conflicts with 820 already recorded for backlog on 2025-09-30 in ${path.join(dir, "northwind-logistics.yaml")}; expected the same value (--replace writes the imported one)`,
    ]);
    expect(refused.written).toEqual([]);
    expect(hashes(dir)).toEqual(before);
    const target = path.join(dir, "northwind-logistics.yaml");
    const original = readFileSync(target, "utf8");
    const replaced = await importMeasurements(file, settings(dir, { replace: true }));
    expect(replaced.accounts[0]).toMatchObject({
      replaced: 1,
      added: 0,
      conflicts: [{ recorded: 820, imported: 830 }],
    });
    expect(readFileSync(target, "utf8")).toBe(
      original.replace("- { date: 2025-09-30, value: 820 }", "- { date: 2025-09-30, value: 830 }"),
    );
  });

  it("is all or nothing: one bad row among good ones writes no file, and every problem is listed", async () => {
    const dir = accountsDir();
    const before = hashes(dir);
    const file = csv(
      dir,
      [
        "account,goal,date,value",
        "NW-1042,backlog,2025-10-31,780",
        "nw-1042,backlog,2025-10-31,780",
        "NW-1042,backloog,2025-10-31,780",
        "NW-1042,backlog,2025-11-30,760",
        "NW-1042,backlog,2025-11-30,765",
      ].join("\n"),
    );
    const result = await importMeasurements(file, settings(dir));
    expect(result.issues.map(formatIssue)).toEqual([
      `${file}:3:1 account — expected the account.id of a file under ${dir}; "nw-1042" is none — did you mean "NW-1042"?`,
      `${file}:4:2 goal — expected a goal of NW-1042 (backlog, first-contact, carrier-onboarding); got "backloog"`,
      `${file}:6:4 value — expected one value per goal and date; row 5 gives 760 for backlog on 2025-11-30, this row 765`,
    ]);
    expect(hashes(dir)).toEqual(before);
  });

  it("reads a European export: semicolons, decimal commas, DD.MM.YYYY dates", async () => {
    const dir = accountsDir();
    const file = csv(dir, '\ufeffaccount;goal;date;value\r\nCC-1;revenue;30.06.2025;"1.250,5"\r\n');
    const result = await importMeasurements(file, settings(dir, { dateFormat: "DD.MM.YYYY" }));
    expect(result.issues).toEqual([]);
    const account = loadAccount("x", readFileSync(path.join(dir, "nested/commented.yaml")));
    expect(account.goals[2]!.actuals).toContainEqual({ date: "2025-06-30", value: 1250.5 });
  });

  it("dry run: plans, reports, writes nothing", async () => {
    const dir = accountsDir();
    const before = hashes(dir);
    const file = csv(dir, "account,goal,date,value\nNW-1042,backlog,2025-10-31,780\n");
    const result = await importMeasurements(file, settings(dir, { dryRun: true }));
    expect(result.accounts[0]).toMatchObject({ id: "NW-1042", added: 1 });
    expect(result.written).toEqual([]);
    expect(hashes(dir)).toEqual(before);
  });
});

describe("qbr import from a workbook", () => {
  it("reads the sheet --sheet names, with real date cells, and locates errors at cells", async () => {
    const dir = accountsDir();
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Read me").getCell("A1").value = "Measurements are on the next sheet";
    const sheet = workbook.addWorksheet("KPIs");
    sheet.addRow(["Account", "Goal", "Date", "Value"]);
    sheet.addRow(["NW-1042", "backlog", new Date("2025-10-31T00:00:00Z"), 775]);
    sheet.addRow(["NW-1042", "backlog", "next week", 770]);
    const file = path.join(path.dirname(dir), "kpis.xlsx");
    writeFileSync(file, new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer));
    const result = await importMeasurements(file, settings(dir, { sheet: "KPIs" }));
    expect(result.issues.map(formatIssue)).toEqual([
      `${file}:KPIs!C3 Date — expected a date written YYYY-MM-DD, got "next week"`,
    ]);
    expect(result.accounts[0]).toMatchObject({ id: "NW-1042", added: 1 });
  });
});

describe("qbr import into JSON files", () => {
  it("keeps the file valid, pretty-printed JSON with the new actual in date order", async () => {
    const dir = accountsDir();
    const account = loadAccount("x", readFileSync(path.join(SAMPLES_DIR, "alpine-health-clinics.yaml")));
    const target = path.join(dir, "nested/alpine.json");
    writeFileSync(
      target,
      `${JSON.stringify({ ...account, account: { ...account.account, id: "JS-1" } }, null, 2)}\n`,
    );
    const goal = account.goals[0]!;
    const file = csv(dir, `account,goal,date,value\nJS-1,${goal.id},2025-02-01,${goal.baseline.value}\n`);
    const result = await importMeasurements(file, settings(dir));
    expect(result.issues).toEqual([]);
    const text = readFileSync(target, "utf8");
    const data = JSON.parse(text) as typeof account;
    expect(data.goals[0]!.actuals[0]).toEqual({ date: "2025-02-01", value: goal.baseline.value });
    expect(text).toContain('\n          "date": "2025-02-01",\n');
    const second = await importMeasurements(file, settings(dir));
    expect(second.written).toEqual([]);
  });

  it("refuses a measurement dated before the goal's baseline at the row's date cell", async () => {
    const dir = accountsDir();
    const account = loadAccount("x", readFileSync(path.join(SAMPLES_DIR, "alpine-health-clinics.yaml")));
    const target = path.join(dir, "nested/alpine.json");
    writeFileSync(
      target,
      `${JSON.stringify({ ...account, account: { ...account.account, id: "JS-1" } }, null, 2)}\n`,
    );
    const before = readFileSync(target, "utf8");
    const goal = account.goals[0]!;
    const file = csv(dir, `account,goal,date,value\nJS-1,${goal.id},2025-01-31,1\n`);
    const result = await importMeasurements(file, settings(dir));
    expect(result.issues.map(formatIssue)).toEqual([
      `${file}:2:3 date — expected a date on or after ${goal.id}'s baseline date 2025-02-01; got 2025-01-31`,
    ]);
    expect(readFileSync(target, "utf8")).toBe(before);
  });
});

describe("qbr import on the command line", () => {
  it("maps a Salesforce report's headers with --map and prints the summary", () => {
    const dir = accountsDir();
    const file = csv(
      dir,
      '"Account ID","KPI","Measured On","Current Value","Region"\nNW-1042,backlog,10/31/2025,780,EMEA\n',
    );
    const map = path.join(path.dirname(dir), "mapping.yaml");
    writeFileSync(map, "account: Account ID\ngoal: KPI\ndate: Measured On\nvalue: Current Value\n");
    const result = qbr(["import", file, "--into", dir, "--map", map, "--date-format", "MM/DD/YYYY"]);
    expect(result.stderr).toBe(`note: ${file}: column "Region" is not read\n`);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("NW-1042 (");
    expect(result.stdout).toContain("1 row, 1 account touched, 1 actual added, 0 unchanged.");
  });

  it("refuses a bad mapping file with a located error", () => {
    const dir = accountsDir();
    const file = csv(dir, "account,goal,date,value\n");
    const map = path.join(path.dirname(dir), "mapping.yaml");
    writeFileSync(map, "account: Account ID\ngoals: KPI\n");
    const result = qbr(["import", file, "--into", dir, "--map", map]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${map}:2:1 goals — unknown key "goals" — did you mean "goal"?`);
  });

  it("exits 2 with every row error and changes nothing; --dry-run shows the plan", () => {
    const dir = accountsDir();
    const before = hashes(dir);
    const file = csv(
      dir,
      "account,goal,date,value\nNW-1042,backlog,2025-09-30,830\nNW-1042,backlog,2025-10-31,x\n",
    );
    const result = qbr(["import", file, "--into", dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${file}:2:4 value — 830 conflicts with 820`);
    expect(result.stderr).toContain(`${file}:3:4 value — expected a number such as 1234.5, got "x"`);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(hashes(dir)).toEqual(before);
    const dry = qbr(["import", file, "--into", dir, "--dry-run", "--replace"]);
    expect(dry.stdout).toContain("Dry run: nothing is written.");
    expect(dry.stdout).toMatch(/NW-1042 \(.*northwind-logistics\.yaml\): 0 added, 0 unchanged, 1 replaced/);
    expect(dry.stdout).toContain("  backlog 2025-09-30: 820 in the file, 830 imported (replaced)");
    expect(hashes(dir)).toEqual(before);
  });

  it("exits 2 for usage errors", () => {
    const result = qbr(["import", "nothing.csv"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--into is required");
    const format = qbr(["import", "m.csv", "--into", ".", "--date-format", "DD-MM-YY"]);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain(
      "--date-format DD-MM-YY: expected YYYY-MM-DD, DD/MM/YYYY, MM/DD/YYYY, DD.MM.YYYY",
    );
  });
});
