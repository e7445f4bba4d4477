// Bench-only: decks with exactly the content of qbr-deck's (bench/deck-content.mjs dumps it),
// written straight with pptxgenjs and pdfkit the way a hand-written script would: each slide's
// title, texts, bullets, KPIs, tables, charts, notes and footer at the deck model's positions,
// with the libraries' own defaults (pptxgenjs's uncompressed zip, pdfkit's own line wrapping and
// compression, DejaVu embedded) and none of qbr-deck's pipeline: no validation, findings,
// templates, text fitting, tagging or reproducible post-processing.
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import PDFDocument from "pdfkit";
import PptxGenJS from "pptxgenjs";

const require = createRequire(import.meta.url);
const FONT_DIR = path.join(path.dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");
const TEXT_SIZE = { lead: 18, body: 14, callout: 16, small: 11, heading: 20 };

function chartSeries(chart) {
  if (chart.type === "bar") {
    return chart.series.map((series) => ({
      name: series.name,
      labels: chart.categories,
      values: series.values,
    }));
  }
  const dates = [
    ...new Set(chart.series.flatMap((series) => series.points.map((point) => point.date))),
  ].sort();
  return chart.series.map((series) => {
    const byDate = new Map(series.points.map((point) => [point.date, point.value]));
    return { name: series.name, labels: dates, values: dates.map((date) => byDate.get(date) ?? null) };
  });
}

/** `compression: true` deflates the zip as qbr-deck's is (pptxgenjs's default stores it). */
export async function writeContentPptx(content, file, { compression = false } = {}) {
  const pptx = new PptxGenJS();
  pptx.layout = "LAYOUT_WIDE";
  content.slides.forEach((spec, index) => {
    const slide = pptx.addSlide();
    const cover = spec.layout === "title";
    slide.addText(spec.title, {
      x: 0.5,
      y: cover ? 2.2 : 0.3,
      w: 12.3,
      h: 0.9,
      fontSize: cover ? 40 : 28,
      bold: true,
    });
    if (spec.subtitle)
      slide.addText(spec.subtitle, { x: 0.5, y: cover ? 3.2 : 1.0, w: 12.3, h: 0.5, fontSize: 16 });
    for (const block of spec.blocks) {
      const { x, y, w, h } = block.box;
      if (block.kind === "text") {
        slide.addText(block.text, { x, y, w, h, fontSize: TEXT_SIZE[block.style] ?? 14, valign: "top" });
      } else if (block.kind === "bullets") {
        const items = block.items.map((item) => ({
          text: item.text,
          options: { bullet: true, indentLevel: item.level ?? 0 },
        }));
        if (block.heading) items.unshift({ text: block.heading, options: { bold: true } });
        slide.addText(items, { x, y, w, h, fontSize: 14, valign: "top" });
      } else if (block.kind === "kpis") {
        const width = w / block.items.length;
        block.items.forEach((kpi, at) =>
          slide.addText(
            [
              { text: kpi.label, options: { fontSize: 12, breakLine: true } },
              { text: kpi.value, options: { fontSize: 28, bold: true, breakLine: true } },
              { text: kpi.detail ?? "", options: { fontSize: 11 } },
            ],
            { x: x + at * width, y, w: width - 0.1, h, valign: "top" },
          ),
        );
      } else if (block.kind === "table") {
        const total = block.columns.reduce((sum, column) => sum + column.width, 0);
        const rows = [
          block.columns.map((column) => ({ text: column.header, options: { bold: true } })),
          ...block.rows.map((row) =>
            row.map((cell) => ({ text: cell.text, options: { bold: cell.bold ?? false } })),
          ),
        ];
        slide.addTable(rows, {
          x,
          y,
          w,
          colW: block.columns.map((column) => (w * column.width) / total),
          fontSize: 11,
        });
      } else if (block.kind === "chart") {
        const type = block.chart.type === "bar" ? pptx.ChartType.bar : pptx.ChartType.line;
        slide.addChart(type, chartSeries(block.chart), {
          x,
          y,
          w,
          h,
          showLegend: true,
          showTitle: true,
          title: block.chart.title,
        });
      } else if (block.kind === "image") {
        slide.addImage({ data: `data:${block.image.mime};base64,${block.image.base64}`, x, y, w, h });
      }
    }
    if (!cover)
      slide.addText(`${content.meta.footer}   ${index + 1}`, {
        x: 0.5,
        y: 7.0,
        w: 12.3,
        h: 0.3,
        fontSize: 9,
      });
    if (spec.notes) slide.addNotes(spec.notes);
  });
  // pptxgenjs 4.0.1 applies `compression` only with its "STREAM" output type (a Node buffer too).
  const outputType = compression ? "STREAM" : "nodebuffer";
  writeFileSync(file, await pptx.write({ outputType, compression }));
}

const PT = 72;

function drawChart(doc, chart, x, y, w, h) {
  const series = chartSeries(chart);
  const values = series.flatMap((item) => item.values).filter((value) => value !== null);
  const low = Math.min(0, ...values);
  const high = Math.max(1, ...values);
  const yOf = (value) => y + h - 20 - ((value - low) / (high - low || 1)) * (h - 40);
  doc.fontSize(9).fillColor("#222222").text(chart.title, x, y, { width: w });
  for (let tick = 0; tick <= 4; tick++) {
    const value = low + ((high - low) * tick) / 4;
    doc.text(String(Math.round(value)), x, yOf(value) - 5, { width: 40 });
    doc
      .moveTo(x + 44, yOf(value))
      .lineTo(x + w, yOf(value))
      .stroke("#DDDDDD");
  }
  const labels = series[0]?.labels ?? [];
  const step = (w - 50) / Math.max(1, labels.length);
  labels.forEach((label, at) =>
    doc.fillColor("#222222").text(String(label), x + 50 + at * step, y + h - 14, { width: step }),
  );
  series.forEach((item, index) => {
    const color = ["#1F7A8C", "#8899AA", "#E07A5F", "#3D405B"][index % 4];
    if (chart.type === "bar") {
      const bar = step / (series.length + 1);
      item.values.forEach((value, at) => {
        if (value === null) return;
        doc.rect(x + 50 + at * step + index * bar, yOf(value), bar - 2, yOf(low) - yOf(value)).fill(color);
      });
    } else {
      let started = false;
      item.values.forEach((value, at) => {
        if (value === null) return;
        const px = x + 50 + at * step + step / 2;
        if (started) doc.lineTo(px, yOf(value));
        else doc.moveTo(px, yOf(value));
        started = true;
      });
      if (started) doc.lineWidth(2).stroke(color).lineWidth(1);
    }
  });
}

/** A 16:9 pdfkit document with DejaVu registered; `done` resolves once its bytes are in `file`. */
export function openPdf(file, margin) {
  const doc = new PDFDocument({ size: [960, 540], margin, autoFirstPage: false });
  doc.registerFont("body", path.join(FONT_DIR, "DejaVuSans.ttf"));
  doc.registerFont("bold", path.join(FONT_DIR, "DejaVuSans-Bold.ttf"));
  const chunks = [];
  const done = new Promise((resolve, reject) => {
    doc.on("data", (chunk) => chunks.push(chunk));
    doc.on("error", reject);
    doc.on("end", () => {
      writeFileSync(file, Buffer.concat(chunks));
      resolve();
    });
  });
  return { doc, done };
}

export function writeContentPdf(content, file) {
  const { doc, done } = openPdf(file, 0);
  content.slides.forEach((spec, index) => {
    doc.addPage();
    const cover = spec.layout === "title";
    doc
      .font("bold")
      .fontSize(cover ? 40 : 26)
      .fillColor("#1F3A5F")
      .text(spec.title, 36, cover ? 160 : 22, { width: 888 });
    if (spec.subtitle)
      doc
        .font("body")
        .fontSize(16)
        .text(spec.subtitle, 36, cover ? 230 : 60, { width: 888 });
    for (const block of spec.blocks) {
      const [x, y, w, h] = [block.box.x * PT, block.box.y * PT, block.box.w * PT, block.box.h * PT];
      doc.font("body").fillColor("#222222");
      if (block.kind === "text") {
        doc
          .fontSize(TEXT_SIZE[block.style] ?? 14)
          .text(block.text, x, y, { width: w, height: h, ellipsis: true });
      } else if (block.kind === "bullets") {
        let top = y;
        if (block.heading) {
          doc.font("bold").fontSize(14).text(block.heading, x, top, { width: w });
          top = doc.y + 4;
          doc.font("body");
        }
        for (const item of block.items) {
          const indent = (item.level ?? 0) * 18;
          if (top >= y + h) break;
          doc.fontSize(13).text(`• ${item.text}`, x + indent, top, {
            width: w - indent,
            height: y + h - top,
            ellipsis: true,
          });
          top = doc.y + 4;
        }
      } else if (block.kind === "kpis") {
        const width = w / block.items.length;
        block.items.forEach((kpi, at) => {
          const left = x + at * width;
          doc.rect(left, y, width - 8, h).stroke("#CCCCCC");
          doc.fontSize(11).text(kpi.label, left + 8, y + 8, { width: width - 24 });
          doc
            .font("bold")
            .fontSize(26)
            .text(kpi.value, left + 8, y + 26, { width: width - 24 });
          doc
            .font("body")
            .fontSize(10)
            .text(kpi.detail ?? "", left + 8, y + 62, { width: width - 24 });
        });
      } else if (block.kind === "table") {
        const total = block.columns.reduce((sum, column) => sum + column.width, 0);
        const widths = block.columns.map((column) => (w * column.width) / total);
        let top = y;
        const row = (cells, bold) => {
          let left = x;
          let bottom = top;
          doc.font(bold ? "bold" : "body").fontSize(10);
          cells.forEach((text, at) => {
            doc.text(text, left + 4, top + 4, { width: widths[at] - 8 });
            bottom = Math.max(bottom, doc.y);
            left += widths[at];
          });
          top = bottom + 4;
          doc
            .moveTo(x, top)
            .lineTo(x + w, top)
            .stroke("#DDDDDD");
        };
        row(
          block.columns.map((column) => column.header),
          true,
        );
        for (const cells of block.rows)
          row(
            cells.map((cell) => cell.text),
            false,
          );
      } else if (block.kind === "chart") {
        drawChart(doc, block.chart, x, y, w, h);
      } else if (block.kind === "image") {
        doc.image(Buffer.from(block.image.base64, "base64"), x, y, { fit: [w, h] });
      }
    }
    if (!cover)
      doc
        .font("body")
        .fontSize(9)
        .fillColor("#666666")
        .text(`${content.meta.footer}   ${index + 1}`, 36, 512, { width: 888, lineBreak: false });
  });
  doc.end();
  return done;
}
