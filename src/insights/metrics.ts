/**
 * The arithmetic of a backtest, on counts only: how often a warning was right (precision), how
 * many losses it caught (recall), how much better than guessing it did (lift), and how well a
 * score ranks the lost accounts above the kept ones (ROC AUC). Pure functions; null where a
 * ratio has nothing to divide by, rather than a 0 that would read as a measured failure.
 */

/** Results rounded to three places, as `qbr insights --json` prints them. */
export function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : round3(part / whole);
}

/** Below this many lost or kept accounts, a count says little (issue 17: "fewer than 5"). */
export const SMALL_SAMPLE_BELOW = 5;

export interface Confusion {
  /** Accounts the warning flagged. */
  fired: number;
  /** Flagged and then lost (churned or downsized). */
  firedLost: number;
  /** Flagged and then kept (renewed or expanded). */
  firedKept: number;
}

export interface WarningScore extends Confusion {
  /** firedLost ÷ fired: how often the warning was right. */
  precision: number | null;
  /** firedLost ÷ lost: the share of losses it warned of. */
  recall: number | null;
  /** precision ÷ (lost ÷ accounts with an outcome): 1 is no better than picking accounts at random. */
  lift: number | null;
}

export function scoreWarning(confusion: Confusion, totals: { lost: number; kept: number }): WarningScore {
  const { fired, firedLost } = confusion;
  const precision = fired === 0 ? null : firedLost / fired;
  const baseRate = totals.lost + totals.kept === 0 ? 0 : totals.lost / (totals.lost + totals.kept);
  return {
    ...confusion,
    precision: precision === null ? null : round3(precision),
    recall: ratio(firedLost, totals.lost),
    lift: precision === null || baseRate === 0 ? null : round3(precision / baseRate),
  };
}

/**
 * ROC AUC of `score` for telling lost from kept: the chance that a lost account scores above a
 * kept one, ties counting half (the Mann–Whitney U statistic ÷ pairs). 0.5 is a coin toss. Null
 * without at least one lost and one kept account.
 */
export function rocAuc(lostScores: readonly number[], keptScores: readonly number[]): number | null {
  if (lostScores.length === 0 || keptScores.length === 0) return null;
  let wins = 0;
  for (const lost of lostScores) {
    for (const kept of keptScores) wins += lost > kept ? 1 : lost === kept ? 0.5 : 0;
  }
  return round3(wins / (lostScores.length * keptScores.length));
}
