import { statSync } from "node:fs";
import path from "node:path";
import { glob, isDynamicPattern } from "tinyglobby";
import { UsageError } from "../errors.js";

const ACCOUNT_EXTENSIONS = /\.(ya?ml|json)$/i;

/**
 * Account files named on the command line: files as given, folders searched recursively for
 * *.yaml, *.yml and *.json (skipping hidden folders and node_modules), and glob patterns.
 * Sorted and without duplicates, so runs and shards are deterministic.
 */
export async function discoverAccountFiles(inputs: readonly string[]): Promise<string[]> {
  const found = new Set<string>();
  for (const input of inputs) {
    const stats = statSync(input, { throwIfNoEntry: false });
    if (stats?.isFile()) {
      found.add(path.normalize(input));
    } else if (stats?.isDirectory()) {
      const files = await glob("**/*.{yaml,yml,json,YAML,YML,JSON}", {
        cwd: input,
        // Manifests are JSON too; an output folder inside the input folder must not be read back.
        ignore: ["**/node_modules/**", "**/.*/**", "**/manifest.json", "**/manifest-shard-*-of-*.json"],
        onlyFiles: true,
      });
      for (const file of files) found.add(path.normalize(path.join(input, file)));
    } else if (isDynamicPattern(input)) {
      const files = await glob(input, { onlyFiles: true, ignore: ["**/node_modules/**"] });
      for (const file of files) if (ACCOUNT_EXTENSIONS.test(file)) found.add(path.normalize(file));
    } else {
      found.add(path.normalize(input));
    }
  }
  return [...found].sort();
}

export function requireInputs(inputs: readonly string[]): void {
  if (inputs.length === 0) throw new UsageError("expected at least one account file, folder or glob");
}
