import type { DeckContext } from "../context.js";
import type { BulletsBlock, Slide } from "../deck-model.js";
import { CONTENT_BOX, FONT_SIZES } from "../geometry.js";
import { columns, estimateLines, paginate } from "../layout.js";
import { questionNotes } from "./notes.js";

const PROMPTS_PER_GOAL = 3;
const PROMPTS_FOR_ACCOUNT = 4;
/** Lines of bullet text one column holds at the bullet size (renderers shrink what is left over). */
const COLUMN_CAPACITY_LINES = 19;
const GROUP_GAP = 0.2;

interface Group {
  heading: string;
  prompts: string[];
  weight: number;
}

/** Root-cause questions grouped by goal, then across the account; continues on more slides. */
export function discussionSlides(context: DeckContext): Slide[] {
  const [leftColumn] = columns(CONTENT_BOX, [1, 1]);
  const width = leftColumn!.w - 0.35;
  const weigh = (heading: string, prompts: string[]) =>
    1.3 +
    prompts.reduce((sum, prompt) => sum + estimateLines(prompt, width, FONT_SIZES.bullet), 0) +
    0.4 +
    heading.length / 200;
  const groups: Group[] = [];
  for (const entry of context.analysis.goals) {
    const prompts = context.goalPrompts(entry).slice(0, PROMPTS_PER_GOAL);
    if (prompts.length > 0)
      groups.push({ heading: entry.goal.title, prompts, weight: weigh(entry.goal.title, prompts) });
  }
  const accountPrompts = context.accountPrompts().slice(0, PROMPTS_FOR_ACCOUNT);
  if (accountPrompts.length > 0) {
    const heading = context.text("discussion.account.heading");
    groups.push({ heading, prompts: accountPrompts, weight: weigh(heading, accountPrompts) });
  }
  const columnPages = paginate(groups, COLUMN_CAPACITY_LINES, (group) => group.weight);
  const slidePages = paginate(columnPages, 2);
  const title = context.text("discussion.title");
  const subtitle = context.text(
    context.isInternal ? "discussion.subtitle.internal" : "discussion.subtitle.customer",
  );
  return slidePages.map((slideColumns, index) => {
    const boxes = columns(CONTENT_BOX, [1, 1]);
    const blocks: BulletsBlock[] = slideColumns.flatMap((columnGroups, columnIndex) => {
      const box = boxes[columnIndex]!;
      const totalWeight = columnGroups.reduce((sum, group) => sum + group.weight, 0);
      const free = box.h - GROUP_GAP * (columnGroups.length - 1);
      // A column that is not full keeps natural heights instead of stretching its groups.
      const scale = Math.min(free / totalWeight, free / COLUMN_CAPACITY_LINES);
      let y = box.y;
      return columnGroups.map((group) => {
        const h = group.weight * scale;
        const block: BulletsBlock = {
          kind: "bullets",
          box: { x: box.x, y, w: box.w, h },
          heading: group.heading,
          items: group.prompts.map((text) => ({ text })),
        };
        y += h + GROUP_GAP;
        return block;
      });
    });
    const shown = slideColumns.flat();
    return {
      id: "discussion",
      layout: "content",
      title: index === 0 ? title : `${title} ${context.text("continued")}`,
      subtitle,
      blocks,
      notes: shown.map((group) => questionNotes(`${group.heading}:`, group.prompts)).join("\n\n"),
    };
  });
}
