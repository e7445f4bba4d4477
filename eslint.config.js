// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";

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
      "no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "pptxgenjs", message: "Only src/render/pptx may import pptxgenjs." },
            { name: "pdfkit", message: "Only src/render/pdf may import pdfkit." },
            { name: "nodemailer", message: "Only src/send may import nodemailer." },
          ],
          patterns: [{ group: ["nodemailer/*"], message: "Only src/send may import nodemailer." }],
        },
      ],
    },
  },
  {
    files: ["src/render/**", "src/send/**", "test/**", "bench/**"],
    rules: { "no-restricted-imports": "off" },
  },
  {
    // Tests build deliberately broken raw data; typing every mutation would hide what they do.
    files: ["test/**"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
);
