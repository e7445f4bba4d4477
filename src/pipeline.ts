import { analyseAccount, type Analysis } from "./analysis/analyse-account.js";
import type { Thresholds } from "./analysis/thresholds.js";
import { addMonths, type IsoDate } from "./dates.js";
import { buildDeck } from "./deck/build-deck.js";
import type { Audience, Deck, DeckKind, ImageData, Theme } from "./deck/deck-model.js";
import { DECK_KINDS } from "./deck/kinds/index.js";
import type { Provenance } from "./deck/slides/appendix.js";
import type { Account } from "./input/account-schema.js";
import { hiddenSlides, type DeckSettings } from "./input/deck-settings.js";
import type { TemplateSet } from "./text/template-set.js";

/**
 * The pure middle of qbr-deck: a parsed account and its options in, the analyses and the Decks
 * out. No file, clock or process access — the caller reads templates, theme, logo and "today"
 * and passes them in — so the CLI, the batch workers, the public API, the tests and the benches
 * all run exactly this.
 *
 *   account ─resolveAsOf─▶ asOf ─analyse─▶ current ─analysePrevious─▶ previous ─buildDecks─▶ Deck[]
 */

export interface AnalyzeOptions {
  /** The review date asked for (--as-of); else the account's review.asOf; else `today`. */
  asOf?: IsoDate;
  today: IsoDate;
  /** The previous review date for "what changed"; undefined = one quarter before; null = none. */
  compareTo?: IsoDate | null;
  templates: TemplateSet;
  thresholds?: Thresholds;
  /** The decks to be built; without any that compares with the previous review, it is not analysed. */
  kinds?: readonly DeckKind[];
}

export interface AccountAnalyses {
  /** The account analysed at its review date. */
  current: Analysis;
  /** The same account at the previous review date (titles only), or null for no comparison. */
  previous: Analysis | null;
}

export interface DeckOptions {
  kinds: readonly DeckKind[];
  audiences: readonly Audience[];
  theme: Theme;
  templates: TemplateSet;
  /** The account's logo, already read and checked (see deck/image-info.ts). */
  logo: ImageData | null;
  /** The tool line written as each document's company / creator. */
  producer: string;
  /** Where the figures come from (the internal decks' appendix); null = no appendix. */
  provenance: Provenance | null;
  /** Give customer decks the provenance appendix too. */
  customerAppendix?: boolean;
  /** Customer decks print value ÷ ARR only at or above this multiple (default 1; deck/context.ts). */
  customerRatioMin?: number;
  /** A `--deck` file's settings: the slides each kind and audience leaves out. */
  deckSettings?: DeckSettings;
}

export type PipelineOptions = AnalyzeOptions & DeckOptions;

export interface PipelineResult extends AccountAnalyses {
  /** One deck per kind × audience, kinds outermost, in the order the options list them. */
  decks: Deck[];
}

export function resolveAsOf(account: Account, options: Pick<AnalyzeOptions, "asOf" | "today">): IsoDate {
  return options.asOf ?? account.review.asOf ?? options.today;
}

/** The comparison date, or null when there is none or it is not before the review date. */
export function previousReviewDate(asOf: IsoDate, compareTo: IsoDate | null | undefined): IsoDate | null {
  const date = compareTo === undefined ? addMonths(asOf, -3) : compareTo;
  return date === null || date >= asOf ? null : date;
}

export function analyzeAccount(account: Account, options: AnalyzeOptions): AccountAnalyses {
  const asOf = resolveAsOf(account, options);
  const { templates, thresholds } = options;
  const current = analyseAccount(account, { asOf, templates, thresholds });
  const compares = options.kinds?.some((kind) => DECK_KINDS[kind].comparesWithPrevious) ?? true;
  const previousAsOf = compares ? previousReviewDate(asOf, options.compareTo) : null;
  // The previous analysis is only compared with, so it needs its findings' titles, not their prompts.
  const previous =
    previousAsOf === null
      ? null
      : analyseAccount(account, { asOf: previousAsOf, templates, thresholds, wording: "titles" });
  return { current, previous };
}

export function buildDecks(analyses: AccountAnalyses, options: DeckOptions): Deck[] {
  return options.kinds.flatMap((kind) =>
    options.audiences.map((audience) =>
      buildDeck(analyses.current, {
        audience,
        kind,
        theme: options.theme,
        templates: options.templates,
        logo: options.logo,
        producer: options.producer,
        previous: analyses.previous,
        provenance: options.provenance,
        customerAppendix: options.customerAppendix,
        customerRatioMin: options.customerRatioMin ?? options.deckSettings?.value?.customerRatioMin,
        hide: hiddenSlides(options.deckSettings, kind, audience),
      }),
    ),
  );
}

/** The whole pure pipeline: account → analyses → decks. */
export function accountToDecks(account: Account, options: PipelineOptions): PipelineResult {
  const analyses = analyzeAccount(account, options);
  return { ...analyses, decks: buildDecks(analyses, options) };
}
