#!/usr/bin/env node
// npm run demo: decks for every account in samples/ — both audiences, both formats — into out/.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const cli = path.join(root, "dist/cli/main.js");
const args = [
  "samples",
  "-o",
  "out",
  "-f",
  "pptx,pdf",
  "--audience",
  "internal,customer",
  "--kind",
  "qbr,renewal",
];
console.log(`$ qbr generate ${args.join(" ")}`);
const status =
  spawnSync(process.execPath, [cli, "generate", ...args], { cwd: root, stdio: "inherit" }).status ?? 1;
console.log(
  status === 0 ? "\nDecks are in out/. Open out/*.pdf or out/*.pptx." : "\nSome decks failed; see above.",
);
process.exit(status);
