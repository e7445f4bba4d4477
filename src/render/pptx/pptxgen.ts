import pptxgenModule from "pptxgenjs";

/**
 * The one place that touches pptxgenjs's module shape. Its type declarations are CommonJS
 * (`export default` inside a package without "type": "module"), so under NodeNext TypeScript
 * types the default import as `{ default: PptxGenJS }`, while Node's ESM loader actually hands us
 * the class itself (the package's "import" condition points at an ES build). Accept both.
 */
type PptxGenJSClass = typeof pptxgenModule.default;

export type Presentation = InstanceType<PptxGenJSClass>;
export type PptxSlide = import("pptxgenjs").default.Slide;
export type TextProps = import("pptxgenjs").default.TextProps;
export type TextPropsOptions = import("pptxgenjs").default.TextPropsOptions;
export type TableRow = import("pptxgenjs").default.TableRow;
export type TableCell = import("pptxgenjs").default.TableCell;
export type ChartOptions = import("pptxgenjs").default.IChartOpts;
export type ChartData = import("pptxgenjs").default.OptsChartData;
export type ChartMulti = import("pptxgenjs").default.IChartMulti;
export type SlideMasterProps = import("pptxgenjs").default.SlideMasterProps;

const moduleShape = pptxgenModule as unknown as { default?: PptxGenJSClass };
const PptxGenJS: PptxGenJSClass = moduleShape.default ?? (pptxgenModule as unknown as PptxGenJSClass);

export function createPresentation(): Presentation {
  return new PptxGenJS();
}
