import type { Finding } from "../../analysis/analyse-account.js";
import type { RuleName } from "../../analysis/thresholds.js";
import type { DeckContext } from "../context.js";
import type { Slide, TableCell } from "../deck-model.js";
import { CONTENT_BOX } from "../geometry.js";
import { rows } from "../layout.js";
import { findingNotes } from "./notes.js";

/**
 * What the rules check, grouped as a CSM would say it, outcomes first: sponsors renew on results
 * and value, so those lead and the scores (health, NPS, usage) come after, read against them.
 * Every rule is in exactly one group (test/deck-quality.test.ts), so a new rule must be placed.
 */
export const RISK_CHECKS: readonly { id: string; rules: readonly RuleName[] }[] = [
  { id: "outcomes", rules: ["goal-behind-plan", "goal-forecast-miss"] },
  { id: "value", rules: ["roi-below-cost"] },
  { id: "sponsor", rules: ["sponsor-gap"] },
  { id: "data", rules: ["no-outcome-data", "stale-outcome-data"] },
  { id: "tasks", rules: ["tasks-overdue"] },
  { id: "signals", rules: ["watermelon", "usage-without-value", "low-adoption"] },
  { id: "reasons", rules: ["proxy-reason", "external-risk"] },
  { id: "renewal", rules: ["renewal-at-risk"] },
];

/** The headline's height above the checks table. */
const HEADLINE_HEIGHT = 0.55;

/**
 * Internal only: the risks slide of a healthy account (no high or medium finding). Rather than one
 * line on an empty page, it says what was checked and what each check found, so the CSM can tell
 * "nothing wrong" from "nothing looked at"; low findings stay visible on their check's row. A rule
 * switched off with `--rules` found nothing because it did not look: its check's row says so
 * rather than claim the check passed.
 */
export function cleanRiskSlide(context: DeckContext): Slide {
  const { findings, account, goals, thresholds } = context.analysis;
  const sponsor = account.stakeholders.find(
    (person) => person.role === "executive-sponsor" && person.status !== "left",
  );
  const measuredDaysAgo = goals.map(({ figures }) => figures.daysSinceLatestActual);
  const health = {
    sponsor: sponsor ? { name: sponsor.name, lastContact: sponsor.lastContact ?? null } : null,
    oldestMeasurementDays: measuredDaysAgo.every((days) => days !== null)
      ? Math.max(0, ...measuredDaysAgo)
      : null,
    lowCount: findings.length,
    lowTitles: [] as string[],
    offRules: [] as string[],
    checkedRules: [] as string[],
  };
  const isOn = (rule: RuleName) => thresholds.rules[rule].enabled;
  const anyOff = RISK_CHECKS.some(({ rules }) => !rules.every(isOn));
  /** What a check found: its low findings, else that it did not (fully) look, else its clean wording. */
  const foundCell = (id: string, rules: readonly RuleName[]): TableCell => {
    const found = findings.filter((finding) => rules.includes(finding.rule));
    const onRow = {
      ...health,
      offRules: rules.filter((rule) => !isOn(rule)),
      checkedRules: rules.filter(isOn),
    };
    if (found.length > 0) {
      const lowTitles = found.map((finding) => finding.title);
      return { text: context.text("risks.check.low", { health: { ...onRow, lowTitles } }), tone: "warn" };
    }
    if (onRow.offRules.length > 0)
      return { text: context.text("risks.check.off", { health: onRow }), tone: "muted" };
    return { text: context.text(`risks.check.${id}.clean`, { health }), tone: "good" };
  };
  const checkRows = RISK_CHECKS.map(({ id, rules }): TableCell[] => [
    { text: context.text(`risks.check.${id}`), bold: true },
    foundCell(id, rules),
  ]);
  const headline = findings.length > 0 ? "risks.clean.lows" : anyOff ? "risks.none.partly" : "risks.none";
  const [headlineBox, tableBox] = rows(CONTENT_BOX, [HEADLINE_HEIGHT, "*"], 0.2);
  return {
    id: "risks",
    layout: "content",
    title: context.text("risks.title"),
    subtitle: context.text("risks.clean.subtitle"),
    blocks: [
      {
        kind: "text",
        box: headlineBox!,
        text: context.text(headline, { health }),
        style: "lead",
        tone: "good",
      },
      {
        kind: "table",
        box: tableBox!,
        columns: [
          { header: context.text("risks.clean.col.check"), align: "left", width: 3.4 },
          { header: context.text("risks.clean.col.found"), align: "left", width: 8.1 },
        ],
        rows: checkRows,
      },
    ],
    notes: findings.length === 0 ? context.text("risks.clean.notes") : findingNotes(context, findings),
  };
}

/** Whether the account is healthy enough for the clean risks slide: nothing above low. */
export function onlyLowFindings(findings: readonly Finding[]): boolean {
  return findings.every((finding) => finding.severity === "low");
}
