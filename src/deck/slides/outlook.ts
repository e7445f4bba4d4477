import type { DeckContext } from "../context.js";
import type { BulletItem, Kpi, Slide } from "../deck-model.js";
import { CONTENT_BOX } from "../geometry.js";
import { columns, rows } from "../layout.js";
import { formatDate, formatValue } from "../../text/format.js";
import { roleLabel, statusLabel } from "./stakeholders.js";
import { limitItems } from "./summary.js";
import type { HealthLabel } from "../../input/account-schema.js";
import type { Tone } from "../deck-model.js";

const HEALTH_TONES: Record<HealthLabel, Tone> = { green: "good", yellow: "warn", red: "bad" };

/** Internal only: the inside-out signals, the renewal outlook, stakeholders, external risks, notes. */
export function outlookSlide(context: DeckContext): Slide {
  const { account } = context.analysis;
  const { healthScore, nps, csat, usage } = account.signals;
  const kpis: Kpi[] = [];
  if (typeof healthScore === "string")
    kpis.push({
      label: context.text("outlook.kpi.health"),
      value: healthScore,
      tone: HEALTH_TONES[healthScore],
    });
  else if (healthScore)
    kpis.push({
      label: context.text("outlook.kpi.health"),
      value: `${formatValue(healthScore.value)} / ${formatValue(healthScore.max)}`,
    });
  if (typeof nps === "number")
    kpis.push({ label: context.text("outlook.kpi.nps"), value: `${formatValue(nps)} / 10` });
  // An NPS score (-100 to 100) has no "out of": the number alone, as CS platforms show it.
  else if (nps) kpis.push({ label: context.text("outlook.kpi.nps"), value: formatValue(nps.score) });
  if (csat)
    kpis.push({
      label: context.text("outlook.kpi.csat"),
      value: `${formatValue(csat.value)} / ${formatValue(csat.max)}`,
    });
  if (usage)
    kpis.push({ label: context.text("outlook.kpi.usage"), value: formatValue(usage.activeUsersPct, "%") });
  if (kpis.length === 0) kpis.push({ label: context.text("outlook.nosignals"), value: "—", tone: "muted" });

  const [kpiRow, lower] = rows(CONTENT_BOX, [1.45, "*"], 0.3);
  const [renewalBox, peopleBox, notesBox] = columns(lower!, [1, 1, 1]);
  const renewal: BulletItem[] = [
    { text: context.text("outlook.renewal.date") },
    {
      text: context.text("outlook.renewal.risk"),
      tone:
        context.analysis.riskLevel === "high"
          ? "bad"
          : context.analysis.riskLevel === "medium"
            ? "warn"
            : "good",
    },
  ];
  if (context.analysis.valueRealization.roi !== null)
    renewal.push({ text: context.text("outlook.renewal.value") });
  for (const risk of account.externalRisks)
    renewal.push({ text: `${context.text("outlook.external.heading")}: ${risk}`, tone: "warn" });
  const people = account.stakeholders.map((person) => ({
    text: context.text("outlook.stakeholder", {
      facts: {
        name: person.name,
        role: roleLabel(context, person),
        status: statusLabel(context, person),
        lastContact: person.lastContact ? formatDate(person.lastContact) : "",
      },
    }),
    tone: person.status === "left" ? ("bad" as const) : ("neutral" as const),
  }));
  const blocks: Slide["blocks"] = [
    { kind: "kpis", box: kpiRow!, items: kpis },
    {
      kind: "bullets",
      box: renewalBox!,
      heading: context.text("outlook.renewal.heading"),
      items: limitItems(renewal, 6, (count) => context.text("more", { count })),
    },
    {
      kind: "bullets",
      box: peopleBox!,
      heading: context.text("outlook.stakeholders.heading"),
      items:
        people.length > 0
          ? limitItems(people, 6, (count) => context.text("more", { count }))
          : [{ text: context.text("outlook.stakeholders.none"), tone: "bad" }],
    },
  ];
  if (account.internalNotes?.trim()) {
    blocks.push({
      kind: "text",
      box: { ...notesBox!, y: notesBox!.y, h: 0.4 },
      text: context.text("outlook.notes.heading"),
      style: "heading",
    });
    blocks.push({
      kind: "text",
      box: { ...notesBox!, y: notesBox!.y + 0.5, h: notesBox!.h - 0.5 },
      text: account.internalNotes.trim(),
      style: "body",
    });
  }
  return {
    id: "outlook",
    layout: "content",
    title: context.text("outlook.title"),
    subtitle: context.text("outlook.subtitle"),
    blocks,
    notes: account.internalNotes?.trim()
      ? `${context.text("outlook.notes.heading")}: ${account.internalNotes.trim()}`
      : "",
  };
}
