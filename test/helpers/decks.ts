import type { DeckSettings } from "../../src/input/deck-settings.js";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Analysis } from "../../src/analysis/analyse-account.js";
import { loadTemplates } from "../../src/io/resources.js";
import { loadTheme } from "../../src/io/theme-file.js";
import type { Audience, Deck, DeckKind } from "../../src/deck/deck-model.js";
import { imageInfo } from "../../src/deck/image-info.js";
import type { Account } from "../../src/input/account-schema.js";
import { accountToDecks, buildDecks } from "../../src/pipeline.js";
import type { TemplateSet } from "../../src/text/template-set.js";
import type { Provenance } from "../../src/deck/slides/appendix.js";
import { loadSample, SAMPLES_DIR } from "./accounts.js";

export interface DeckExtras {
  logoFile?: string;
  previous?: Analysis | null;
  provenance?: Provenance | null;
  customerAppendix?: boolean;
  /** Customer decks print value ÷ ARR only at or above this multiple (default 1). */
  customerRatioMin?: number;
  deckSettings?: DeckSettings;
  /** Templates other than the defaults (e.g. loadTemplates(dir) of a --templates folder). */
  templates?: TemplateSet;
}

const PRODUCER = "qbr-deck test";

export function deckFor(
  analysis: Analysis,
  audience: Audience,
  kind: DeckKind,
  extras: DeckExtras = {},
): Deck {
  const logo = extras.logoFile ? imageInfo(readFileSync(extras.logoFile)) : null;
  const [deck] = buildDecks(
    { current: analysis, previous: extras.previous ?? null },
    {
      kinds: [kind],
      audiences: [audience],
      theme: loadTheme(),
      templates: extras.templates ?? loadTemplates(),
      logo,
      producer: PRODUCER,
      provenance: extras.provenance ?? null,
      customerAppendix: extras.customerAppendix ?? false,
      customerRatioMin: extras.customerRatioMin,
      ...(extras.deckSettings ? { deckSettings: extras.deckSettings } : {}),
    },
  );
  return deck!;
}

/** A sample's deck as `qbr generate` builds it: logo, the quarter-before comparison, provenance. */
export function sampleDeck(name: string, audience: Audience, kind: DeckKind, customerAppendix = false): Deck {
  const account: Account = loadSample(name);
  const file = path.join(SAMPLES_DIR, name);
  const logoFile = account.account.logo ? path.join(SAMPLES_DIR, account.account.logo) : undefined;
  const { decks } = accountToDecks(account, {
    today: "2025-09-30",
    templates: loadTemplates(),
    kinds: [kind],
    audiences: [audience],
    theme: loadTheme(),
    logo: logoFile ? imageInfo(readFileSync(logoFile)) : null,
    producer: PRODUCER,
    provenance: {
      sourceName: name,
      sha256: createHash("sha256").update(readFileSync(file)).digest("hex"),
      toolVersion: "test",
    },
    customerAppendix,
  });
  return decks[0]!;
}

/** Every piece of text a deck holds: slide text, table cells, chart labels, notes and metadata. */
export function deckText(deck: Deck): string {
  return JSON.stringify({ ...deck, logo: null });
}
