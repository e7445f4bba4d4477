import type { Box } from "../../../deck/deck-model.js";
import { loadFont, type Face, type FontWeight } from "../../fonts.js";
import { fitText, LINE_HEIGHT, textWidthPt, type FittedText } from "../../text-fit.js";
import type { PageFonts } from "../font-face.js";
import { lineStep } from "../../chart-layout/style.js";
import type { Rect, TextStyle } from "../../chart-layout/types.js";
import { isDotted, type SeriesStyle } from "../../chart-style.js";
import { attrs, escapeText, hex, num } from "../markup.js";

export interface LabelStyle extends TextStyle {
  align?: "left" | "center" | "right";
}

/**
 * Where the baseline sits in a LINE_HEIGHT line box, as render/pdf/text.ts places glyphs: the
 * face's ascent and descent centred in the box (DejaVu's regular metrics for DejaVu of either
 * weight, as before brand faces).
 */
function baselineEm(face: Face): number {
  const { font } = face.fallback ? face : loadFont("regular");
  const ascent = font.ascent / font.unitsPerEm;
  const descent = -font.descent / font.unitsPerEm;
  return (LINE_HEIGHT - ascent - descent) / 2 + ascent;
}

const ANCHORS = { left: "start", center: "middle", right: "end" } as const;

/**
 * An SVG drawn in points, the PDF's unit, so that a chart is laid out with the same numbers the
 * PDF uses (render/chart-layout/); the page scales the whole drawing to the chart's box.
 */
export class SvgCanvas {
  private readonly parts: string[] = [];
  private readonly baseline: Record<FontWeight, number>;

  /** `fonts`: the faces the page draws text with, which the chart's text is measured with. */
  constructor(private readonly fonts: PageFonts) {
    this.baseline = { regular: baselineEm(fonts.regular), bold: baselineEm(fonts.bold) };
  }

  /** The width the page's font draws `text` at (the embedded subset has no kerning, as here). */
  measure(text: string, sizePt: number, weight: FontWeight): number {
    return textWidthPt(text, sizePt, this.fonts[weight]);
  }

  /** text-fit.ts fitText() with the page's face of `weight`. */
  fit(
    text: string,
    box: Pick<Box, "w" | "h">,
    maxSizePt: number,
    weight: FontWeight,
    minSizePt?: number,
  ): FittedText {
    return fitText(text, box, maxSizePt, this.fonts[weight], minSizePt);
  }

  rect(x: number, y: number, w: number, h: number, fill: string): void {
    this.parts.push(
      `<rect${attrs({ x: num(x), y: num(y), width: num(Math.max(0, w)), height: num(Math.max(0, h)), fill: hex(fill) })}/>`,
    );
  }

  line(x1: number, y1: number, x2: number, y2: number, color: string, width: number): void {
    this.parts.push(
      `<line${attrs({ x1: num(x1), y1: num(y1), x2: num(x2), y2: num(y2), stroke: hex(color), "stroke-width": num(width) })}/>`,
    );
  }

  /** A path stroked as a chart series is (dashes, dots with round caps). */
  strokePath(d: string, style: SeriesStyle): void {
    const dotted = isDotted(style);
    this.parts.push(
      `<path${attrs({
        d,
        fill: "none",
        stroke: hex(style.color),
        "stroke-width": num(style.width),
        "stroke-linejoin": "round",
        "stroke-linecap": dotted ? "round" : "butt",
        "stroke-dasharray": style.dash ? style.dash.map(num).join(" ") : undefined,
      })}/>`,
    );
  }

  circle(cx: number, cy: number, r: number, fill: string, stroke: string, strokeWidth: number): void {
    this.parts.push(
      `<circle${attrs({ cx: num(cx), cy: num(cy), r: num(r), fill: hex(fill), stroke: hex(stroke), "stroke-width": num(strokeWidth) })}/>`,
    );
  }

  /** Lines of text, the first line's box top at `rect.y`, aligned within `rect.w`. */
  lines(lines: readonly string[], rect: Rect, style: LabelStyle, valign: "top" | "middle" = "top"): void {
    const step = lineStep(style.sizePt);
    const align = style.align ?? "left";
    const x = align === "left" ? rect.x : align === "center" ? rect.x + rect.w / 2 : rect.x + rect.w;
    let top = valign === "middle" ? rect.y + (rect.h - lines.length * step) / 2 : rect.y;
    for (const line of lines) {
      if (line.length > 0) {
        this.parts.push(
          `<text${attrs({
            x: num(x),
            y: num(top + this.baseline[style.weight] * style.sizePt),
            "font-size": num(style.sizePt),
            "font-weight": style.weight === "bold" ? 700 : undefined,
            "text-anchor": align === "left" ? undefined : ANCHORS[align],
            fill: hex(style.color),
          })}>${escapeText(line)}</text>`,
        );
      }
      top += step;
    }
  }

  toString(): string {
    return this.parts.join("");
  }
}
