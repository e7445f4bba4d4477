import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadAccount } from "../src/input/load-account.js";
import { isUneditedStarter } from "../src/input/starter.js";
import { loadSample, ROOT } from "./helpers/accounts.js";

describe("isUneditedStarter", () => {
  it("recognises the qbr init starter as written, and no sample", () => {
    const file = path.join(ROOT, "templates/starter-account.yaml");
    expect(isUneditedStarter(loadAccount(file, readFileSync(file)))).toBe(true);
    expect(isUneditedStarter(loadSample("northwind-logistics.yaml"))).toBe(false);
  });
});
