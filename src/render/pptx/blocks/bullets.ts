import type { BulletsBlock } from "../../../deck/deck-model.js";
import { FONT_SIZES } from "../../../deck/geometry.js";
import { LINE_HEIGHT, fitText } from "../../text-fit.js";
import { excerpt, shapeName, warnOnSlide, type DrawContext } from "../context.js";
import type { TextProps } from "../pptxgen.js";
import { PARAGRAPH_SPACING, POINTS_PER_INCH, fitParagraphs } from "../text-layout.js";
import { drawFittedText } from "../text-box.js";
import { hex, runFontFace, toneColor } from "../theme.js";

/** Bullet indent per level, in multiples of the font size (level n sits at (n + 1) × indent). */
const BULLET_INDENT_EM = 1.3;
const HEADING_GAP = 0.08;

/** An optional heading, then a bulleted list with two levels, shrunk as a whole to fit the box. */
export function drawBulletsBlock(ctx: DrawContext, block: BulletsBlock): void {
  const { colors, fonts } = ctx.theme;
  let listBox = block.box;
  if (block.heading) {
    const headingBox = {
      ...block.box,
      h: Math.min(block.box.h / 3, headingHeight(block.heading, block.box.w)),
    };
    drawFittedText(ctx, block.heading, headingBox, {
      role: "bullet heading",
      name: shapeName("Heading", block.heading),
      maxSizePt: FONT_SIZES.heading,
      fontFace: fonts.heading,
      color: hex(colors.primary),
      bold: true,
    });
    const offset = headingBox.h + HEADING_GAP;
    listBox = { ...block.box, y: block.box.y + offset, h: block.box.h - offset };
  }
  if (block.items.length === 0) return;
  const fitted = fitParagraphs(
    block.items.map((item) => ({
      text: item.text,
      indentEm: BULLET_INDENT_EM * ((item.level ?? 0) + 1),
      weight: "regular" as const,
    })),
    listBox,
    FONT_SIZES.bullet,
  );
  if (fitted.truncated) {
    const dropped = block.items.length - fitted.texts.length;
    const what =
      dropped > 0 ? `${dropped} of ${block.items.length} bullets were left out` : "the last bullet was cut";
    warnOnSlide(
      ctx,
      `bullet list "${excerpt(block.heading ?? block.items[0]?.text ?? "")}" does not fit: ${what}`,
    );
  }
  const runs: TextProps[] = fitted.texts.map((text, index) => {
    const item = block.items[index];
    return {
      text,
      options: {
        bullet: { indent: Math.round(BULLET_INDENT_EM * fitted.sizePt) },
        indentLevel: item?.level ?? 0,
        color: toneColor(ctx.theme, item?.tone),
        breakLine: true,
        paraSpaceAfter: fitted.sizePt * PARAGRAPH_SPACING,
      },
    };
  });
  ctx.slide.addText(runs, {
    ...listBox,
    objectName: shapeName("Bullets", block.heading ?? block.items[0]?.text ?? ""),
    margin: 0,
    fontFace: runFontFace(ctx.theme, fonts.body),
    fontSize: fitted.sizePt,
    valign: "top",
    wrap: true,
    lang: ctx.deck.meta.language,
  });
}

/** Height the heading needs at its full size (one or two lines), so the list gets the rest. */
function headingHeight(heading: string, width: number): number {
  const fitted = fitText(heading, { w: width, h: 10 }, FONT_SIZES.heading, "bold");
  const lines = Math.min(2, fitted.lines.length);
  return (lines * FONT_SIZES.heading * LINE_HEIGHT) / POINTS_PER_INCH;
}
