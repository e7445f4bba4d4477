#!/usr/bin/env node
// The baseline the batch is measured against: comparable decks written straight with pptxgenjs
// and pdfkit, one account after another in a single process, with none of qbr-deck's pipeline
// (no validation, findings, templates, text fitting or reproducible post-processing).
// Bench-only code: nothing in src/ may do this.
//
//   node bench/raw-baseline.mjs <accounts-dir> <out-dir> <pptx|pdf>
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import PptxGenJS from "pptxgenjs";
import { parse } from "yaml";
import { openPdf, writeContentPdf, writeContentPptx } from "./raw-content.mjs";

function attainment(goal) {
  const latest = goal.actuals?.at(-1);
  if (!latest) return null;
  return (latest.value - goal.baseline.value) / (goal.target.value - goal.baseline.value);
}

function percent(value) {
  return value === null ? "n/a" : `${Math.round(value * 100)}%`;
}

/**
 * The slides both formats draw, one list so the two match: as many slides as a qbr-deck internal
 * QBR has for the account (cover, summary, scorecard, a chart per goal, value, risks, reasons,
 * outlook, discussion, next steps, changes, appendix), with tables, bullets and charts.
 */
function slidesOf(account) {
  const goals = account.goals;
  const scorecard = goals.map((goal) => [
    goal.title,
    String(goal.baseline.value),
    String(goal.target.value),
    String(goal.actuals?.at(-1)?.value ?? "—"),
    percent(attainment(goal)),
  ]);
  const behind = goals.filter((goal) => (attainment(goal) ?? 0) < 0.7);
  const bullets = (title, items) => ({ title, bullets: items.length > 0 ? items : ["—"] });
  const table = (title, header, rows) => ({ title, table: [header, ...rows] });
  return [
    { title: account.account.name, cover: true },
    bullets(
      "Executive summary",
      goals.map((goal) => `${goal.title}: ${percent(attainment(goal))} of target`),
    ),
    table("Goals scorecard", ["Goal", "Baseline", "Target", "Actual", "Attainment"], scorecard),
    ...goals.map((goal) => ({
      title: goal.title,
      chart: goal,
      bullets: (goal.tasks ?? []).map((task) => task.title),
    })),
    {
      title: "Value realized",
      bars: goals.filter((goal) => goal.value).map((goal) => [goal.title, goal.value.perUnit]),
    },
    bullets(
      "Hidden risks",
      behind.map((goal) => `${goal.title} is behind plan while signals look green`),
    ),
    table(
      "Risk findings",
      ["Finding", "Severity", "Evidence"],
      behind.map((goal) => [goal.title, "high", percent(attainment(goal))]),
    ),
    bullets("Stated reasons", account.statedReasons ?? []),
    bullets("Renewal outlook", [
      `Renewal on ${account.contract.renewal}`,
      `ARR ${account.contract.arr} ${account.contract.currency}`,
    ]),
    bullets(
      "Discussion",
      goals.map((goal) => `Which task is blocking ${goal.title}, and who owns it?`),
    ),
    bullets(
      "Next steps",
      goals.flatMap((goal) => (goal.tasks ?? []).filter((task) => !task.done).map((task) => task.title)),
    ),
    table(
      "What changed",
      ["Goal", "Then", "Now"],
      goals.map((goal) => [goal.title, "—", percent(attainment(goal))]),
    ),
    table(
      "Appendix: data used",
      ["Goal", "Baseline", "Plan", "Actuals"],
      goals.map((goal) => [
        goal.title,
        `${goal.baseline.value} on ${goal.baseline.date}`,
        (goal.plan ?? []).map((point) => `${point.value} on ${point.date}`).join(", "),
        (goal.actuals ?? []).map((point) => `${point.value} on ${point.date}`).join(", "),
      ]),
    ),
  ];
}

function goalSeries(goal) {
  const labels = [goal.baseline.date, ...(goal.plan ?? []).map((point) => point.date), goal.target.date];
  const plan = [goal.baseline.value, ...(goal.plan ?? []).map((point) => point.value), goal.target.value];
  const actual = [goal.baseline.value, ...(goal.actuals ?? []).map((point) => point.value)];
  return { labels, plan, actual };
}

export async function writePptx(account, file) {
  const pptx = new PptxGenJS();
  pptx.layout = "LAYOUT_WIDE";
  for (const spec of slidesOf(account)) {
    const slide = pptx.addSlide();
    slide.addText(spec.title, {
      x: 0.5,
      y: spec.cover ? 2.2 : 0.3,
      w: 12,
      h: 0.9,
      fontSize: spec.cover ? 40 : 28,
      bold: true,
    });
    slide.addNotes(`Speaker notes for ${spec.title}`);
    if (spec.chart) {
      const { labels, plan, actual } = goalSeries(spec.chart);
      slide.addChart(
        pptx.ChartType.line,
        [
          { name: "Plan", labels, values: plan },
          { name: "Actual", labels, values: actual },
        ],
        { x: 0.5, y: 1.4, w: 7.5, h: 5.2, showLegend: true },
      );
    }
    if (spec.bars && spec.bars.length > 0) {
      slide.addChart(
        pptx.ChartType.bar,
        [
          {
            name: "Value",
            labels: spec.bars.map(([label]) => label),
            values: spec.bars.map(([, value]) => value),
          },
        ],
        { x: 0.5, y: 1.4, w: 12, h: 5.2 },
      );
    }
    if (spec.bullets) {
      slide.addText(
        spec.bullets.map((text) => ({ text, options: { bullet: true } })),
        spec.chart
          ? { x: 8.3, y: 1.4, w: 4.5, h: 5.2, fontSize: 14 }
          : { x: 0.5, y: 1.5, w: 12, h: 5, fontSize: 16 },
      );
    }
    if (spec.table) {
      slide.addTable(
        spec.table.map((row) => row.map((text) => ({ text }))),
        { x: 0.5, y: 1.5, w: 12.3, fontSize: 12 },
      );
    }
  }
  writeFileSync(file, await pptx.write({ outputType: "nodebuffer" }));
}

export function writePdf(account, file) {
  const { doc, done } = openPdf(file, 36);
  for (const spec of slidesOf(account)) {
    doc.addPage();
    doc
      .font("bold")
      .fontSize(spec.cover ? 40 : 28)
      .fillColor("#1F3A5F")
      .text(spec.title, 36, spec.cover ? 160 : 24, { width: 880 });
    doc.font("body").fontSize(14).fillColor("#222222");
    if (spec.chart) {
      const { plan, actual } = goalSeries(spec.chart);
      const values = [...plan, ...actual];
      const [low, high] = [Math.min(...values), Math.max(...values)];
      const y = (value) => 460 - ((value - low) / (high - low || 1)) * 320;
      for (const [index, series] of [plan, actual].entries()) {
        series.forEach((value, step) => {
          const x = 60 + step * (480 / Math.max(1, plan.length - 1));
          if (step === 0) doc.moveTo(x, y(value));
          else doc.lineTo(x, y(value));
        });
        doc.stroke(index === 0 ? "#8899AA" : "#1F7A8C");
      }
      for (let tick = 0; tick <= 4; tick++)
        doc.text(
          String(Math.round(low + ((high - low) * tick) / 4)),
          20,
          y(low + ((high - low) * tick) / 4) - 6,
        );
    }
    if (spec.bars) {
      spec.bars.forEach(([label, value], index) => {
        doc.rect(300, 100 + index * 40, Math.min(600, value * 3), 24).fill("#1F7A8C");
        doc.fillColor("#222222").text(label, 36, 104 + index * 40, { width: 250 });
      });
    }
    if (spec.bullets) {
      const x = spec.chart ? 600 : 36;
      spec.bullets.forEach((line, index) =>
        doc.text(`• ${line}`, x, 100 + index * 28, { width: spec.chart ? 320 : 880 }),
      );
    }
    if (spec.table) {
      const width = 888 / spec.table[0].length;
      spec.table.forEach((row, index) => {
        row.forEach((cell, column) =>
          doc.text(cell, 36 + column * width, 100 + index * 44, {
            width: width - 8,
            height: 40,
            ellipsis: true,
          }),
        );
        doc
          .moveTo(36, 136 + index * 44)
          .lineTo(924, 136 + index * 44)
          .stroke("#CCCCCC");
      });
    }
  }
  doc.end();
  return done;
}

// Run as a script (the batch bench spawns it); imported, it only provides the writers.
//   node bench/raw-baseline.mjs <accounts-dir> <out-dir> <pptx|pdf|pptx,pdf>  minimal decks
//   node bench/raw-baseline.mjs --content <content-dir> <out-dir> <pptx|pdf>  decks with our content
//   (--content --compress: the PPTX zip deflated, as ours is — pptxgenjs's `compression: true`)
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const args = process.argv.slice(2);
  const content = args[0] === "--content";
  const compression = content && args[1] === "--compress";
  if (compression) args.splice(1, 1);
  const [dir, outDir, format] = content ? args.slice(1) : args;
  // A comma list (pptx,pdf) writes each account's decks in turn, as `qbr generate -f pptx,pdf` does.
  const formats = (format ?? "").split(",");
  if (!dir || !outDir || !formats.every((one) => ["pptx", "pdf"].includes(one))) {
    console.error("usage: node bench/raw-baseline.mjs [--content] <dir> <out-dir> <pptx|pdf|pptx,pdf>");
    process.exit(2);
  }
  mkdirSync(outDir, { recursive: true });
  const extension = content ? ".json" : ".yaml";
  for (const name of readdirSync(dir)
    .filter((file) => file.endsWith(extension))
    .sort()) {
    const text = readFileSync(path.join(dir, name), "utf8");
    const input = content ? JSON.parse(text) : parse(text);
    for (const one of formats) {
      const target = path.join(outDir, name.replace(extension, `.${one}`));
      if (content) {
        if (one === "pptx") await writeContentPptx(input, target, { compression });
        else await writeContentPdf(input, target);
      } else if (one === "pptx") await writePptx(input, target);
      else await writePdf(input, target);
    }
  }
}
