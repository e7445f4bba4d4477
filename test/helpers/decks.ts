import { readFileSync } from "node:fs";
import path from "node:path";
import type { Analysis } from "../../src/analysis/analyse-account.js";
import { loadTemplates } from "../../src/batch/resources.js";
import { loadTheme } from "../../src/batch/theme-file.js";
import { buildDeck } from "../../src/deck/build-deck.js";
import type { Audience, Deck, DeckKind } from "../../src/deck/deck-model.js";
import { imageInfo } from "../../src/deck/image-info.js";
import type { Account } from "../../src/input/account-schema.js";
import { analyse, loadSample, SAMPLES_DIR } from "./accounts.js";

export function deckFor(analysis: Analysis, audience: Audience, kind: DeckKind, logoFile?: string): Deck {
  const logo = logoFile ? imageInfo(readFileSync(logoFile)) : null;
  return buildDeck(analysis, {
    audience,
    kind,
    theme: loadTheme(),
    templates: loadTemplates(),
    logo,
    producer: "qbr-deck test",
  });
}

export function sampleDeck(name: string, audience: Audience, kind: DeckKind): Deck {
  const account: Account = loadSample(name);
  const logoFile = account.account.logo ? path.join(SAMPLES_DIR, account.account.logo) : undefined;
  return deckFor(analyse(account), audience, kind, logoFile);
}

/** Every piece of text a deck holds: slide text, table cells, chart labels, notes and metadata. */
export function deckText(deck: Deck): string {
  return JSON.stringify({ ...deck, logo: null });
}
