import { expect } from "vitest";
import type { Box, Deck } from "../../src/deck/deck-model.js";
import { SLIDE_HEIGHT, SLIDE_WIDTH } from "../../src/deck/geometry.js";

function overlaps(a: Box, b: Box): boolean {
  const epsilon = 0.01;
  return (
    a.x + a.w > b.x + epsilon &&
    b.x + b.w > a.x + epsilon &&
    a.y + a.h > b.y + epsilon &&
    b.y + b.h > a.y + epsilon
  );
}

/** Layout invariants every deck must keep: blocks on the page, none on top of another, none empty. */
export function expectSoundLayout(deck: Deck): void {
  for (const slide of deck.slides) {
    for (const block of slide.blocks) {
      expect(block.box.x, `${slide.id} ${block.kind}`).toBeGreaterThanOrEqual(0);
      expect(block.box.y).toBeGreaterThanOrEqual(0);
      expect(block.box.x + block.box.w).toBeLessThanOrEqual(SLIDE_WIDTH + 1e-6);
      expect(block.box.y + block.box.h, `${slide.id} ${block.kind} bottom`).toBeLessThanOrEqual(
        SLIDE_HEIGHT - 0.5,
      );
      expect(block.box.w).toBeGreaterThan(0.5);
      expect(block.box.h).toBeGreaterThan(0.2);
    }
    slide.blocks.forEach((a, i) =>
      slide.blocks
        .slice(i + 1)
        .forEach((b) =>
          expect(overlaps(a.box, b.box), `${slide.id}: ${a.kind} overlaps ${b.kind}`).toBe(false),
        ),
    );
    if (slide.layout === "content") expect(slide.blocks.length, `${slide.id} is empty`).toBeGreaterThan(0);
  }
}
