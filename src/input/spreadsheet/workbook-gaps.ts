import type { Account } from "../account-schema.js";

/**
 * The keys of an account that the portfolio workbook has no columns for (the storyline of
 * docs/deck-storyline.md, competitors, classified stated reasons). `qbr export -o plans.xlsx`
 * names them rather than drop them silently: they stay in the account file only.
 */
export function workbookGaps(account: Account): string[] {
  const { review } = account;
  const gaps: [boolean, string][] = [
    [review.summary !== undefined, "review.summary"],
    [review.agenda !== undefined, "review.agenda"],
    [review.highlights.length > 0, "review.highlights"],
    [review.asks.length > 0, "review.asks"],
    [review.commitments.length > 0, "review.commitments"],
    [review.hide.length > 0, "review.hide"],
    [review.cadence !== undefined, "review.cadence"],
    [review.firstReview !== undefined, "review.firstReview"],
    [account.roadmap.length > 0, "roadmap"],
    [(account.account.competitors ?? []).length > 0, "account.competitors"],
    [account.statedReasons.some((reason) => typeof reason !== "string"), "statedReasons[].category"],
  ];
  return gaps.filter(([present]) => present).map(([, key]) => key);
}
