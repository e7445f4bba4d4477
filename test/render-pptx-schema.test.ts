import { DECK_KIND_NAMES } from "../src/deck/kinds/index.js";
import path from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import type { ChartBlock, Deck } from "../src/deck/deck-model.js";
import { pptxRenderer } from "../src/render/pptx/render-pptx.js";
import { buildFixtureDeck } from "./fixtures/pptx-deck.js";
import { analyse, fifteenGoalAccountData, makeAccount } from "./helpers/accounts.js";
import { deckFor } from "./helpers/decks.js";
import { ooxmlSummary, validateOoxml, type OoxmlPackage } from "./helpers/ooxml.js";
import { missingTools, skipReason } from "./helpers/tools.js";

/**
 * Interop: PowerPoint opens every deck without offering to repair it. It is stricter than
 * LibreOffice about element order and required elements, so every XML part of every PPTX we write
 * (and of the chart workbooks embedded in it) must validate against the ISO/IEC 29500
 * transitional schemas (test/ooxml-schemas/). The samples' decks and the portfolio deck are
 * checked where `qbr generate` writes them (e2e-samples.test.ts); here, the decks that push the
 * renderer: the 15-goal account in every kind and audience, the renderer's fixture deck and chart
 * edge cases — and a check that the check catches what PowerPoint would repair.
 */
const missing = missingTools("xmllint");
const reason = skipReason(missing);

const KINDS = DECK_KIND_NAMES;
const AUDIENCES = ["internal", "customer"] as const;

describe.skipIf(missing.length > 0)(`interop: Office Open XML schemas${reason}`, () => {
  const decks: OoxmlPackage[] = [];

  beforeAll(async () => {
    const analysis = analyse(makeAccount(fifteenGoalAccountData()));
    for (const kind of KINDS) {
      for (const audience of AUDIENCES) {
        const { bytes } = await pptxRenderer.render(deckFor(analysis, audience, kind), {});
        decks.push({ name: `fifteen-goals-${kind}-${audience}.pptx`, bytes });
      }
    }
    decks.push({ name: "fixture.pptx", bytes: (await pptxRenderer.render(buildFixtureDeck(), {})).bytes });
    decks.push({
      name: "chart-edge-cases.pptx",
      bytes: (await pptxRenderer.render(edgeCaseChartDeck(), {})).bytes,
    });
  }, 120_000);

  it("validates every XML part of every deck and of its embedded chart workbooks", () => {
    const report = validateOoxml(decks);
    expect(report.errors).toEqual([]);
    expect(ooxmlSummary(report)).toBe(
      `ooxml: ${report.parts}/${report.parts} parts valid in ${decks.length} files`,
    );
    // Slides, layouts, masters, notes, charts, relationships… and the workbooks' parts.
    expect(report.parts).toBeGreaterThan(decks.length * 40);
    expect(report.parts).toBeGreaterThan(500);
  });

  it("catches what PowerPoint would repair, in the deck and in an embedded workbook", () => {
    const deck = decks[0]!;
    const files = unzipSync(deck.bytes);
    const presentation = strFromU8(files["ppt/presentation.xml"]!);
    const notesMasters = /<p:notesMasterIdLst>[\s\S]*?<\/p:notesMasterIdLst>/.exec(presentation)![0];
    // pptxgenjs 4.0.1's order: the notes master list after the slide list.
    files["ppt/presentation.xml"] = strToU8(
      presentation.replace(notesMasters, "").replace("</p:sldIdLst>", `</p:sldIdLst>${notesMasters}`),
    );
    const workbookName = Object.keys(files).find((name) => name.startsWith("ppt/embeddings/"))!;
    const workbook = unzipSync(files[workbookName]!);
    workbook["xl/worksheets/sheet1.xml"] = strToU8(
      strFromU8(workbook["xl/worksheets/sheet1.xml"]!).replace("<sheetData>", "<sheetData><bogus/>"),
    );
    files[workbookName] = zipSync(workbook);
    const report = validateOoxml([{ name: "broken.pptx", bytes: zipSync(files) }]);
    expect(report.invalidParts).toBe(2);
    expect(report.errors).toHaveLength(2);
    expect(report.errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^broken\.pptx!ppt\/presentation\.xml:\d+: element notesMasterIdLst: /),
        expect.stringMatching(
          new RegExp(
            `^broken\\.pptx!${path.basename(workbookName)}!xl/worksheets/sheet1\\.xml:\\d+: element bogus: `,
          ),
        ),
      ]),
    );
  });
});

/**
 * Charts at the edges of what pptxgenjs and our fixes handle: a unit and names with XML and Excel
 * format syntax in them, negative values, a one-point series, one date, no target, days apart,
 * years apart, a currency written after the number.
 */
function edgeCaseChartDeck(): Deck {
  const deck = buildFixtureDeck();
  const box = { x: 0.5, y: 1.5, w: 6, h: 4 };
  const timeline = (
    title: string,
    unit: string,
    series: [string, [string, number][]][],
    target?: number,
  ): ChartBlock => ({
    kind: "chart",
    box,
    alt: title,
    chart: {
      type: "timeline",
      title,
      format: { style: "number", decimals: 1, unit },
      series: series.map(([name, points], index) => ({
        name,
        role: index === 0 ? "plan" : index === 1 ? "actual" : "forecast",
        points: points.map(([date, value]) => ({ date, value })),
      })),
      referenceLines: target === undefined ? [] : [{ label: 'Target <"&">', value: target, role: "target" }],
    },
  });
  const charts: ChartBlock[] = [
    timeline(
      'R&D <hours> "billed"',
      'R&D "h" <x>',
      [
        [
          "Plan & <budget>",
          [
            ["2025-01-15", -12.345],
            ["2025-06-30", 4.5],
          ],
        ],
        ["Actual", [["2025-03-01", -3.21]]],
      ],
      0,
    ),
    timeline("One date", "%", [["Actual", [["2025-09-15", 71.2]]]], 80),
    timeline("Days apart", "", [
      [
        "Plan",
        [
          ["2025-09-01", 1],
          ["2025-09-03", 2],
          ["2025-09-20", 3],
        ],
      ],
    ]),
    timeline(
      "Years apart",
      "things",
      [
        [
          "Plan",
          [
            ["2015-01-01", 10],
            ["2025-12-31", 1_250_000.55],
          ],
        ],
      ],
      2_000_000,
    ),
    {
      kind: "chart",
      box,
      alt: "Bars",
      chart: {
        type: "bar",
        title: "Value in kronor & more",
        format: { style: "currency", currency: "SEK", decimals: 0 },
        direction: "horizontal",
        categories: ['A <goal> & "more"', "B"],
        series: [
          { name: "Realized", role: "value", values: [-25_000.4, 3_400_000] },
          { name: "Planned", role: "planned", values: [10_000, 0] },
        ],
      },
    },
  ];
  return {
    ...deck,
    slides: charts.map((chart, index) => ({
      id: `edge-${index + 1}`,
      layout: "content" as const,
      title: chart.alt,
      blocks: [chart],
      notes: "",
    })),
  };
}
