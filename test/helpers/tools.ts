import { execFileSync } from "node:child_process";

/**
 * External tools for interop tests (LibreOffice, qpdf, poppler). Locally a missing tool skips
 * the test with its name in the title; in CI (`QBR_REQUIRE_INTEROP=1`) a missing tool fails it.
 */
export function hasTool(tool: string): boolean {
  try {
    execFileSync("which", [tool], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

export function missingTools(...tools: string[]): string[] {
  const missing = tools.filter((tool) => !hasTool(tool));
  if (missing.length > 0 && process.env.QBR_REQUIRE_INTEROP === "1") {
    throw new Error(`interop tools required in CI but missing: ${missing.join(", ")}`);
  }
  return missing;
}

export function skipReason(missing: string[]): string {
  return missing.length > 0 ? ` (skipped: ${missing.join(", ")} not installed)` : "";
}
