import type { Analysis, Finding } from "../../analysis/analyse-account.js";
import type { DeckContext } from "../context.js";
import { SEVERITY_TONE, STATUS_TONE } from "../context.js";
import type { BulletItem, Slide, TableCell } from "../deck-model.js";
import { CONTENT_BOX } from "../geometry.js";
import { columns, rows } from "../layout.js";
import { formatDate, formatPointsChange } from "../../text/format.js";
import { limitItems } from "./summary.js";
import { tablePages } from "./table-pages.js";

/**
 * "What changed since the last review": the same account analysed at the previous review date
 * (actuals are a time series, so the past is recomputable). Customers see progress and the tasks
 * that slipped since; the internal deck also lists findings that are new or resolved.
 */

/** What tells apart two findings of one rule, goal and variant: the text they quote, if any. */
function quotedText(finding: Finding): string {
  switch (finding.rule) {
    case "proxy-reason":
      return finding.evidence.reason;
    case "external-risk":
      return finding.evidence.risk;
    default:
      return "";
  }
}

const findingKey = (finding: Finding) =>
  [finding.rule, finding.goal ?? "", finding.variant ?? "", JSON.stringify(quotedText(finding))].join("|");

export function findingChanges(
  previous: Analysis,
  current: Analysis,
): { added: Finding[]; resolved: Finding[] } {
  const before = new Set(previous.findings.map(findingKey));
  const after = new Set(current.findings.map(findingKey));
  return {
    added: current.findings.filter((finding) => !before.has(findingKey(finding))),
    resolved: previous.findings.filter((finding) => !after.has(findingKey(finding))),
  };
}

function attainmentText(context: DeckContext, value: number | null): string {
  return value === null ? "—" : context.percent(value);
}

export function changesSlides(context: DeckContext, previous: Analysis): Slide[] {
  const current = context.analysis;
  const since = formatDate(previous.asOf);
  const rowsData = current.goals.map((entry, index): TableCell[] => {
    const before = previous.goals[index]!.figures;
    const now = entry.figures;
    const delta =
      now.attainment !== null && before.attainment !== null ? now.attainment - before.attainment : null;
    // Attainment is a share of the way to target, so its change is in percentage points.
    const deltaText = delta === null ? "—" : formatPointsChange(delta);
    return [
      { text: entry.goal.title, bold: true },
      { text: attainmentText(context, before.attainment) },
      { text: attainmentText(context, now.attainment) },
      {
        text: deltaText,
        tone:
          delta === null
            ? "muted"
            : deltaText === formatPointsChange(0)
              ? "neutral"
              : delta > 0
                ? "good"
                : "bad",
      },
      { text: context.statusLabel(before.status), tone: STATUS_TONE[before.status] },
      {
        text: context.statusLabel(now.status),
        tone: STATUS_TONE[now.status],
        bold: before.status !== now.status,
      },
    ];
  });
  const slipped: BulletItem[] = current.goals.flatMap(({ figures }) =>
    figures.tasks.overdueTasks
      .filter((task) => task.due !== undefined && task.due >= previous.asOf)
      .map((task) => ({ text: context.text("goal.task.overdue", { task }), tone: "bad" as const })),
  );
  const lowerBlocks: Slide["blocks"] = [];
  const tableHeight = Math.min(3.1, 0.55 * (rowsData.length + 1));
  const [, lower] = rows(CONTENT_BOX, [tableHeight, "*"], 0.3);
  if (context.isInternal) {
    const { added, resolved } = findingChanges(previous, current);
    const [left, right] = columns(lower!, [1, 1]);
    const itemsOf = (findings: Finding[], empty: string) =>
      findings.length === 0
        ? [{ text: empty, tone: "muted" as const }]
        : limitItems(
            findings.map((finding) => ({ text: finding.title, tone: SEVERITY_TONE[finding.severity] })),
            5,
            (count) => context.text("more", { count }),
          );
    lowerBlocks.push(
      {
        kind: "bullets",
        box: left!,
        heading: context.text("changes.new.heading", { since }),
        items: itemsOf(added, context.text("changes.none")),
      },
      {
        kind: "bullets",
        box: right!,
        heading: context.text("changes.resolved.heading", { since }),
        items: itemsOf(resolved, context.text("changes.none")),
      },
    );
  } else {
    lowerBlocks.push({
      kind: "bullets",
      box: lower!,
      heading: context.text("changes.slipped.heading", { since }),
      items:
        slipped.length === 0
          ? [{ text: context.text("changes.slipped.none"), tone: "good" }]
          : limitItems(slipped, 5, (count) => context.text("more", { count })),
    });
  }
  const oneSlide = rowsData.length <= 4;
  const slides = tablePages(context, {
    id: "changes",
    title: context.text("changes.title", { since }),
    subtitle: context.text("changes.subtitle", { since }),
    columns: [
      { header: context.text("scorecard.col.goal"), align: "left", width: 4 },
      { header: context.text("changes.col.then", { since }), align: "right", width: 1.6 },
      { header: context.text("changes.col.now"), align: "right", width: 1.6 },
      { header: context.text("changes.col.delta"), align: "right", width: 1.3 },
      { header: context.text("changes.col.statusThen"), align: "center", width: 1.7 },
      { header: context.text("changes.col.statusNow"), align: "center", width: 1.7 },
    ],
    rows: rowsData,
    notes: context.text("changes.notes", { since }),
    rowsPerSlide: 8,
  });
  if (oneSlide) {
    const [first] = slides;
    const table = first!.blocks[0]!;
    return [{ ...first!, blocks: [{ ...table, box: { ...table.box, h: tableHeight } }, ...lowerBlocks] }];
  }
  // Many goals: the table gets its own slides and the lists follow on one more slide.
  return [
    ...slides,
    {
      id: "changes",
      layout: "content",
      title: context.text("changes.title", { since }),
      blocks: lowerBlocks.map((block) => ({
        ...block,
        box: { ...block.box, y: CONTENT_BOX.y, h: CONTENT_BOX.h },
      })),
      notes: context.text("changes.notes", { since }),
    },
  ];
}
