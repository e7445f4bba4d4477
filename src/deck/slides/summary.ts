import { EPSILON } from "../../analysis/figures.js";
import type { DeckContext } from "../context.js";
import { SEVERITY_TONE, STATUS_TONE } from "../context.js";
import type { BulletItem, Kpi, Slide } from "../deck-model.js";
import { CONTENT_BOX } from "../geometry.js";
import { columns, rows } from "../layout.js";
import { formatDate, formatMoneyCompact } from "../../text/format.js";

/** KPI tiles every deck opens with: goals on track, value realized, ROI, renewal. */
export function summaryKpis(context: DeckContext): Kpi[] {
  const { analysis } = context;
  const value = analysis.valueRealization;
  const onTrack = value.achieved + value.onTrack;
  const hasValue = value.realizedValue !== null;
  return [
    {
      label: context.text("summary.kpi.goals"),
      value: context.text("summary.kpi.goals.value"),
      detail: context.text("summary.kpi.goals.detail"),
      tone: onTrack === value.goals ? "good" : onTrack * 2 >= value.goals ? "warn" : "bad",
    },
    {
      label: context.text("summary.kpi.value"),
      value: hasValue ? formatMoneyCompact(value.realizedValue, context.currency) : "—",
      detail: context.text(hasValue ? "summary.kpi.value.detail" : "summary.kpi.novalue.detail"),
      tone: "accent",
    },
    ratioKpi(context),
    {
      label: context.text("summary.kpi.renewal"),
      value: formatDate(analysis.account.contract.renewal),
      detail: context.text("summary.kpi.renewal.detail"),
      tone: "neutral",
    },
  ];
}

/**
 * Value ÷ ARR as a multiple ("0.24× ARR"); in a customer deck below customerRatioMin, value
 * delivered against value planned instead (deck/context.ts decides which).
 */
function ratioKpi(context: DeckContext): Kpi {
  const { roi, realizedValue, plannedValue } = context.analysis.valueRealization;
  if (roi !== null && !context.showsRatio) {
    const share = plannedValue ? (realizedValue ?? 0) / plannedValue : null;
    return {
      label: context.text("summary.kpi.planned"),
      value: context.percent(share),
      detail: context.text("summary.kpi.planned.detail"),
      tone: "accent",
    };
  }
  return {
    label: context.text("summary.kpi.roi"),
    value: roi === null ? "—" : context.text("summary.kpi.roi.value"),
    detail: context.text("summary.kpi.roi.detail"),
    tone: roi === null ? "muted" : roi >= 1 - EPSILON ? "good" : "warn",
  };
}

function goalBullets(context: DeckContext): BulletItem[] {
  return context.analysis.goals.map((entry) => ({
    text: context.text("summary.goal", {
      goal: context.goalText(entry),
      statusLabel: context.statusLabel(entry.figures.status),
    }),
    tone: STATUS_TONE[entry.figures.status],
  }));
}

const MAX_SUMMARY_ITEMS = 6;

/** At most `max` items; the rest are counted in a last line so nothing disappears silently. */
export function limitItems(items: BulletItem[], max: number, more: (count: number) => string): BulletItem[] {
  if (items.length <= max) return items;
  return [...items.slice(0, max - 1), { text: more(items.length - max + 1), tone: "muted" }];
}

export function summarySlide(context: DeckContext): Slide {
  const moreGoals = (count: number) => context.text("summary.goals.more", { count });
  const [kpiRow, headlineRow, listRow] = rows(CONTENT_BOX, [1.55, 0.75, "*"], 0.25);
  const blocks: Slide["blocks"] = [
    { kind: "kpis", box: kpiRow!, items: summaryKpis(context) },
    {
      kind: "text",
      box: headlineRow!,
      text: context.text(context.isInternal ? "summary.headline.internal" : "summary.headline.customer"),
      style: "lead",
    },
  ];
  const goals = goalBullets(context);
  if (context.isInternal && context.analysis.findings.length > 0) {
    const [left, right] = columns(listRow!, [1, 1]);
    blocks.push({
      kind: "bullets",
      box: left!,
      heading: context.text("summary.goals.heading"),
      items: limitItems(goals, MAX_SUMMARY_ITEMS, moreGoals),
    });
    blocks.push({
      kind: "bullets",
      box: right!,
      heading: context.text("summary.findings.heading"),
      items: limitItems(
        context.analysis.findings.map((finding) => ({
          text: finding.title,
          tone: SEVERITY_TONE[finding.severity],
        })),
        MAX_SUMMARY_ITEMS,
        (count) => context.text("summary.findings.more", { count }),
      ),
    });
  } else {
    blocks.push({
      kind: "bullets",
      box: listRow!,
      heading: context.text("summary.goals.heading"),
      items: limitItems(goals, MAX_SUMMARY_ITEMS + 2, moreGoals),
    });
  }
  const notes = context.isInternal
    ? context.analysis.findings
        .filter((finding) => finding.severity === "high")
        .map((finding) => `${finding.title}: ${finding.summary}`)
        .join("\n")
    : context.text("summary.notes.customer");
  return {
    id: "summary",
    layout: "content",
    title: context.text("summary.title"),
    subtitle: context.text("summary.subtitle"),
    blocks,
    notes,
  };
}
