import type { Deck, Slide, Theme } from "../../deck/deck-model.js";
import type { Presentation, PptxSlide } from "./pptxgen.js";

/** What every drawing function needs: where to draw, the theme, and where to report problems. */
export interface DrawContext {
  pres: Presentation;
  slide: PptxSlide;
  deck: Deck;
  theme: Theme;
  source: Slide;
  /** 1-based position of the slide in the deck. */
  slideNumber: number;
  warnings: WarningLog;
}

/** Warnings in the order they were found, each once. */
export class WarningLog {
  private readonly messages = new Set<string>();

  add(message: string): void {
    this.messages.add(message);
  }

  list(): string[] {
    return [...this.messages];
  }
}

export function warnOnSlide(ctx: DrawContext, message: string): void {
  ctx.warnings.add(`pptx slide ${ctx.slideNumber} ("${ctx.source.id}"): ${message}`);
}

/** A shape's name in the selection pane: what it is and its first words ("KPI: Value delivered"). */
export function shapeName(kind: string, text: string): string {
  const words = excerpt(text, 60);
  return words ? `${kind}: ${words}` : kind;
}

/** Shorthand for a text's place in a warning: its first words. */
export function excerpt(text: string, length = 40): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= length ? flat : `${flat.slice(0, length - 1)}…`;
}
