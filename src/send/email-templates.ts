import { statSync } from "node:fs";
import path from "node:path";
import Handlebars from "handlebars";
import { DEFAULT_TEMPLATES_DIR, readInputFile } from "../io/resources.js";
import { InvalidInputError, UsageError } from "../errors.js";
import { formatDate, formatList } from "../text/format.js";

/**
 * The email's wording: `templates/email/{subject,text,html}.hbs`, each replaceable by the same
 * file under `--templates DIR/email/`. Templates see only the fields of EmailData — customer-safe
 * by construction (no findings, signals or notes exist there) — and run in strict mode, so a
 * template asking for anything else (a typo, or `internalNotes`) is an error, not an empty string.
 */

export interface EmailData {
  account: { name: string };
  recipientNames: string[];
  /** "Quarterly Business Review" or "Quarterly Business Review and Value One-Pager". */
  documents: string;
  period: string;
  meetingDate: string | null;
  attachments: { filename: string; title: string }[];
  sender: { name: string | null; address: string };
  /** Switched on by data once decks carry per-account passwords: the email then says so. */
  passwordSeparately: boolean;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

export const EMAIL_TEMPLATE_NAMES = ["subject", "text", "html"] as const;
type TemplateName = (typeof EMAIL_TEMPLATE_NAMES)[number];

export interface EmailTemplates {
  /** Where each template was read from, for messages and for the outbox record. */
  files: Record<TemplateName, string>;
  render(data: EmailData): RenderedEmail;
}

const handlebars = Handlebars.create();
handlebars.registerHelper("date", (value: unknown) => formatDate(typeof value === "string" ? value : null));
handlebars.registerHelper("list", (items: unknown, conjunction: unknown) =>
  formatList(
    Array.isArray(items) ? items.map(String) : [],
    typeof conjunction === "string" ? conjunction : "and",
  ),
);

function templateFile(name: TemplateName, customDir: string | undefined): string {
  if (customDir) {
    const custom = path.join(customDir, "email", `${name}.hbs`);
    if (statSync(custom, { throwIfNoEntry: false })?.isFile()) return custom;
  }
  return path.join(DEFAULT_TEMPLATES_DIR, "email", `${name}.hbs`);
}

function compile(file: string, name: TemplateName): (data: object) => string {
  const source = readInputFile(file).toString("utf8");
  try {
    handlebars.parse(source);
  } catch (error) {
    const message = (error as Error).message.split("\n")[0] ?? "invalid template";
    throw new InvalidInputError([
      { file, line: 0, column: 0, path: "", message: `template syntax: ${message}` },
    ]);
  }
  const template = handlebars.compile(source, { noEscape: name !== "html", strict: true });
  return (data) => {
    try {
      return template(data);
    } catch (error) {
      const message = (error as Error).message.split("\n")[0] ?? "template error";
      throw new InvalidInputError([{ file, line: 0, column: 0, path: "", message }]);
    }
  };
}

export function loadEmailTemplates(customDir: string | undefined): EmailTemplates {
  if (customDir && !statSync(path.join(customDir, "email"), { throwIfNoEntry: false })?.isDirectory()) {
    throw new UsageError(
      `--templates ${customDir} has no email/ folder (expected email/subject.hbs, text.hbs, html.hbs)`,
    );
  }
  const files = {
    subject: templateFile("subject", customDir),
    text: templateFile("text", customDir),
    html: templateFile("html", customDir),
  };
  const subject = compile(files.subject, "subject");
  const text = compile(files.text, "text");
  const html = compile(files.html, "html");
  return {
    files,
    render(data) {
      // One line: a header cannot hold a line break, and a template's trailing newline is not meant.
      const renderedSubject = subject(data).replace(/\s+/g, " ").trim();
      return {
        subject: renderedSubject,
        text: tidyText(text({ ...data, subject: renderedSubject })),
        html: html({ ...data, subject: renderedSubject }),
      };
    },
  };
}

/** At most one blank line in a row, no trailing spaces, one final newline. */
function tidyText(text: string): string {
  return `${text
    .replace(/[ \t]+$/gm, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim()}\n`;
}
