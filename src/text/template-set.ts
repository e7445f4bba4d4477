import { z } from "zod";
import { InvalidInputError } from "../errors.js";
import { parseSource } from "../input/parse-source.js";
import { validateSource } from "../input/validate-source.js";
import { compileText, type TextTemplate } from "./handlebars.js";
import { precompiledFile } from "./precompiled.js";

/**
 * The wording of qbr-deck lives in `templates/` as YAML files of Handlebars strings:
 * `prompts/<rule>.yaml` (a finding's title, summary and root-cause prompts in two voices) and
 * `deck.yaml` (slide titles and talking points). `--templates DIR` replaces any of these files.
 * Compiling is pure; reading the files is the caller's job.
 */

const lines = z.array(z.string().min(1));
const voiceSchema = z.strictObject({
  title: z.string().min(1).optional(),
  summary: z.string().min(1).optional(),
  play: z.string().min(1).optional(),
  internal: lines.optional(),
  customer: lines.optional(),
});

export const promptFileSchema = z.strictObject({
  title: z.string().min(1).describe("finding title (internal)"),
  summary: z.string().min(1).describe("one sentence of evidence for slides"),
  play: z
    .string()
    .min(1)
    .optional()
    .describe("the recommended play when this is the account's top risk (internal only)"),
  internal: lines.min(1).describe("root-cause questions for the CSM's preparation"),
  customer: lines.describe("questions fit to ask the sponsor in the room"),
  variants: z.record(z.string(), voiceSchema).default({}),
});

export const deckTextSchema = z.record(z.string(), z.string());

export interface CompiledVoice {
  title: TextTemplate;
  summary: TextTemplate;
  /** The recommended play (internal); null when the file has none (goal-on-track, goal-achieved). */
  play: TextTemplate | null;
  internal: TextTemplate[];
  customer: TextTemplate[];
}

export interface CompiledPrompt extends CompiledVoice {
  variants: Record<string, CompiledVoice>;
}

export interface TemplateSet {
  /** Keyed by rule name, plus "goal-on-track" and "goal-achieved" for goals without findings. */
  prompts: Record<string, CompiledPrompt>;
  deck: Record<string, TextTemplate>;
}

export interface TemplateFile {
  /** Path inside the templates folder, e.g. "prompts/watermelon.yaml" or "deck.yaml". */
  name: string;
  /** Where it was read from, for error messages. */
  file: string;
  bytes: Uint8Array;
  /** One of the package's own files: its template syntax is checked by the tests, not at load. */
  builtIn?: boolean;
}

/** A template file's validated content: parsed when the package was built, or now. */
function parseTemplateFile<Schema extends z.ZodType>(file: TemplateFile, schema: Schema): z.output<Schema> {
  const built = file.builtIn ? precompiledFile(file.name, file.bytes) : undefined;
  if (built !== undefined) return built as z.output<Schema>;
  return validateSource(parseSource(file.file, file.bytes), schema);
}

function compilePrompt(template: TemplateFile): CompiledPrompt {
  const parsed = parseTemplateFile(template, promptFileSchema);
  const compile = (text: string, path: string) => compileText(text, template.file, path, !template.builtIn);
  const compileAll = (texts: string[], path: string) =>
    texts.map((text, index) => compile(text, `${path}[${index}]`));
  const base: CompiledVoice = {
    title: compile(parsed.title, "title"),
    summary: compile(parsed.summary, "summary"),
    play: parsed.play ? compile(parsed.play, "play") : null,
    internal: compileAll(parsed.internal, "internal"),
    customer: compileAll(parsed.customer, "customer"),
  };
  const variants: Record<string, CompiledVoice> = {};
  for (const [name, variant] of Object.entries(parsed.variants)) {
    const path = `variants.${name}`;
    variants[name] = {
      title: variant.title ? compile(variant.title, `${path}.title`) : base.title,
      summary: variant.summary ? compile(variant.summary, `${path}.summary`) : base.summary,
      play: variant.play ? compile(variant.play, `${path}.play`) : base.play,
      internal: variant.internal ? compileAll(variant.internal, `${path}.internal`) : base.internal,
      customer: variant.customer ? compileAll(variant.customer, `${path}.customer`) : base.customer,
    };
  }
  return { ...base, variants };
}

/**
 * Compiles the given template files. A later prompt file replaces an earlier one of the same name;
 * a later deck.yaml overrides only the keys it holds, so a custom folder can change one title.
 */
export function compileTemplateSet(
  files: TemplateFile[],
  requiredDeckKeys: readonly string[] = [],
): TemplateSet {
  const prompts: TemplateSet["prompts"] = {};
  const deck: Record<string, TextTemplate> = {};
  let lastDeckFile = "deck.yaml";
  for (const file of files) {
    const rule = /^prompts\/([a-z-]+)\.ya?ml$/.exec(file.name)?.[1];
    if (rule) {
      prompts[rule] = compilePrompt(file);
    } else if (/^deck\.ya?ml$/.test(file.name)) {
      const texts = parseTemplateFile(file, deckTextSchema);
      for (const [key, text] of Object.entries(texts)) {
        deck[key] = compileText(text, file.file, key, !file.builtIn);
      }
      lastDeckFile = file.file;
    }
  }
  const missing = requiredDeckKeys.filter((key) => !(key in deck));
  if (missing.length > 0) {
    throw new InvalidInputError(
      missing.map((key) => ({
        file: lastDeckFile,
        line: 0,
        column: 0,
        path: key,
        message: "is missing; expected a text template",
      })),
    );
  }
  return { prompts, deck };
}
