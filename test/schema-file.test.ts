import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { accountJsonSchemaText } from "../src/cli/commands/schema.js";
import { ROOT, SAMPLES_DIR } from "./helpers/accounts.js";
import { qbr } from "./helpers/cli.js";

const SHIPPED_SCHEMA = path.join(SAMPLES_DIR, "qbr-account.schema.json");
const REGENERATE =
  "regenerate it: npm run build && node dist/cli/main.js schema > samples/qbr-account.schema.json";

/** The schema an editor is pointed to by a file's `# yaml-language-server: $schema=…` line. */
function schemaReference(file: string): string | undefined {
  const first = readFileSync(file, "utf8").split("\n", 1)[0] ?? "";
  return /^# yaml-language-server: \$schema=(\S+)$/.exec(first)?.[1];
}

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe("the JSON Schema editors are pointed to", () => {
  it("ships samples/qbr-account.schema.json equal to what qbr schema prints", () => {
    const shipped = readFileSync(SHIPPED_SCHEMA, "utf8");
    expect(shipped, REGENERATE).toBe(accountJsonSchemaText());
    const printed = qbr(["schema"]);
    expect(printed.code).toBe(0);
    expect(printed.stdout, REGENERATE).toBe(shipped);
  });

  it("is referenced by every sample and the starter template, by a path that resolves to it", () => {
    const files = [
      ...readdirSync(SAMPLES_DIR)
        .filter((name) => /\.ya?ml$/.test(name))
        .map((name) => path.join(SAMPLES_DIR, name)),
      path.join(ROOT, "templates", "starter-account.yaml"),
    ];
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const file of files) {
      const reference = schemaReference(file);
      expect(reference, `${file}: first line must be # yaml-language-server: $schema=…`).toBeDefined();
      // relative, so it keeps working when the folder is copied or the package installed elsewhere
      expect(path.isAbsolute(reference!), file).toBe(false);
      if (file.startsWith(SAMPLES_DIR)) {
        const target = path.resolve(path.dirname(file), reference!);
        expect(existsSync(target), `${file} → ${target}`).toBe(true);
        expect(target).toBe(SHIPPED_SCHEMA);
      }
    }
  });

  it("qbr init writes the starter and, beside it, the schema its first line references", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "qbr-init-schema-"));
    dirs.push(dir);
    const target = path.join(dir, "deep", "accounts");
    expect(qbr(["init", target]).code).toBe(0);
    const starter = path.join(target, "account.yaml");
    const reference = schemaReference(starter);
    expect(reference).toBe("./qbr-account.schema.json");
    const written = path.resolve(path.dirname(starter), reference!);
    expect(readFileSync(written, "utf8")).toBe(accountJsonSchemaText());
  });
});
