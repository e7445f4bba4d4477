import type { IsoDate } from "../dates.js";
import type { GoalAnalysis } from "./rules/rule.js";

/**
 * Words that say nothing about *what* a stated reason is about: function words and the
 * vocabulary of complaints themselves ("missing", "need"). What is left — "POS", "carrier",
 * "replenishment" — is what a task or a goal in the account file can share with the reason.
 */
const STOP_WORDS = new Set(
  (
    "a an and are as at be been but by can cannot could did do does doesn don for from get gets had has have " +
    "how in into is it its just lack lacks lacking let like make many may missing more most much need needs " +
    "no not now of on one or our ours out over own so some something such than that the their them then there " +
    "these they this those through too up us very want wants was we were what when where which while who why " +
    "will with without would you your yet also again already still only other others same similar really"
  ).split(" "),
);

/** Lower-case words of three letters or more, stop words removed, a plural "s" dropped. */
export function significantWords(text: string): Set<string> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return new Set(
    words
      .filter((word) => word.length >= 3 && !STOP_WORDS.has(word))
      .map((word) =>
        word.length > 4 && word.endsWith("s") && !word.endsWith("ss") ? word.slice(0, -1) : word,
      ),
  );
}

/** A task or goal of the account file that a stated reason names. */
export interface RelatedItem {
  kind: "task" | "goal";
  title: string;
  /** The goal's title (the task's goal, or the goal itself). */
  goal: string;
  due: IsoDate | null;
  overdue: boolean;
  /** The significant words the reason and the item share. */
  sharedWords: string[];
}

function shared(reason: Set<string>, text: string): string[] {
  return [...significantWords(text)].filter((word) => reason.has(word));
}

/**
 * The open task (overdue first), else the goal, that shares the most significant words with the
 * reason; null when none shares any. Ties keep the account file's order.
 */
export function relatedItem(
  reason: string,
  goals: readonly GoalAnalysis[],
  asOf: IsoDate,
): RelatedItem | null {
  const words = significantWords(reason);
  if (words.size === 0) return null;
  const candidates: RelatedItem[] = [];
  for (const { goal } of goals) {
    for (const task of goal.tasks) {
      if (task.done) continue;
      const sharedWords = shared(words, task.title);
      if (sharedWords.length === 0) continue;
      const due = task.due ?? null;
      candidates.push({
        kind: "task",
        title: task.title,
        goal: goal.title,
        due,
        overdue: due !== null && due < asOf,
        sharedWords,
      });
    }
  }
  for (const { goal } of goals) {
    const sharedWords = shared(words, `${goal.title} ${goal.metric.name}`);
    if (sharedWords.length > 0) {
      candidates.push({
        kind: "goal",
        title: goal.title,
        goal: goal.title,
        due: null,
        overdue: false,
        sharedWords,
      });
    }
  }
  const score = (item: RelatedItem) =>
    item.sharedWords.length * 4 + (item.kind === "task" ? 2 : 0) + (item.overdue ? 1 : 0);
  return candidates.reduce<RelatedItem | null>(
    (best, item) => (best === null || score(item) > score(best) ? item : best),
    null,
  );
}
