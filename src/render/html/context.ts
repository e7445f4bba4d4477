import type { Deck, Theme } from "../../deck/deck-model.js";
import type { PageFonts } from "./font-face.js";

/** What a block needs to write its markup. */
export interface HtmlContext {
  deck: Deck;
  theme: Theme;
  /** BCP 47 tag usable with Intl (meta.language, or "en"). */
  locale: string;
  /** Problems to report (bullets or table rows that did not fit), as the PDF renderer words them. */
  warnings: string[];
  /** `html slide 3 ("scorecard")`, for warnings. */
  slideLabel: string;
  /** Prefix of the element ids of the current slide ("s3"): ids stay unique and reproducible. */
  idPrefix: string;
  /** The faces text is measured with per weight: the theme's brand faces, else DejaVu Sans. */
  fonts: PageFonts;
}
