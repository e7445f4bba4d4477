import { loadRenderer } from "../render/renderer.js";
import type { RenderHtml } from "./build.js";

/** The preview draws decks with the `-f html` renderer, loaded (like every renderer) on first use. */
export const renderHtml: RenderHtml = async (deck, options) =>
  (await loadRenderer("html")).render(deck, options);
