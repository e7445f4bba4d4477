import type { DeckContext } from "../context.js";
import type { Slide } from "../deck-model.js";
import { COVER } from "../geometry.js";

/** The title slide; `subtitleKey` is the deck kind's cover line (kinds/*.ts). */
export function coverSlide(
  context: DeckContext,
  subtitleKey: string,
  notesKeys = { internal: "cover.notes.internal", customer: "cover.notes.customer" },
): Slide {
  const account = context.analysis.account.account;
  const blocks: Slide["blocks"] = [
    {
      kind: "text",
      box: { ...COVER.details, h: 0.5 },
      text: context.text("cover.details"),
      style: "body",
      tone: "muted",
    },
  ];
  if (context.isInternal) {
    blocks.push({
      kind: "text",
      box: { ...COVER.details, y: COVER.details.y + 0.6, h: 0.5 },
      text: context.text("cover.internal"),
      style: "callout",
      tone: "bad",
    });
  }
  return {
    id: "cover",
    layout: "title",
    title: account.name,
    subtitle: context.text(subtitleKey),
    blocks,
    notes: context.text(context.isInternal ? notesKeys.internal : notesKeys.customer),
  };
}
