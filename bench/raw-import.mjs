#!/usr/bin/env node
// The baseline `qbr import` is measured against: the same measurements put into the same account
// files straight with the libraries, in one process — csv-parse for the CSV, yaml's parse and
// stringify for each file — with none of qbr's work (no validation of rows or accounts, no located
// errors, no conflicts, no all-or-nothing, and the files re-serialised, so comments and formatting
// are lost). Bench-only code: nothing in src/ may do this.
//
//   node bench/raw-import.mjs <measurements.csv> <accounts-dir>
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { parse, stringify } from "yaml";

const [csvFile, dir] = process.argv.slice(2);
const [, ...records] = parseCsv(readFileSync(csvFile));
const byAccount = new Map();
for (const [account, goal, date, value] of records) {
  if (!byAccount.has(account)) byAccount.set(account, []);
  byAccount.get(account).push({ goal, date, value: Number(value) });
}
let written = 0;
for (const name of readdirSync(dir, { recursive: true })) {
  if (!/\.ya?ml$/.test(name)) continue;
  const file = path.join(dir, name);
  const data = parse(readFileSync(file, "utf8"));
  const rows = byAccount.get(data.account.id);
  if (!rows) continue;
  for (const row of rows) {
    const goal = data.goals.find((candidate) => candidate.id === row.goal);
    goal.actuals ??= [];
    goal.actuals.push({ date: row.date, value: row.value });
  }
  for (const goal of data.goals) goal.actuals?.sort((a, b) => (a.date < b.date ? -1 : 1));
  writeFileSync(file, stringify(data));
  written++;
}
console.log(`raw import: ${records.length} rows into ${written} files`);
