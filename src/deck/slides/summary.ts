import { EPSILON } from "../../analysis/figures.js";
import type { DeckContext } from "../context.js";
import { SEVERITY_TONE, STATUS_TONE } from "../context.js";
import type { BulletItem, Box, Kpi, Slide } from "../deck-model.js";
import { CONTENT_BOX, FONT_SIZES } from "../geometry.js";
import { columns, estimateLines, rows } from "../layout.js";
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
      achieved: entry.figures.status === "achieved",
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

/** The CSM's own summary (`review.summary`), verbatim, sized to its text: lead type when it is short. */
function ownSummary(text: string): { height: number; style: "lead" | "body" } {
  const leadLines = estimateLines(text, CONTENT_BOX.w, FONT_SIZES.lead);
  if (leadLines <= 2) return { height: 0.2 + leadLines * 0.34, style: "lead" };
  const bodyLines = estimateLines(text, CONTENT_BOX.w, FONT_SIZES.body);
  return { height: Math.min(1.5, 0.15 + bodyLines * 0.27), style: "body" };
}

/**
 * The internal summary leads with one risk — the top-ranked finding (risk-score.ts) — and the
 * play recommended for it; the other findings are counted, not listed, so the counts printed
 * add up to the findings (the headline gives them by severity).
 */
function topRiskItems(context: DeckContext): BulletItem[] {
  const [top, ...rest] = context.analysis.findings;
  if (!top) return [];
  const items: BulletItem[] = [
    { text: context.text("summary.toprisk", { finding: top }), tone: SEVERITY_TONE[top.severity] },
  ];
  if (top.play) items.push({ text: context.text("summary.play", { finding: top }), tone: "accent" });
  if (rest.length > 0) {
    items.push({ text: context.text("summary.findings.more", { count: rest.length }), tone: "muted" });
  }
  return items;
}

/** Speaker notes: the top risk with its evidence and play, then the other high findings. */
function internalNotes(context: DeckContext): string {
  const [top, ...rest] = context.analysis.findings;
  if (!top) return "";
  const lead = [`${context.text("summary.toprisk", { finding: top })} — ${top.summary}`];
  if (top.play) lead.push(context.text("summary.play", { finding: top }));
  const others = rest
    .filter((finding) => finding.severity === "high")
    .map((finding) => `${finding.title}: ${finding.summary}`);
  return [...lead, ...others].join("\n");
}

export function summarySlide(context: DeckContext): Slide {
  const moreGoals = (count: number) => context.text("summary.goals.more", { count });
  const own = context.analysis.account.review.summary;
  const headline: Slide["blocks"][number] = {
    kind: "text",
    box: CONTENT_BOX,
    text: context.text(context.isInternal ? "summary.headline.internal" : "summary.headline.customer"),
    style: "lead",
  };
  let blocks: Slide["blocks"];
  let listRow: Box;
  let maxItems = MAX_SUMMARY_ITEMS;
  if (own === undefined) {
    const [kpiRow, headlineRow, list] = rows(CONTENT_BOX, [1.55, 0.75, "*"], 0.25);
    blocks = [
      { kind: "kpis", box: kpiRow!, items: summaryKpis(context) },
      { ...headline, box: headlineRow! },
    ];
    listRow = list!;
  } else {
    // The summary leads; a customer deck then drops the generated headline (the tiles say the
    // same), an internal deck keeps it for the risk it states.
    const { height, style } = ownSummary(own);
    const heights: (number | "*")[] = context.isInternal ? [height, 1.4, 0.6, "*"] : [height, 1.4, "*"];
    const [summaryRow, kpiRow, ...rest] = rows(CONTENT_BOX, heights, 0.2);
    blocks = [
      { kind: "text", box: summaryRow!, text: own, style },
      { kind: "kpis", box: kpiRow!, items: summaryKpis(context) },
    ];
    if (context.isInternal) blocks.push({ ...headline, box: rest[0]!, style: "body" });
    listRow = rest.at(-1)!;
    maxItems = MAX_SUMMARY_ITEMS - 2;
  }
  const goals = goalBullets(context);
  if (context.isInternal && context.analysis.findings.length > 0) {
    const [left, right] = columns(listRow, [1, 1]);
    blocks.push({
      kind: "bullets",
      box: left!,
      heading: context.text("summary.goals.heading"),
      items: limitItems(goals, maxItems, moreGoals),
    });
    blocks.push({
      kind: "bullets",
      box: right!,
      heading: context.text("summary.findings.heading"),
      items: topRiskItems(context),
    });
  } else {
    blocks.push({
      kind: "bullets",
      box: listRow,
      heading: context.text("summary.goals.heading"),
      items: limitItems(goals, maxItems + 2, moreGoals),
    });
  }
  const notes = context.isInternal ? internalNotes(context) : context.text("summary.notes.customer");
  return {
    id: "summary",
    layout: "content",
    title: context.text("summary.title"),
    subtitle: context.text("summary.subtitle"),
    blocks,
    notes,
  };
}
