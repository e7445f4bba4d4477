#!/usr/bin/env node
// Build step (after tsc and precompile-templates.mjs): bundles the CLI and the batch worker with
// esbuild, in place — dist/cli/main.js (the `qbr` command) and dist/batch/worker.js become
// bundles, and the modules they load lazily (each command, each renderer) become chunks in
// dist/cli/chunks/. A cold `qbr generate` then loads ~180 files instead of ~550 (our ~180
// modules, zod, yaml, commander, Handlebars' runtime, d3): ~13 % less CPU time for one deck
// (docs/performance.md). Every other file of dist/ stays as tsc wrote it, so the library's
// entry points (package.json `exports`: dist/index.js) are unchanged.
//
// Left outside the bundle, loaded from node_modules as before:
//   - pptxgenjs, pdfkit, fontkit: render/pptx/capture-package.ts hooks the very JSZip copy
//     pptxgenjs loads, and pdfkit-internals.ts probes pdfkit/fontkit objects; pdfkit and its
//     dependencies read data files next to their own modules;
//   - piscina (starts its own worker script), exceljs, nodemailer, cli-progress (loaded lazily,
//     for the commands that need them), dejavu-fonts-ttf (font files).
//
//   node scripts/bundle-cli.mjs
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const DIST = path.join(ROOT, "dist");
const CHUNKS = path.join(DIST, "cli", "chunks");

const EXTERNAL = [
  "pptxgenjs",
  "pdfkit",
  "fontkit",
  "piscina",
  "exceljs",
  "nodemailer",
  "cli-progress",
  "dejavu-fonts-ttf",
];

const entries = {
  "cli/main": "cli/main.js",
  "batch/worker": "batch/worker.js",
  "batch/render-thread-worker": "batch/render-thread-worker.js",
};
for (const file of Object.values(entries)) {
  if (!existsSync(path.join(DIST, file))) throw new Error(`dist/${file} is missing: run tsc first`);
}
rmSync(CHUNKS, { recursive: true, force: true });

/**
 * zod re-exports every one of its ~50 message locales (`z.locales`), ~400 KB of the bundle that a
 * run parses and evaluates; qbr-deck words its own messages (input/validate-source.ts) and zod's
 * default is English, so the bundle's `locales` holds English only.
 */
const englishZodLocales = {
  name: "english-zod-locales",
  setup(builder) {
    builder.onResolve({ filter: /\/locales\/index\.js$/ }, (args) =>
      args.importer.includes(`${path.sep}node_modules${path.sep}zod${path.sep}`)
        ? { path: path.join(path.dirname(args.importer), "..", "locales", "en.js"), namespace: "zod-en" }
        : undefined,
    );
    builder.onLoad({ filter: /.*/, namespace: "zod-en" }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(args.path)};`,
      resolveDir: path.dirname(args.path),
    }));
  },
};

const result = await build({
  plugins: [englishZodLocales],
  entryPoints: Object.fromEntries(
    Object.entries(entries).map(([name, file]) => [name, path.join(DIST, file)]),
  ),
  outdir: DIST,
  allowOverwrite: true,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  chunkNames: "cli/chunks/[name]-[hash]",
  external: EXTERNAL.flatMap((name) => [name, `${name}/*`]),
  // ESM builds where a package has one (jsonc-parser's `main` is a UMD bundle whose require()s
  // a bundler cannot follow).
  mainFields: ["module", "main"],
  // CommonJS dependencies (Handlebars' runtime, commander) call require() for Node's modules.
  banner: {
    js: 'import { createRequire as __qbrCreateRequire } from "node:module"; const require = __qbrCreateRequire(import.meta.url);',
  },
  // No minifying, so --debug stack traces keep the names as written. Not `keepNames`: it wraps
  // every function expression in a __name() call that runs each time the closure is created —
  // ~5 % of a batch worker's CPU (docs/performance.md). Error classes set their own `name`.
  sourcemap: "linked",
  legalComments: "linked",
  logLevel: "warning",
  metafile: true,
});

const inputs = Object.keys(result.metafile.inputs).length;
const outputs = Object.keys(result.metafile.outputs).filter((file) => file.endsWith(".js")).length;
console.log(`bundled the CLI and the batch worker: ${inputs} modules into ${outputs} files`);
