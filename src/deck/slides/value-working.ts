import type { GoalAnalysis } from "../../analysis/rules/rule.js";
import { formatMoney, formatValue } from "../../text/format.js";
import type { DeckContext } from "../context.js";
import type { Box, TableBlock, TextBlock } from "../deck-model.js";
import { rows } from "../layout.js";

/** The heading's height above the table. */
const HEADING_HEIGHT = 0.35;

/**
 * How each goal's value is counted, beside a chart of a few goals: baseline → latest measurement,
 * the agreed value per unit, and the value realized. The chart shows how much; this shows why,
 * in the figures the sponsor agreed to, so the number can be defended in their leadership meeting.
 */
export function valueWorking(
  context: DeckContext,
  box: Box,
  goals: readonly GoalAnalysis[],
): [TextBlock, TableBlock] {
  const [headingBox, tableBox] = rows(box, [HEADING_HEIGHT, "*"], 0.05);
  const unitText = (value: number | null, unit: string | undefined) =>
    value === null ? context.text("value.working.unmeasured") : formatValue(value, unit);
  return [
    {
      kind: "text",
      box: headingBox!,
      text: context.text("value.working.heading"),
      style: "heading",
    },
    {
      kind: "table",
      box: tableBox!,
      columns: [
        { header: context.text("value.working.col.goal"), align: "left", width: 3 },
        { header: context.text("value.working.col.measured"), align: "left", width: 2.3 },
        { header: context.text("value.working.col.basis"), align: "left", width: 2.2 },
        { header: context.text("value.working.col.realized"), align: "right", width: 2 },
      ],
      rows: goals.map(({ goal, figures }) => {
        const basis = figures.valueBasis;
        return [
          { text: goal.title, bold: true },
          {
            text: context.text("value.working.measured", {
              facts: {
                baseline: unitText(goal.baseline.value, goal.metric.unit),
                latest: unitText(figures.latestActual?.value ?? null, goal.metric.unit),
              },
            }),
          },
          {
            text: basis
              ? context.text(`value.working.basis.${basis.per}`, {
                  facts: {
                    perUnit: formatMoney(basis.perUnit, context.currency),
                    // The factor the calculation used (PERIODS_PER_YEAR), so the wording cannot drift from it.
                    periodsPerYear: String(basis.periodsPerYear),
                  },
                })
              : "—",
          },
          {
            // Null for a valued goal not measured since its baseline: said in words, never "n/a".
            text:
              figures.realizedValue === null
                ? context.text("value.working.unrealized")
                : formatMoney(figures.realizedValue, context.currency),
            bold: true,
          },
        ];
      }),
    },
  ];
}
