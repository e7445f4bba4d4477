import type { Deck, Slide } from "../../deck/deck-model.js";
import { element, escapeText } from "./markup.js";

/**
 * A slide's speaker notes as a collapsible panel under it, on the decks whose PDF prints them
 * (meta.printNotes: internal decks with an appendix); customer decks never carry it.
 */
export function speakerNotes(deck: Deck, slide: Slide, pageNumber: number): string {
  const print = deck.meta.printNotes;
  if (!print) return "";
  const lines = slide.notes
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  if (lines.length === 0) return "";
  const summary = element("summary", {}, escapeText(`${print.title} — ${pageNumber}. ${slide.title}`));
  const paragraphs = lines.map((line) => element("p", {}, escapeText(line))).join("");
  return element(
    "details",
    { class: "notes", "aria-label": `${print.title} ${pageNumber}` },
    summary + paragraphs,
  );
}
