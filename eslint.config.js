// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";

/**
 * Folder boundaries (STYLE.md): the pure stages touch neither the file system nor the folders
 * that do; renderers are reached through render/renderer.ts only; nothing below cli/ imports
 * cli/; pptxgenjs and pdfkit live in render/, nodemailer in send/. A flat-config rule set later
 * replaces one set earlier, so each folder's entry lists every restriction that applies to it.
 */
const folder = (name, why) => ({ regex: `(^|/)${name}/`, message: why });
const NOT_CLI = folder("cli", "Only src/cli imports src/cli; move what is shared down (e.g. to io/).");
const LIBRARIES = [
  { name: "pptxgenjs", message: "Only src/render/pptx may import pptxgenjs." },
  { name: "pdfkit", message: "Only src/render/pdf may import pdfkit." },
  { name: "fontkit", message: "Only src/render may import fontkit." },
  { name: "nodemailer", message: "Only src/send may import nodemailer." },
];
const LIBRARY_PATTERNS = [
  { group: ["nodemailer/*", "pdfkit/*", "pptxgenjs/*"], message: "Only src/render and src/send use these." },
];
const PURE = [
  {
    regex: "^(node:)?fs(/|$)",
    message: "A pure stage reads no files: take bytes or values from the caller (io/).",
  },
  folder("batch", "A pure stage does not depend on the batch orchestration."),
  folder("io", "A pure stage does no I/O: take what io/ read as arguments."),
  folder("render", "Stages before rendering build renderer-neutral data; they do not import render/."),
  folder("preview", "A pure stage does not depend on the preview server."),
  NOT_CLI,
];

const restrict = (paths, patterns) => ["error", { paths, patterns }];

export default tseslint.config(
  { ignores: ["dist/**", "out/**", "coverage/**", "node_modules/**", "bench/out/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: "readonly", console: "readonly", Buffer: "readonly", URL: "readonly" },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-imports": restrict(LIBRARIES, [...LIBRARY_PATTERNS, NOT_CLI]),
    },
  },
  {
    files: [
      "src/input/**",
      "src/analysis/**",
      "src/deck/**",
      "src/text/**",
      "src/insights/**",
      "src/pipeline.ts",
      "src/dates.ts",
    ],
    rules: { "no-restricted-imports": restrict(LIBRARIES, [...LIBRARY_PATTERNS, ...PURE]) },
  },
  {
    files: ["src/render/**"],
    rules: {
      "no-restricted-imports": restrict(
        [{ name: "nodemailer", message: "Only src/send may import nodemailer." }],
        [
          folder("batch", "Renderers draw a Deck; they do not depend on the batch orchestration."),
          folder("io", "Renderers return bytes; writing them is io/'s job."),
          folder("preview", "Renderers draw a Deck; the preview uses them, not the other way round."),
          NOT_CLI,
        ],
      ),
    },
  },
  {
    // The chart layout is pure geometry shared by the PDF and HTML renderers: they draw its shapes
    // and inject the text measuring, so it imports neither them nor a drawing or font library.
    files: ["src/render/chart-layout/**"],
    rules: {
      "no-restricted-imports": restrict(LIBRARIES, [
        ...LIBRARY_PATTERNS,
        ...PURE.filter((restriction) => restriction.regex !== folder("render", "").regex),
        folder("pdf", "The chart layout is renderer-neutral: render/pdf draws its shapes."),
        folder("html", "The chart layout is renderer-neutral: render/html draws its shapes."),
        folder("pptx", "The chart layout is renderer-neutral; the PPTX draws native charts."),
      ]),
    },
  },
  {
    files: ["src/send/**"],
    rules: {
      "no-restricted-imports": restrict(
        LIBRARIES.filter((library) => library.name !== "nodemailer"),
        [NOT_CLI],
      ),
    },
  },
  {
    files: ["src/cli/**"],
    rules: { "no-restricted-imports": restrict(LIBRARIES, LIBRARY_PATTERNS) },
  },
  {
    files: ["test/**", "bench/**", "scripts/**"],
    rules: { "no-restricted-imports": "off" },
  },
  {
    // Tests build deliberately broken raw data; typing every mutation would hide what they do.
    files: ["test/**"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
);
