import { createHash } from "node:crypto";
import type { PreviewState } from "./session.js";
import type { PreviewWording } from "./wording.js";

/**
 * The preview page: a banner for the latest build's problems and warnings above an iframe that
 * shows the last good deck, and the one small script of the preview, which listens to the
 * server's events and reloads the iframe or fills the banner. The deck's HTML is served as it
 * is, script-free; a Content-Security-Policy keeps it that way (no script may run in it).
 */

/** What the page's script receives on every change (the server's `state` event). */
export interface PageState {
  version: number;
  title: string;
  problems: string[];
  warnings: string[];
  /** The page's own texts the script sets, so a saved preview.yaml shows without reloading the page. */
  wording: Pick<PreviewWording, "frameTitle" | "problems" | "problemsNoDeck" | "warnings" | "stopped">;
}

export function pageState(state: PreviewState): PageState {
  const { frameTitle, problems, problemsNoDeck, warnings, stopped } = state.wording;
  return {
    version: state.version,
    title: pageTitle(state),
    problems: state.problems,
    warnings: state.warnings,
    wording: { frameTitle, problems, problemsNoDeck, warnings, stopped },
  };
}

function pageTitle(state: PreviewState): string {
  const { pageTitle } = state.wording;
  return state.title ? `${state.title} — ${pageTitle}` : pageTitle;
}

// Reloading the iframe keeps the reader's place: its scroll position is carried to the new deck.
const SCRIPT = `(() => {
  const byId = (id) => document.getElementById(id);
  const frame = byId("deck");
  const problems = byId("problems");
  const heading = byId("problems-heading");
  const warnings = byId("warnings");
  const stopped = byId("stopped");
  let version = Number(frame.dataset.version);
  const fill = (list, items) =>
    list.replaceChildren(...items.map((text) => {
      const item = document.createElement("li");
      item.textContent = text;
      return item;
    }));
  const events = new EventSource("/events");
  events.addEventListener("state", (event) => {
    const state = JSON.parse(event.data);
    const wording = state.wording;
    stopped.hidden = true;
    stopped.textContent = wording.stopped;
    document.title = state.title;
    frame.title = wording.frameTitle;
    heading.dataset.withDeck = wording.problems;
    heading.dataset.noDeck = wording.problemsNoDeck;
    byId("warnings-heading").textContent = wording.warnings;
    heading.textContent = state.version > 0 ? heading.dataset.withDeck : heading.dataset.noDeck;
    fill(byId("problem-lines"), state.problems);
    problems.hidden = state.problems.length === 0;
    fill(byId("warning-lines"), state.warnings);
    warnings.hidden = state.warnings.length === 0;
    if (state.version === version) return;
    version = state.version;
    const scrollY = frame.contentWindow ? frame.contentWindow.scrollY : 0;
    frame.addEventListener("load", () => frame.contentWindow.scrollTo(0, scrollY), { once: true });
    frame.src = "/deck?v=" + version;
  });
  events.addEventListener("error", () => {
    stopped.hidden = false;
  });
})();`;

const STYLE = `html, body { margin: 0; height: 100%; }
body { display: flex; flex-direction: column; font: 15px/1.4 system-ui, sans-serif; background: #e9ebee; }
.banner { margin: 0; padding: 10px 16px; border-bottom: 1px solid; }
.banner[hidden] { display: none; }
.banner p { margin: 0 0 4px; font-weight: 600; }
.banner ul { margin: 0; padding: 0; list-style: none; font: 13px/1.45 ui-monospace, monospace; white-space: pre-wrap; }
#problems { background: #fdecea; border-color: #e0a29b; color: #7a1a10; }
#warnings { background: #fff6dc; border-color: #e3cf8f; color: #5c4700; }
#stopped { background: #e3e6ea; border-color: #b9bfc7; color: #333; }
iframe { flex: 1; width: 100%; border: 0; background: #fff; }`;

const hash = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

/** The page may run exactly its own script and style, talk to its own server and frame its own deck. */
export const PAGE_CSP = [
  "default-src 'none'",
  `script-src ${hash(SCRIPT)}`,
  `style-src ${hash(STYLE)}`,
  "connect-src 'self'",
  "frame-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

/**
 * The deck may use inline styles, fonts and images embedded as data: URLs, nothing else: no
 * script, no request to anywhere. Only the preview page may frame it.
 */
export const DECK_CSP = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  "img-src data:",
  "font-src data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self'",
].join("; ");

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);
}

const items = (lines: readonly string[]) => lines.map((line) => `<li>${escapeHtml(line)}</li>`).join("");
const hidden = (lines: readonly string[]) => (lines.length === 0 ? " hidden" : "");

/** The page as first served; later states arrive as events and the script applies them. */
export function previewPage(state: PreviewState): string {
  const { wording } = state;
  const heading = state.version > 0 ? wording.problems : wording.problemsNoDeck;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(pageTitle(state))}</title>
<style>${STYLE}</style>
</head>
<body>
<section id="problems" class="banner" role="alert"${hidden(state.problems)}>
<p id="problems-heading" data-with-deck="${escapeHtml(wording.problems)}" data-no-deck="${escapeHtml(wording.problemsNoDeck)}">${escapeHtml(heading)}</p>
<ul id="problem-lines">${items(state.problems)}</ul>
</section>
<section id="warnings" class="banner"${hidden(state.warnings)}>
<p id="warnings-heading">${escapeHtml(wording.warnings)}</p>
<ul id="warning-lines">${items(state.warnings)}</ul>
</section>
<p id="stopped" class="banner" role="status" hidden>${escapeHtml(wording.stopped)}</p>
<iframe id="deck" title="${escapeHtml(wording.frameTitle)}" src="/deck?v=${state.version}" data-version="${state.version}"></iframe>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

/** What the iframe shows before any deck has built: "building", or nothing but the problems above it. */
export function noDeckPage(state: PreviewState): string {
  const text = state.problems.length > 0 ? state.wording.noDeck : state.wording.building;
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>${escapeHtml(text)}</title></head>
<body><p>${escapeHtml(text)}</p></body>
</html>
`;
}
