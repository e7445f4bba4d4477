import { quarterLabel } from "../../dates.js";
import { formatCount } from "../../text/format.js";
import { sanitizeTree } from "../../text/sanitize.js";
import type { TemplateSet } from "../../text/template-set.js";
import type { Deck, Theme } from "../deck-model.js";
import type { Portfolio } from "../portfolio-model.js";
import {
  failedSlides,
  ownerSlides,
  portfolioCoverSlide,
  portfolioOverviewSlide,
  rankingSlides,
  watermelonSlides,
  type PortfolioText,
} from "../slides/portfolio.js";

export interface PortfolioDeckOptions {
  theme: Theme;
  templates: TemplateSet;
  /** The tool line written as the document's company / creator. */
  producer: string;
}

/**
 * The portfolio deck for CS leadership, as a renderer-neutral Deck. Not an account deck (it is
 * built from a run's manifest, not from an analysis), so not in DECK_KINDS; internal by nature,
 * since it shows risk levels. Its texts (file names and error messages too) go under the one text rule.
 */
export function buildPortfolioDeck(portfolio: Portfolio, options: PortfolioDeckOptions): Deck {
  const count = portfolio.accounts.length;
  const base = { asOf: portfolio.asOf, accountsCount: count, accountsTotal: formatCount(count) };
  const text: PortfolioText = (key, extra = {}) => {
    const template = options.templates.deck[key];
    if (!template) throw new Error(`deck text "${key}" is missing from the templates`);
    return template({ ...base, ...extra });
  };
  const name = text("portfolio.name");
  return sanitizeTree({
    meta: {
      title: text("portfolio.title"),
      subject: text("portfolio.subject"),
      author: "",
      company: options.producer,
      keywords: text("portfolio.keywords").split(/\s*,\s*/),
      language: "en",
      audience: "internal",
      // The deck model knows account-deck kinds only; the portfolio is about renewals.
      kind: "renewal",
      accountName: name,
      periodLabel: quarterLabel(portfolio.asOf),
      asOf: portfolio.asOf,
      footer: text("portfolio.footer"),
      classification: text("classification.internal"),
    },
    theme: options.theme,
    logo: null,
    slides: [
      portfolioCoverSlide(text),
      portfolioOverviewSlide(text, portfolio),
      ...watermelonSlides(text, portfolio),
      ...rankingSlides(text, portfolio),
      ...ownerSlides(text, portfolio),
      ...failedSlides(text, portfolio),
    ],
  });
}
